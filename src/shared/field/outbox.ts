/**
 * The field app's on-device outbox (issue 4 "Outbox"; decision 0011 §3): every offline write is a command with an id
 * made on the phone, kept until the server has answered it for good. Pure rules, property-tested: the app stores the
 * items in IndexedDB and sends them one by one (web/to-cong-nghe/store/sync-engine.ts).
 *
 * States: pending (not answered for good yet) → sent (applied, or replayed: the server keeps the first answer) or
 * needs_attention (the server refused it and stored the refusal: resending the same id gives the same answer, so the
 * member fixes it by a corrected NEW command, or discards it). sent, discarded and replaced are final.
 */
export type OutboxState = 'pending' | 'sent' | 'needs_attention' | 'discarded' | 'replaced';

export interface OutboxReason {
  code: string;
  vi: string;
  en: string;
  fields?: { path: string; vi: string; en: string }[];
}

export interface OutboxCommand {
  commandId: string;
  type: string;
  payload: unknown;
  /** When the member did it, by the phone's clock (ISO); the server caps it at its own time. */
  deviceAt: string;
}

export interface OutboxItem extends OutboxCommand {
  /** Order of recording on this device: items are sent in this order. */
  seq: number;
  state: OutboxState;
  /** Tries that did not settle the item (lost connection, server busy, waiting for a signature). */
  attempts: number;
  /** Epoch ms before which an automatic retry is not made (0 = at once). "Gửi ngay" ignores it. */
  nextAttemptAt: number;
  /** The server's last reason: why it needs attention, or why it is still pending. */
  reason?: OutboxReason;
  result?: Record<string, unknown>;
  /** Epoch ms of the answer that settled it as sent. */
  sentAt?: number;
  /** The corrected command that replaced this one / the one this corrects. */
  replacedBy?: string;
  fixes?: string;
}

export interface ServerAnswer {
  status: 'applied' | 'pending' | 'needs_attention';
  reason?: OutboxReason;
  result?: Record<string, unknown>;
}

/** First retry after 5 s, doubling up to 10 minutes: a phone on 3G in a village retries often, then saves battery. */
export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_CAP_MS = 10 * 60_000;
/** Sent items are kept this long so the member can see what went through. */
export const KEEP_SETTLED_MS = 7 * 86_400_000;

export const isFinal = (s: OutboxState) => s === 'sent' || s === 'discarded' || s === 'replaced';

/**
 * Delay before the next try after `attempts` failed tries, with ±20 % jitter (`rand` in [0, 1)) so that the phones
 * of a team that all regain the network at the same moment do not retry in step. Never above the cap.
 */
export function backoffMs(attempts: number, rand = 0.5): number {
  const n = Math.max(1, Math.floor(attempts));
  const raw = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(n - 1, 30));
  return Math.round(Math.min(BACKOFF_CAP_MS, raw * (0.8 + 0.4 * Math.min(Math.max(rand, 0), 1))));
}

export function newOutboxItem(cmd: OutboxCommand, seq: number): OutboxItem {
  return { ...cmd, seq, state: 'pending', attempts: 0, nextAttemptAt: 0 };
}

/** The server's answer for one item. An answer for an item already settled changes nothing. */
export function onServerAnswer(item: OutboxItem, answer: ServerAnswer, now: number, rand = 0.5): OutboxItem {
  if (item.state !== 'pending') return item;
  switch (answer.status) {
    case 'applied':
      return { ...item, state: 'sent', result: answer.result, reason: undefined, sentAt: now, nextAttemptAt: 0 };
    case 'needs_attention':
      return { ...item, state: 'needs_attention', reason: answer.reason, attempts: item.attempts + 1, nextAttemptAt: 0 };
    case 'pending':
      return retryLater(item, now, rand, answer.reason);
  }
}

/** The request or its answer was lost (no network, time-out, 5xx): try again later, same id. */
export function onSendFailed(item: OutboxItem, now: number, rand = 0.5): OutboxItem {
  return item.state === 'pending' ? retryLater(item, now, rand, item.reason) : item;
}

function retryLater(item: OutboxItem, now: number, rand: number, reason: OutboxReason | undefined): OutboxItem {
  const attempts = item.attempts + 1;
  return { ...item, attempts, reason, nextAttemptAt: now + backoffMs(attempts, rand) };
}

export function isDue(item: OutboxItem, now: number): boolean {
  return item.state === 'pending' && item.nextAttemptAt <= now;
}

/** What to send now, oldest first; `force` ("Gửi ngay", back online) ignores the back-off. */
export function dueItems(items: readonly OutboxItem[], now: number, force = false): OutboxItem[] {
  return items.filter((i) => i.state === 'pending' && (force || i.nextAttemptAt <= now)).sort((a, b) => a.seq - b.seq);
}

/** When the next automatic try is due (epoch ms), or undefined when nothing waits. */
export function nextWake(items: readonly OutboxItem[]): number | undefined {
  const times = items.filter((i) => i.state === 'pending').map((i) => i.nextAttemptAt);
  return times.length ? Math.min(...times) : undefined;
}

/** Only a refused item may be dropped: the server applied nothing for it, so nothing is lost on either side. */
export function discard(item: OutboxItem): OutboxItem {
  return item.state === 'needs_attention' ? { ...item, state: 'discarded' } : item;
}

/** A refused item fixed by the member: the old one is closed, the corrected one is a new command, due at once. */
export function replaceWith(old: OutboxItem, corrected: OutboxCommand, seq: number): [OutboxItem, OutboxItem] | undefined {
  if (old.state !== 'needs_attention' || corrected.commandId === old.commandId) return undefined;
  return [{ ...old, state: 'replaced', replacedBy: corrected.commandId }, { ...newOutboxItem(corrected, seq), fixes: old.commandId }];
}

export interface OutboxCounts {
  pending: number;
  sent: number;
  needsAttention: number;
}

export function countOutbox(items: readonly OutboxItem[]): OutboxCounts {
  return {
    pending: items.filter((i) => i.state === 'pending').length,
    sent: items.filter((i) => i.state === 'sent').length,
    needsAttention: items.filter((i) => i.state === 'needs_attention').length,
  };
}

/** Settled items older than a week are forgotten; pending and refused ones stay until dealt with. */
export function pruneOutbox(items: readonly OutboxItem[], now: number): OutboxItem[] {
  return items.filter((i) => !isFinal(i.state) || (i.sentAt ?? Date.parse(i.deviceAt)) > now - KEEP_SETTLED_MS);
}

/**
 * A signature or photo waiting for upload, retried on its own schedule: a photo that fails never holds up the
 * commands (decision 0011 §8). A refusal (too large, not an image) is final and shown to the member.
 */
export interface AttachmentItem {
  id: string;
  contentType: 'image/png' | 'image/jpeg';
  state: 'pending' | 'sent' | 'refused';
  attempts: number;
  nextAttemptAt: number;
  createdAt: number;
  reason?: OutboxReason;
}

export function attachmentUploaded<T extends AttachmentItem>(a: T): T {
  return a.state === 'pending' ? { ...a, state: 'sent', attempts: a.attempts, nextAttemptAt: 0, reason: undefined } : a;
}

export function attachmentFailed<T extends AttachmentItem>(a: T, now: number, rand = 0.5, refusal?: OutboxReason): T {
  if (a.state !== 'pending') return a;
  if (refusal) return { ...a, state: 'refused', reason: refusal };
  const attempts = a.attempts + 1;
  return { ...a, attempts, nextAttemptAt: now + backoffMs(attempts, rand) };
}
