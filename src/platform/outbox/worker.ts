import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { queryRows } from '../db';
import type { OutboxStatus } from './outbox.schema';

/**
 * How a handler failed: `temporary` is retried with back-off, `permanent` (e.g. an invalid
 * number) and `provider` (the provider refused us) end the message, `deferred` (e.g. a rate
 * limit) retries after `retryAfterMs` without using up an attempt.
 */
export class DeliveryError extends Error {
  constructor(
    readonly kind: 'temporary' | 'permanent' | 'provider' | 'deferred',
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export interface ClaimedMessage {
  id: number;
  topic: string;
  payload: Record<string, unknown>;
  communeCode: string | null;
  subjectRef: string | null;
  attempts: number;
  createdAt: Date;
}

export type OutboxHandler = (message: ClaimedMessage) => Promise<void>;

export interface OutboxWorkerOptions {
  db: Db;
  handlers: Record<string, OutboxHandler>;
  now: () => Date;
  log: { info: (o: object, m?: string) => void; warn: (o: object, m?: string) => void };
  batchSize?: number;
  maxAttempts?: number;
  claimSeconds?: number;
}

/**
 * Claims due messages with FOR UPDATE SKIP LOCKED, so several workers never take
 * the same one; a claim that outlives `claimSeconds` (crashed worker) is retaken.
 */
export async function claimDueMessages(db: Db, now: Date, batchSize: number, claimSeconds: number): Promise<ClaimedMessage[]> {
  const until = new Date(now.getTime() + claimSeconds * 1000);
  const rows = await queryRows<ClaimedMessage>(
    db,
    sql`update outbox_messages set status = 'sending', claimed_until = ${until.toISOString()}::timestamptz, attempts = attempts + 1
        where id in (
          select id from outbox_messages
          where (status in ('pending', 'failed_temporary') and next_attempt_at <= ${now.toISOString()}::timestamptz)
             or (status = 'sending' and claimed_until < ${now.toISOString()}::timestamptz)
          order by id limit ${batchSize} for update skip locked)
        returning id, topic, payload, commune_code as "communeCode", subject_ref as "subjectRef", attempts, created_at as "createdAt"`,
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
}

export async function processOutboxOnce(opts: OutboxWorkerOptions): Promise<number> {
  const claimed = await claimDueMessages(opts.db, opts.now(), opts.batchSize ?? 20, opts.claimSeconds ?? 60);
  // One by one: a failing message never blocks the ones behind it.
  for (const message of claimed) await deliverOne(opts, message);
  return claimed.length;
}

async function deliverOne(opts: OutboxWorkerOptions, message: ClaimedMessage): Promise<void> {
  const handler = opts.handlers[message.topic];
  try {
    if (!handler) throw new DeliveryError('permanent', `no handler for topic ${message.topic}`);
    await handler(message);
    await finish(opts.db, message, 'delivered', opts.now(), null);
  } catch (err) {
    const kind = err instanceof DeliveryError ? err.kind : 'temporary';
    const text = err instanceof Error ? err.message : String(err);
    opts.log.warn({ outboxId: message.id, topic: message.topic, attempts: message.attempts, kind }, `outbox delivery failed: ${text}`);
    if (kind === 'deferred') {
      await deferLater(opts.db, message, (err as DeliveryError).retryAfterMs ?? 1000, opts.now(), text);
    } else if (kind === 'temporary' && message.attempts < (opts.maxAttempts ?? 8)) {
      await retryLater(opts.db, message, backoffMs(message.attempts), opts.now(), text);
    } else {
      await finish(opts.db, message, kind === 'permanent' ? 'failed_permanent' : kind === 'provider' ? 'failed_provider' : 'failed_temporary', opts.now(), text);
    }
  }
}

/** Exponential back-off: 5 s, 10 s, 20 s … capped at one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(3600_000, 5000 * 2 ** Math.max(0, attempts - 1));
}

// Every update is fenced by the attempt number: a worker whose claim expired and was
// retaken by another one can no longer overwrite the newer attempt's outcome.
async function retryLater(db: Db, m: ClaimedMessage, delayMs: number, now: Date, error: string): Promise<void> {
  const next = new Date(now.getTime() + delayMs).toISOString();
  await db.execute(
    sql`update outbox_messages set status = 'failed_temporary', next_attempt_at = ${next}::timestamptz, claimed_until = null, last_error = ${error}
        where id = ${m.id} and attempts = ${m.attempts}`,
  );
}

async function deferLater(db: Db, m: ClaimedMessage, delayMs: number, now: Date, error: string): Promise<void> {
  const next = new Date(now.getTime() + delayMs).toISOString();
  await db.execute(
    sql`update outbox_messages set status = 'pending', attempts = attempts - 1, next_attempt_at = ${next}::timestamptz, claimed_until = null, last_error = ${error}
        where id = ${m.id} and attempts = ${m.attempts}`,
  );
}

async function finish(db: Db, m: ClaimedMessage, status: OutboxStatus, now: Date, error: string | null): Promise<void> {
  await db.execute(
    sql`update outbox_messages set status = ${status}, finished_at = ${now.toISOString()}::timestamptz, next_attempt_at = null, claimed_until = null, last_error = ${error}
        where id = ${m.id} and attempts = ${m.attempts}`,
  );
}

/** Polls until stopped; returns a stop function that waits for the current batch. */
export function startOutboxWorker(opts: OutboxWorkerOptions & { pollMs: number }): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      try {
        while (!stopped && (await processOutboxOnce(opts)) > 0);
      } catch (err) {
        opts.log.warn({ err }, 'outbox worker tick failed');
      }
      if (!stopped) timer = setTimeout(tick, opts.pollMs);
    })();
  };
  timer = setTimeout(tick, 0);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
