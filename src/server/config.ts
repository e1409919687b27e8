import { z } from 'zod';

/**
 * The only reader of process.env. Every setting is validated at boot and all
 * problems are reported at once, so an operator fixes them in one go.
 */
const booleanFlag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** Notification and payment settings: see README "Notifications and payments". */
const jsonStringMap = z.string().transform((s, ctx) => {
  try {
    const v: unknown = JSON.parse(s);
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string')) return v as Record<string, string>;
  } catch {
    // reported below
  }
  ctx.addIssue({ code: 'custom', message: 'must be a JSON object of strings, e.g. {"Authorization":"Bearer …"}' });
  return z.NEVER;
});
const regexText = z.string().refine((s) => {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
}, 'must be a valid regular expression');
const timeoutMs = z.coerce.number().int().min(100).max(120_000);
const perMinute = z.coerce.number().int().min(1).max(100_000);
const httpUrlTemplate = z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL (may contain {phone} {text} {id})');
const secret = z.string().min(16, 'must be at least 16 characters');

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  XASO_DEMO: booleanFlag.default(true),
  DEMO_PASSWORD: z.string().min(6).default('xaso-demo'),
  PUBLIC_BASE_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  OTP_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
  BACKUP_DIR: z.string().optional(),
  BACKUP_INTERVAL_HOURS: z.coerce.number().min(0).default(24),
  BACKUP_KEEP: z.coerce.number().int().min(1).default(7),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(1000),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(65_536).max(52_428_800).default(5_242_880),
  PORTAL_COMMUNE_CODE: z.string().regex(/^\d{5}$/, 'must be a 5-digit commune code').optional(),
  NOTIFY_CHANNEL_ORDER: z.string().regex(/^(sms|zalo|email|inapp)(,(sms|zalo|email|inapp))*$/, 'comma-separated list of sms, zalo, email, inapp').default('sms,zalo,email,inapp'),
  NOTIFY_BREAKER_FAILURES: z.coerce.number().int().min(1).max(100).default(3),
  NOTIFY_BREAKER_COOLDOWN_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  NOTIFY_GIVE_UP_HOURS: z.coerce.number().min(0.1).max(720).default(24),
  NOTIFY_CALLBACK_SECRET: secret.optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\/\S+$/, 'must be smtp://user:pass@host:port or smtps://…').optional(),
  SMTP_FROM: z.string().default('xaso <no-reply@xaso.invalid>'),
  SMTP_TIMEOUT_MS: timeoutMs.default(10_000),
  SMTP_RATE_PER_MINUTE: perMinute.default(60),
  SMS_GATEWAY_URL: httpUrlTemplate.optional(),
  SMS_GATEWAY_METHOD: z.enum(['GET', 'POST', 'PUT']).default('POST'),
  SMS_GATEWAY_HEADERS: jsonStringMap.optional(),
  SMS_GATEWAY_BODY: z.string().optional(),
  SMS_GATEWAY_SUCCESS: regexText.optional(),
  SMS_GATEWAY_RECIPIENT_ERROR: regexText.optional(),
  SMS_GATEWAY_MESSAGE_ID: regexText.optional(),
  SMS_BRANDNAME: z.string().max(11).optional(),
  SMS_UNICODE: booleanFlag.default(false),
  SMS_TIMEOUT_MS: timeoutMs.default(10_000),
  SMS_RATE_PER_MINUTE: perMinute.default(120),
  ZALO_ZNS_URL: z.string().url().default('https://business.openapi.zalo.me/message/template'),
  ZALO_ZNS_ACCESS_TOKEN: z.string().optional(),
  ZALO_ZNS_TEMPLATES: jsonStringMap.optional(),
  ZALO_ZNS_RECIPIENT_ERRORS: z.string().regex(/^-?\d+(,-?\d+)*$/, 'comma-separated error codes').default('-108,-118,-119'),
  ZALO_TIMEOUT_MS: timeoutMs.default(10_000),
  ZALO_RATE_PER_MINUTE: perMinute.default(300),
  PAYMENT_WEBHOOK_SECRET: secret.optional(),
  PAYMENT_GATEWAY_URL: z.string().url().optional(),
  PAYMENT_GATEWAY_MERCHANT_ID: z.string().min(1).max(64).optional(),
  PAYMENT_GATEWAY_SECRET: secret.optional(),
  PAYMENT_BANK_APP_LINK: z.union([z.literal('off'), z.string().url()]).default('https://dl.vietqr.io/pay'),
});

export type Config = z.infer<typeof configSchema> & {
  engine: 'pglite' | 'postgres';
  publicBaseUrl: string;
  /** Shared secrets of the provider callbacks and the bank webhook; demo mode has fixed ones, so the demo can simulate them. */
  notifyCallbackSecret: string | undefined;
  paymentWebhookSecret: string | undefined;
};

export const DEMO_NOTIFY_CALLBACK_SECRET = 'xaso-demo-callback-secret';
export const DEMO_PAYMENT_WEBHOOK_SECRET = 'xaso-demo-bank-webhook-secret';

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình không hợp lệ / Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    ...c,
    engine: c.DATABASE_URL ? 'postgres' : 'pglite',
    publicBaseUrl: c.PUBLIC_BASE_URL ?? `http://localhost:${c.PORT}`,
    notifyCallbackSecret: c.NOTIFY_CALLBACK_SECRET ?? (c.XASO_DEMO ? DEMO_NOTIFY_CALLBACK_SECRET : undefined),
    paymentWebhookSecret: c.PAYMENT_WEBHOOK_SECRET ?? (c.XASO_DEMO ? DEMO_PAYMENT_WEBHOOK_SECRET : undefined),
  };
}
