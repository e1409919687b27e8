import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Service groups of a commune's queue (máy bấm số): each has a letter that prefixes
 * its ticket numbers (A012) and the procedure service groups it covers.
 */
export const queueGroups = pgTable(
  'queue_groups',
  {
    communeCode: text('commune_code').notNull(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    letter: text('letter').notNull(),
    sort: integer('sort').notNull(),
    active: boolean('active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.communeCode, t.key] }), uniqueIndex('queue_groups_letter_uq').on(t.communeCode, t.letter)],
);

/** Counters (quầy) of the one-stop office and the groups each one serves. */
export const queueCounters = pgTable(
  'queue_counters',
  {
    id: uuid('id').primaryKey(),
    communeCode: text('commune_code').notNull(),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    groupKeys: jsonb('group_keys').$type<string[]>().notNull(),
    active: boolean('active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('queue_counters_number_uq').on(t.communeCode, t.number)],
);

/**
 * One ticket per person in the queue. `day` is the local date (Asia/Ho_Chi_Minh):
 * numbers restart every day. The phone, if given for the SMS, is erased when the
 * ticket is finished (ND 13/2023: kept no longer than needed).
 */
export const queueTickets = pgTable(
  'queue_tickets',
  {
    id: uuid('id').primaryKey(),
    communeCode: text('commune_code').notNull(),
    groupKey: text('group_key').notNull(),
    day: text('day').notNull(),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    phone: text('phone'),
    status: text('status', { enum: ['waiting', 'called', 'served', 'skipped'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    calledAt: timestamp('called_at', { withTimezone: true }),
    firstCalledAt: timestamp('first_called_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    counterId: uuid('counter_id'),
    calledBy: text('called_by'),
    recalls: integer('recalls').notNull().default(0),
    dossierCode: text('dossier_code'),
    nearNotified: boolean('near_notified').notNull().default(false),
    idempotencyKey: text('idempotency_key'),
  },
  (t) => [
    uniqueIndex('queue_tickets_seq_uq').on(t.communeCode, t.groupKey, t.day, t.seq),
    uniqueIndex('queue_tickets_idempotency_uq').on(t.communeCode, t.idempotencyKey),
    index('queue_tickets_waiting_idx').on(t.communeCode, t.day, t.status, t.createdAt),
  ],
);

/** Daily sequence per group: the 12 of A012. */
export const queueSequences = pgTable(
  'queue_sequences',
  {
    communeCode: text('commune_code').notNull(),
    groupKey: text('group_key').notNull(),
    day: text('day').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.communeCode, t.groupKey, t.day] })],
);

/**
 * Waiting and service times per group and day, kept up to date in the same
 * transaction as each call and each finished ticket, for the service-quality
 * indicators (how long people wait at the one-stop office).
 */
export const queueDailyStats = pgTable(
  'queue_daily_stats',
  {
    communeCode: text('commune_code').notNull(),
    day: text('day').notNull(),
    groupKey: text('group_key').notNull(),
    tickets: integer('tickets').notNull().default(0),
    called: integer('called').notNull().default(0),
    served: integer('served').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    waitSecondsTotal: bigint('wait_seconds_total', { mode: 'number' }).notNull().default(0),
    waitSecondsMax: integer('wait_seconds_max').notNull().default(0),
    serviceSecondsTotal: bigint('service_seconds_total', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.communeCode, t.day, t.groupKey] })],
);

export type QueueGroupRow = typeof queueGroups.$inferSelect;
export type QueueCounterRow = typeof queueCounters.$inferSelect;
export type QueueTicketRow = typeof queueTickets.$inferSelect;
