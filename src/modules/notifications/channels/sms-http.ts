import { toSmsText } from '../sms-text';
import { ChannelError, fetchWithTimeout, kindOfHttpStatus, readBody, requestIdOf, type ChannelAdapter, type OutgoingMessage } from './types';

/**
 * SMS through an HTTP gateway, as Vietnamese brandname-SMS providers offer. The request
 * is a template (SMS_GATEWAY_URL/METHOD/HEADERS/BODY) with placeholders: {phone}
 * (0912345678), {phone84} (84912345678), {text}, {brandname} and {id} (xaso's request
 * id, the same on every retry, for providers that deduplicate). Values are escaped for
 * where they stand: URL-encoded in the URL and in form bodies, JSON-escaped in JSON bodies.
 */
export interface SmsGatewayConfig {
  url: string;
  method: 'GET' | 'POST' | 'PUT';
  headers: Record<string, string>;
  body?: string;
  /** The response body must match for success (default: any 2xx). */
  success?: RegExp;
  /** A response matching this means the number cannot receive SMS: fall back. */
  recipientError?: RegExp;
  /** First capture group = the provider's message id. */
  messageId?: RegExp;
  brandname?: string;
  unicode: boolean;
  timeoutMs: number;
}

type Escape = (v: string) => string;

export function fillTemplate(template: string, values: Record<string, string>, escape: Escape): string {
  return template.replace(/\{(phone84|phone|text|brandname|id)\}/g, (_, k: string) => escape(values[k] ?? ''));
}

function bodyEscape(headers: Record<string, string>): Escape {
  const type = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  if (type.includes('json')) return (v) => JSON.stringify(v).slice(1, -1);
  if (type.includes('x-www-form-urlencoded')) return encodeURIComponent;
  return (v) => v;
}

/** Gateways echo numbers back; the log must not keep them (Decree 13/2023). */
export function redactDigits(s: string): string {
  return s.replace(/\d{9,}/g, '***').slice(0, 200);
}

export function createSmsHttpChannel(cfg: SmsGatewayConfig): ChannelAdapter {
  return {
    channel: 'sms',
    provider: 'sms-http',
    canSend: (m) => Boolean(m.to.phone),
    async send(m: OutgoingMessage) {
      const phone = m.to.phone!;
      const values = { phone, phone84: `84${phone.slice(1)}`, text: toSmsText(m.text.vi, cfg.unicode).text, brandname: cfg.brandname ?? '', id: requestIdOf(m.outboxId) };
      const url = fillTemplate(cfg.url, values, encodeURIComponent);
      const body = cfg.body && cfg.method !== 'GET' ? fillTemplate(cfg.body, values, bodyEscape(cfg.headers)) : undefined;
      const headers = Object.fromEntries(Object.entries(cfg.headers).map(([k, v]) => [k, fillTemplate(v, values, (x) => x)]));
      const res = await fetchWithTimeout(url, { method: cfg.method, headers, body }, cfg.timeoutMs);
      const text = await readBody(res, cfg.timeoutMs);
      if (cfg.recipientError?.test(text)) throw new ChannelError('permanent', `gateway: recipient cannot receive SMS (${res.status} ${redactDigits(text)})`);
      if (!res.ok) throw new ChannelError(kindOfHttpStatus(res.status), `gateway answered ${res.status}: ${redactDigits(text)}`);
      if (cfg.success && !cfg.success.test(text)) throw new ChannelError('provider', `gateway refused the message: ${redactDigits(text)}`);
      return { providerMessageId: cfg.messageId?.exec(text)?.[1] ?? values.id };
    },
  };
}
