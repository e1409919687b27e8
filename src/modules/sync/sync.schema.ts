import { bigint, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Raw bytes: node-postgres returns a Buffer, PGlite a Uint8Array; both become a Buffer here. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

export interface CommandReason {
  code: string;
  vi: string;
  en: string;
  fields?: { path: string; vi: string; en: string }[];
}

/**
 * Every offline command the server has decided on, keyed by the id the device generated.
 * The primary key is what makes "applied exactly once" hold: the row is inserted in the
 * same transaction as the command's effects, so a replay finds it and gets the first answer.
 */
export const syncCommands = pgTable(
  'sync_commands',
  {
    commandId: text('command_id').primaryKey(),
    actorId: text('actor_id').notNull(),
    communeCode: text('commune_code').notNull(),
    type: text('type').notNull(),
    payloadHash: text('payload_hash').notNull(),
    status: text('status', { enum: ['applied', 'needs_attention'] }).notNull(),
    result: jsonb('result').$type<Record<string, unknown>>(),
    reason: jsonb('reason').$type<CommandReason>(),
    deviceAt: timestamp('device_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sync_commands_actor_idx').on(t.actorId, t.receivedAt)],
);

/**
 * One counter row per commune. Taking the next numbers is an UPDATE of this row, which
 * holds its lock until commit, so change numbers become visible in order: a reader can
 * never see change 7 before change 6 (no gaps behind a cursor).
 */
export const syncCounters = pgTable('sync_counters', {
  communeCode: text('commune_code').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  /** Changes numbered at or below this were pruned: a cursor behind it must resync. */
  minSeq: bigint('min_seq', { mode: 'number' }).notNull().default(0),
  prunedAt: timestamp('pruned_at', { withTimezone: true }),
});

/** The change log the field app pulls from: which record changed, in which village, in what order. */
export const syncChanges = pgTable(
  'sync_changes',
  {
    communeCode: text('commune_code').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    /** null: visible to the whole commune's team (e.g. a campaign). */
    villageId: text('village_id'),
    op: text('op', { enum: ['upsert', 'delete'] }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.communeCode, t.seq] }), index('sync_changes_at_idx').on(t.communeCode, t.at)],
);

/**
 * Files the field app uploads on their own (consent signatures, photos), each under an id
 * the device generated, so a retried upload lands on the same row.
 */
export const fieldAttachments = pgTable('field_attachments', {
  id: text('id').primaryKey(),
  communeCode: text('commune_code').notNull(),
  uploadedBy: text('uploaded_by').notNull(),
  contentType: text('content_type').notNull(),
  sha256: text('sha256').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  data: bytea('data').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
