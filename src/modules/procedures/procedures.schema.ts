import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { communes } from '../admin-units';
import type { ProcedureForm } from './procedure-form';

/** The national catalogue of commune-level procedures (data/procedures.json, re-applied at start). */
export const procedures = pgTable(
  'procedures',
  {
    /** Mã TTHC from the national database; local "LT.*" codes when none was found (see `unverified`). */
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    /** foldVietnamese(name): diacritic- and case-insensitive search key (trigram similarity for typos). */
    searchText: text('search_text').notNull(),
    field: text('field').notNull(),
    level: text('level').notNull(),
    /** Working days; 0 means the same day (15:00 rule, Luật Hộ tịch Art. 5). */
    processingDays: integer('processing_days').notNull(),
    feeVnd: integer('fee_vnd').notNull(),
    requiredDocuments: jsonb('required_documents').$type<string[]>().notNull(),
    form: jsonb('form').$type<ProcedureForm>().notNull(),
    resultKind: text('result_kind').notNull(),
    serviceGroup: text('service_group').notNull(),
    /** Which of the facts above are defaults we chose, not verified against a legal source. */
    unverified: jsonb('unverified').$type<string[]>().notNull(),
    notes: text('notes'),
    sourceUrl: text('source_url'),
    /** Operational: how often it is used; the importer never overwrites it. */
    popularity: integer('popularity').notNull().default(0),
  },
  (t) => [index('procedures_service_group_idx').on(t.serviceGroup)],
);

/** What one commune changes about a national procedure: whether it offers it, and local fee/time. */
export const communeProcedures = pgTable(
  'commune_procedures',
  {
    communeCode: text('commune_code')
      .notNull()
      .references(() => communes.code),
    procedureCode: text('procedure_code')
      .notNull()
      .references(() => procedures.code),
    offered: boolean('offered').notNull().default(true),
    feeVndOverride: integer('fee_vnd_override'),
    processingDaysOverride: integer('processing_days_override'),
    updatedBy: text('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.communeCode, t.procedureCode] })],
);

export type ProcedureRow = typeof procedures.$inferSelect;
export type CommuneProcedureRow = typeof communeProcedures.$inferSelect;
