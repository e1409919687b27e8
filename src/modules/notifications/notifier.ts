import type { AppDeps } from '../../platform/http';
import { CircuitBreaker, RateLimiter, type BreakerState } from './breaker';
import { createEmailChannel } from './channels/email-smtp';
import { createInboxChannel } from './channels/inbox';
import { createLocalChannel, mirrorToLocal } from './channels/local';
import { createSmsHttpChannel } from './channels/sms-http';
import { channelNames, type ChannelAdapter, type ChannelName } from './channels/types';
import { createZaloZnsChannel } from './channels/zalo-zns';

/**
 * The channel adapters of one running server, built from the configuration, each with
 * its circuit breaker and rate limit. Breakers live in memory: each process learns a
 * provider's health by itself, which is enough to stop hammering a provider that is down.
 */
export interface Notifier {
  /** No provider configured: sms/zalo/email go to the local demo channel. */
  testMode: boolean;
  order: ChannelName[];
  adapters: Map<ChannelName, ChannelAdapter>;
  breakers: Map<ChannelName, CircuitBreaker>;
  limiters: Map<ChannelName, RateLimiter>;
  /** How long a try may stay "sending" before it is taken for lost (worker died mid-send). */
  staleAfterMs: number;
}

export interface ChannelStatus {
  channel: ChannelName;
  provider: string;
  breaker: BreakerState;
  consecutiveFailures: number;
  openUntil: string | null;
}

export function createNotifier(deps: AppDeps): Notifier {
  const c = deps.config;
  const testMode = !c.SMTP_URL && !c.SMS_GATEWAY_URL && !c.ZALO_ZNS_ACCESS_TOKEN;
  const adapters = new Map<ChannelName, ChannelAdapter>();
  const limiters = new Map<ChannelName, RateLimiter>();
  if (testMode) {
    for (const ch of ['sms', 'zalo', 'email'] as const) adapters.set(ch, createLocalChannel(ch, deps.db, deps.now));
    adapters.set('inapp', mirrorToLocal(createInboxChannel(deps.db, deps.now), deps.db, deps.now));
  } else {
    if (c.SMS_GATEWAY_URL) {
      adapters.set('sms', createSmsHttpChannel({
        url: c.SMS_GATEWAY_URL, method: c.SMS_GATEWAY_METHOD, headers: c.SMS_GATEWAY_HEADERS ?? {}, body: c.SMS_GATEWAY_BODY,
        success: regex(c.SMS_GATEWAY_SUCCESS), recipientError: regex(c.SMS_GATEWAY_RECIPIENT_ERROR), messageId: regex(c.SMS_GATEWAY_MESSAGE_ID),
        brandname: c.SMS_BRANDNAME, unicode: c.SMS_UNICODE, timeoutMs: c.SMS_TIMEOUT_MS,
      }));
      limiters.set('sms', new RateLimiter(c.SMS_RATE_PER_MINUTE));
    }
    if (c.ZALO_ZNS_ACCESS_TOKEN) {
      adapters.set('zalo', createZaloZnsChannel({
        url: c.ZALO_ZNS_URL, accessToken: c.ZALO_ZNS_ACCESS_TOKEN, templateIds: c.ZALO_ZNS_TEMPLATES ?? {},
        recipientErrors: new Set(c.ZALO_ZNS_RECIPIENT_ERRORS.split(',').map(Number)), timeoutMs: c.ZALO_TIMEOUT_MS,
      }));
      limiters.set('zalo', new RateLimiter(c.ZALO_RATE_PER_MINUTE));
    }
    if (c.SMTP_URL) {
      adapters.set('email', createEmailChannel({ url: c.SMTP_URL, from: c.SMTP_FROM, timeoutMs: c.SMTP_TIMEOUT_MS }));
      limiters.set('email', new RateLimiter(c.SMTP_RATE_PER_MINUTE));
    }
    adapters.set('inapp', createInboxChannel(deps.db, deps.now));
  }
  const breakers = new Map<ChannelName, CircuitBreaker>();
  for (const ch of adapters.keys()) breakers.set(ch, new CircuitBreaker(c.NOTIFY_BREAKER_FAILURES, c.NOTIFY_BREAKER_COOLDOWN_SECONDS * 1000));
  const longestTimeout = Math.max(c.SMTP_TIMEOUT_MS, c.SMS_TIMEOUT_MS, c.ZALO_TIMEOUT_MS);
  return { testMode, order: c.NOTIFY_CHANNEL_ORDER.split(',') as ChannelName[], adapters, breakers, limiters, staleAfterMs: Math.max(5 * 60_000, 4 * longestTimeout) };
}

function regex(s: string | undefined): RegExp | undefined {
  return s ? new RegExp(s) : undefined;
}

const notifiers = new WeakMap<AppDeps, Notifier>();

/** One notifier per running app (routes and the worker share the breakers). */
export function getNotifier(deps: AppDeps): Notifier {
  let n = notifiers.get(deps);
  if (!n) notifiers.set(deps, (n = createNotifier(deps)));
  return n;
}

export function channelStatuses(n: Notifier, now: number): ChannelStatus[] {
  return [...n.adapters.values()].map((a) => {
    const s = n.breakers.get(a.channel)!.snapshot(now);
    return { channel: a.channel, provider: a.provider, breaker: s.state, consecutiveFailures: s.consecutiveFailures, openUntil: s.openUntil };
  });
}

/**
 * The order in which channels are tried for one message: the citizen's preferred
 * channel first, then the configured order. A sign-in code goes only to the phone.
 */
export function planChannels(input: { preferred?: string | null; order: readonly ChannelName[]; phoneOnly: boolean }): ChannelName[] {
  const preferred = (channelNames as readonly string[]).includes(input.preferred ?? '') ? (input.preferred as ChannelName) : null;
  const list = preferred ? [preferred, ...input.order] : [...input.order];
  const unique = [...new Set(list)];
  return input.phoneOnly ? unique.filter((c) => c === 'sms' || c === 'zalo') : unique;
}
