import { z } from 'zod';
import type { AppDeps } from '../../platform/http';
import { DeliveryError, type ClaimedMessage } from '../../platform/outbox';
import { maskPhone } from '../../shared/validation';
import { findCitizenByPhone } from '../auth';
import { ChannelError, type ChannelAdapter, type OutgoingMessage } from './channels/types';
import * as repo from './deliveries.repo';
import { planChannels, type Notifier } from './notifier';
import { renderForCommune, type RenderedMessage } from './template-store';

/** What every module writes to the outbox under topic 'notification.send'. */
export const notificationPayload = z.object({
  template: z.string(),
  recipient: z.object({ phone: z.string().optional(), email: z.string().optional() }),
  params: z.record(z.string(), z.union([z.string(), z.number()]).optional()).default({}),
});
export type NotificationPayload = z.infer<typeof notificationPayload>;

interface Recipient {
  phone?: string;
  email?: string;
  citizenId?: string;
  preferred?: string | null;
}

/**
 * Delivers one claimed outbox message (docs/decisions: notification channels): the
 * citizen's preferred channel first, falling back to the next channel when one fails
 * permanently or its circuit breaker is open; a temporary failure is retried later on
 * the same channel. A message already delivered, or one whose previous try may still
 * be in flight, is never sent again.
 */
export async function deliverNotification(deps: AppDeps, n: Notifier, message: ClaimedMessage): Promise<void> {
  const parsed = notificationPayload.safeParse(message.payload);
  if (!parsed.success) throw new DeliveryError('permanent', 'malformed notification payload');
  const payload = parsed.data;
  const rendered = await renderForCommune(deps, payload.template, message.communeCode, payload.params);
  if (!rendered) throw new DeliveryError('permanent', `unknown template ${payload.template}`);
  const to = await resolveRecipient(deps, payload.recipient);
  const previous = await repo.listDeliveriesOfMessage(deps.db, message.id);
  if (previous.some((d) => d.status === 'delivered')) return;
  const excluded = await settlePreviousTries(deps, n, previous);
  const out: OutgoingMessage = {
    outboxId: message.id, template: payload.template, labelVi: rendered.labelVi, to, text: { vi: rendered.vi, en: rendered.en },
    params: payload.params, subjectRef: message.subjectRef, communeCode: message.communeCode,
  };
  const plan = planChannels({ preferred: to.preferred, order: n.order, phoneOnly: rendered.phoneOnly })
    .filter((ch) => !excluded.has(ch))
    .map((ch) => n.adapters.get(ch))
    .filter((a): a is ChannelAdapter => Boolean(a?.canSend(out)));
  if (plan.length === 0) throw new DeliveryError(previous.some((d) => d.status === 'failed_provider') ? 'provider' : 'permanent', 'no channel left that can reach this recipient');
  await tryInOrder(deps, n, plan, out, message, rendered);
}

async function tryInOrder(deps: AppDeps, n: Notifier, plan: ChannelAdapter[], out: OutgoingMessage, message: ClaimedMessage, rendered: RenderedMessage): Promise<void> {
  let skipped: string[] = [];
  let reopensAt = Infinity;
  let last: ChannelError | undefined;
  for (const adapter of plan) {
    const breaker = n.breakers.get(adapter.channel)!;
    if (!breaker.allow(deps.now().getTime())) {
      skipped = [...skipped, adapter.channel];
      reopensAt = Math.min(reopensAt, Date.parse(breaker.snapshot(deps.now().getTime()).openUntil ?? '') || Infinity);
      continue;
    }
    const slot = n.limiters.get(adapter.channel)?.take(deps.now().getTime());
    if (slot && !slot.ok) {
      breaker.recordNeutral();
      throw new DeliveryError('deferred', `${adapter.channel}: rate limit reached`, slot.waitMs);
    }
    const error = await tryChannel(deps, adapter, out, message, rendered);
    if (!error) {
      breaker.recordSuccess();
      return;
    }
    if (error.kind === 'temporary') {
      breaker.recordFailure(deps.now().getTime());
      throw new DeliveryError('temporary', `${adapter.channel}: ${error.message}`);
    }
    breaker.recordNeutral();
    last = error;
  }
  if (skipped.length) throw waitForBreaker(deps, message, skipped, reopensAt);
  throw new DeliveryError(last?.kind === 'provider' ? 'provider' : 'permanent', `every channel failed; last: ${last?.message ?? 'none'}`);
}

/**
 * Every channel left is skipped by its open breaker: that is not the message's fault, so
 * it waits for the cool-down without using up an attempt, until it is older than
 * NOTIFY_GIVE_UP_HOURS; then it counts as a temporary failure and ends after the last attempt.
 */
function waitForBreaker(deps: AppDeps, message: ClaimedMessage, skipped: string[], reopensAt: number): DeliveryError {
  const now = deps.now().getTime();
  const text = `circuit open for ${skipped.join(', ')}`;
  if (now - message.createdAt.getTime() > deps.config.NOTIFY_GIVE_UP_HOURS * 3600_000) return new DeliveryError('temporary', text);
  return new DeliveryError('deferred', text, Number.isFinite(reopensAt) ? Math.max(1000, reopensAt - now) : 60_000);
}

/** One try on one channel, logged before sending so a crash mid-send leaves a trace. */
async function tryChannel(deps: AppDeps, adapter: ChannelAdapter, out: OutgoingMessage, message: ClaimedMessage, rendered: RenderedMessage): Promise<ChannelError | undefined> {
  const id = await repo.insertDelivery(deps.db, {
    outboxId: message.id, attempt: message.attempts, channel: adapter.channel, provider: adapter.provider,
    recipientMasked: maskRecipient(adapter.channel, out.to), template: out.template, templateVersion: rendered.version,
    status: 'sending', subjectRef: message.subjectRef, communeCode: message.communeCode, startedAt: deps.now(),
  });
  try {
    const result = await adapter.send(out);
    await repo.finishDelivery(deps.db, id, { status: 'delivered', finishedAt: deps.now(), providerMessageId: result.providerMessageId ?? null });
    return undefined;
  } catch (err) {
    const e = err instanceof ChannelError ? err : new ChannelError('temporary', (err as Error)?.message ?? String(err));
    await repo.finishDelivery(deps.db, id, { status: `failed_${e.kind}`, finishedAt: deps.now(), error: e.message });
    return e;
  }
}

/**
 * Channels that already failed for good are not tried again. A try still marked
 * "sending" may be in flight in another worker whose claim expired: wait for it; once
 * it is older than any time-out, its outcome is unknown and its channel is given up
 * rather than risk sending the same message twice on it.
 */
async function settlePreviousTries(deps: AppDeps, n: Notifier, previous: repo.DeliveryRow[]): Promise<Set<string>> {
  const excluded = new Set<string>();
  const now = deps.now();
  for (const d of previous) {
    if (d.status === 'failed_permanent' || d.status === 'failed_provider') excluded.add(d.channel);
    if (d.status !== 'sending') continue;
    if (now.getTime() - d.startedAt.getTime() < n.staleAfterMs) throw new DeliveryError('deferred', 'a previous try may still be in flight', 30_000);
    await repo.finishDelivery(deps.db, d.id, { status: 'failed_provider', finishedAt: now, error: 'outcome unknown: the worker stopped while sending' });
    excluded.add(d.channel);
  }
  return excluded;
}

async function resolveRecipient(deps: AppDeps, r: NotificationPayload['recipient']): Promise<Recipient> {
  const citizen = r.phone ? await findCitizenByPhone(deps.db, r.phone) : undefined;
  return { phone: r.phone, email: r.email ?? citizen?.email ?? undefined, citizenId: citizen?.id, preferred: citizen?.preferredChannel };
}

export function maskEmail(email: string): string {
  const [user = '', domain = ''] = email.split('@');
  return `${user.slice(0, 2)}***@${domain}`;
}

function maskRecipient(channel: string, to: Recipient): string {
  if (channel === 'email' && to.email) return maskEmail(to.email);
  return to.phone ? maskPhone(to.phone) : 'citizen';
}
