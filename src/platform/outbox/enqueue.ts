import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { outboxMessages } from './outbox.schema';

export interface OutboxItem {
  topic: string;
  payload: Record<string, unknown>;
  communeCode?: string | null;
  subjectRef?: string | null;
}

/** Call with the transaction of the change that causes the side effect. */
export async function enqueueOutbox(db: Db, now: Date, items: OutboxItem | OutboxItem[]): Promise<void> {
  const list = Array.isArray(items) ? items : [items];
  if (list.length === 0) return;
  await db.insert(outboxMessages).values(
    list.map((i) => ({
      topic: i.topic,
      payload: i.payload,
      communeCode: i.communeCode ?? null,
      subjectRef: i.subjectRef ?? null,
      status: 'pending' as const,
      nextAttemptAt: now,
      createdAt: now,
    })),
  );
}

/**
 * A message reported undelivered after it was handed over (e.g. a provider's status
 * callback) goes back to the queue, so its handler can try the next channel. Only a
 * delivered message is reopened; returns whether it was.
 */
export async function reopenOutboxMessage(db: Db, id: number, now: Date, reason: string): Promise<boolean> {
  const rows = await db
    .update(outboxMessages)
    .set({ status: 'pending', nextAttemptAt: now, finishedAt: null, lastError: reason })
    .where(and(eq(outboxMessages.id, id), eq(outboxMessages.status, 'delivered')))
    .returning({ id: outboxMessages.id });
  return rows.length === 1;
}
