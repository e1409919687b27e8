import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { FieldClocks } from '../../shared/field/merge';

/**
 * A household of a village. Ids may come from a device (created offline), so they are
 * text uuids chosen by the client. Never hard-deleted: `deleted_at` is the tombstone the
 * field app pulls. `field_clock` holds, per field, who last wrote it and when (merge.ts).
 */
export const households = pgTable(
  'households',
  {
    id: text('id').primaryKey(),
    communeCode: text('commune_code').notNull(),
    villageId: text('village_id').notNull(),
    headName: text('head_name').notNull(),
    /** foldVietnamese(head_name): the duplicate check ignores diacritics. */
    headFolded: text('head_folded').notNull(),
    address: text('address'),
    notes: text('notes'),
    fieldClock: jsonb('field_clock').$type<FieldClocks>().notNull(),
    version: integer('version').notNull(),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('households_village_head_idx').on(t.villageId, t.headFolded), index('households_commune_idx').on(t.communeCode)],
);

/**
 * A person of a household with their digital-readiness record. Support needs can reveal
 * health (disability) and ethnic origin, which Decree 13/2023 Art. 2.4 lists as sensitive:
 * only members covering the village see them.
 */
export const householdPeople = pgTable(
  'household_people',
  {
    id: text('id').primaryKey(),
    householdId: text('household_id').notNull(),
    communeCode: text('commune_code').notNull(),
    villageId: text('village_id').notNull(),
    fullName: text('full_name').notNull(),
    birthYear: integer('birth_year'),
    sex: text('sex'),
    relation: text('relation'),
    isHead: boolean('is_head').notNull().default(false),
    phone: text('phone'),
    idNumber: text('id_number'),
    smartphone: text('smartphone'),
    zalo: boolean('zalo'),
    vneid: text('vneid'),
    portalAccount: boolean('portal_account'),
    bankOrMobileMoney: boolean('bank_or_mobile_money'),
    fibreAtHome: boolean('fibre_at_home'),
    skill: text('skill'),
    supportNeeds: jsonb('support_needs').$type<string[]>().notNull(),
    fieldClock: jsonb('field_clock').$type<FieldClocks>().notNull(),
    version: integer('version').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('household_people_household_idx').on(t.householdId), index('household_people_village_idx').on(t.villageId),
    // The indicators' readiness funnel reads a commune's people (issue 6).
    index('household_people_commune_idx').on(t.communeCode),
  ],
);

/**
 * The history of every field write, applied or not: both members' offline edits stay here
 * even when one lost, and every readiness change says which support act caused it.
 */
export const recordChanges = pgTable(
  'record_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    communeCode: text('commune_code').notNull(),
    villageId: text('village_id').notNull(),
    householdId: text('household_id').notNull(),
    entity: text('entity', { enum: ['household', 'person'] }).notNull(),
    entityId: text('entity_id').notNull(),
    /** '*' for a whole record (created, removed). */
    field: text('field').notNull(),
    baseValue: jsonb('base_value'),
    oldValue: jsonb('old_value'),
    newValue: jsonb('new_value'),
    outcome: text('outcome', { enum: ['applied', 'same', 'superseded'] }).notNull(),
    source: text('source', { enum: ['create', 'edit', 'support_act', 'import', 'resolution', 'remove'] }).notNull(),
    commandId: text('command_id'),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    deviceAt: timestamp('device_at', { withTimezone: true }).notNull(),
    serverAt: timestamp('server_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('record_changes_household_idx').on(t.householdId, t.id), index('record_changes_entity_idx').on(t.entityId, t.field)],
);

/** Two members changed the same field from the same starting value: a team leader decides. */
export const householdConflicts = pgTable(
  'household_conflicts',
  {
    id: text('id').primaryKey(),
    communeCode: text('commune_code').notNull(),
    villageId: text('village_id').notNull(),
    householdId: text('household_id').notNull(),
    entity: text('entity', { enum: ['household', 'person'] }).notNull(),
    entityId: text('entity_id').notNull(),
    field: text('field').notNull(),
    baseValue: jsonb('base_value'),
    keptValue: jsonb('kept_value'),
    keptBy: text('kept_by'),
    keptAt: timestamp('kept_at', { withTimezone: true }),
    otherValue: jsonb('other_value'),
    otherBy: text('other_by'),
    otherAt: timestamp('other_at', { withTimezone: true }),
    status: text('status', { enum: ['open', 'resolved'] }).notNull(),
    resolution: text('resolution', { enum: ['kept', 'other', 'custom'] }),
    resolvedValue: jsonb('resolved_value'),
    resolvedBy: text('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('household_conflicts_commune_status_idx').on(t.communeCode, t.status)],
);

export interface ImportProblem {
  row: number;
  field: string;
  vi: string;
  en: string;
}

export interface ImportDuplicate {
  row: number;
  headName: string;
  villageId: string;
  existingHouseholdId: string;
  existingHeadName: string;
}

/** A spreadsheet import: parsed and checked first (preview), then written all at once. */
export const householdImports = pgTable('household_imports', {
  id: text('id').primaryKey(),
  communeCode: text('commune_code').notNull(),
  createdBy: text('created_by').notNull(),
  fileName: text('file_name'),
  format: text('format', { enum: ['csv', 'xlsx'] }).notNull(),
  status: text('status', { enum: ['previewed', 'running', 'done', 'failed'] }).notNull(),
  totalRows: integer('total_rows').notNull(),
  householdCount: integer('household_count').notNull(),
  problems: jsonb('problems').$type<ImportProblem[]>().notNull(),
  duplicates: jsonb('duplicates').$type<ImportDuplicate[]>().notNull(),
  /** The checked households, ready to insert. */
  parsed: jsonb('parsed').$type<unknown[]>().notNull(),
  importedHouseholds: integer('imported_households'),
  failure: text('failure'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

export type HouseholdRow = typeof households.$inferSelect;
export type PersonRow = typeof householdPeople.$inferSelect;
export type ConflictRow = typeof householdConflicts.$inferSelect;
