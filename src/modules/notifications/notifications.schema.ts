import { bigint, bigserial, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

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

/**
 * Message texts, versioned. The texts shipped with xaso are version 1 of scope
 * 'national'; a commune admin's edit adds the next version with the commune's code
 * as scope. Rows are never updated, so every message can say which text it used.
 */
export const notificationTemplates = pgTable(
  'notification_templates',
  {
    id: text('id').primaryKey(),
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    bodyVi: text('body_vi').notNull(),
    bodyEn: text('body_en').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by'),
  },
  (t) => [uniqueIndex('notification_templates_uq').on(t.scope, t.key, t.version)],
);

/**
 * One row per try of one channel for one outbox message: the delivery log staff
 * see per dossier, and the guard against sending twice. The recipient is stored
 * masked (Decree 13/2023: the log never needs the full number).
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    outboxId: bigint('outbox_id', { mode: 'number' }).notNull(),
    /** The outbox attempt number: a claim is exclusive, so (outbox, attempt, channel) is written by one worker. */
    attempt: integer('attempt').notNull(),
    channel: text('channel', { enum: ['sms', 'zalo', 'email', 'inapp'] }).notNull(),
    provider: text('provider').notNull(),
    recipientMasked: text('recipient_masked').notNull(),
    template: text('template').notNull(),
    templateVersion: integer('template_version').notNull(),
    status: text('status', { enum: ['sending', 'delivered', 'failed_temporary', 'failed_permanent', 'failed_provider'] }).notNull(),
    providerMessageId: text('provider_message_id'),
    error: text('error'),
    subjectRef: text('subject_ref'),
    communeCode: text('commune_code'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** Set by a provider status callback (delivered to the handset, or failed after acceptance). */
    reportedAt: timestamp('reported_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notification_deliveries_attempt_uq').on(t.outboxId, t.attempt, t.channel),
    index('notification_deliveries_subject_idx').on(t.subjectRef),
    index('notification_deliveries_provider_id_idx').on(t.provider, t.providerMessageId),
  ],
);

/** The citizen portal's inbox: one row per message delivered on the in-app channel. */
export const notificationInbox = pgTable(
  'notification_inbox',
  {
    id: text('id').primaryKey(),
    citizenId: text('citizen_id').notNull(),
    outboxId: bigint('outbox_id', { mode: 'number' }).notNull(),
    template: text('template').notNull(),
    subjectRef: text('subject_ref'),
    bodyVi: text('body_vi').notNull(),
    bodyEn: text('body_en').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('notification_inbox_outbox_uq').on(t.outboxId), index('notification_inbox_citizen_idx').on(t.citizenId, t.createdAt)],
);
