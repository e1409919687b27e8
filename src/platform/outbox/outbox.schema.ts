import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const outboxStatuses = ['pending', 'sending', 'delivered', 'failed_temporary', 'failed_permanent', 'failed_provider'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/**
 * Side effects written in the same transaction as the change that causes them,
 * so a crash can never lose or invent one (transactional outbox).
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    topic: text('topic').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    communeCode: text('commune_code'),
    /** e.g. the dossier code, so a delivery log can be shown per dossier. */
    subjectRef: text('subject_ref'),
    status: text('status', { enum: outboxStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_subject_idx').on(t.subjectRef),
  ],
);
