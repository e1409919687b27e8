import { bigint, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The development channel: every message the system would send, kept in the
 * database and shown on a demo page, so a newcomer can see all of them.
 */
export const devMessages = pgTable(
  'dev_messages',
  {
    id: text('id').primaryKey(),
    /** Unique: a retried delivery of the same outbox message records it once. */
    outboxId: bigint('outbox_id', { mode: 'number' }).notNull(),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    template: text('template').notNull(),
    subjectRef: text('subject_ref'),
    communeCode: text('commune_code'),
    bodyVi: text('body_vi').notNull(),
    bodyEn: text('body_en').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('dev_messages_outbox_uq').on(t.outboxId), index('dev_messages_recipient_idx').on(t.recipient, t.createdAt)],
);
