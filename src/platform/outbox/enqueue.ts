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
