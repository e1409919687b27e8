import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { ActionPayload } from '../../shared/dossier';

/**
 * One row per dossier. The truth is the action log below; status, due date and
 * the other projection columns are recomputed from it by the pure rules in the
 * same transaction as each action, so lists and indicators can filter on them.
 */
export const dossiers = pgTable(
  'dossiers',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    communeCode: text('commune_code').notNull(),
    procedureCode: text('procedure_code').notNull(),
    villageId: text('village_id'),
    applicantName: text('applicant_name').notNull(),
    applicantIdNumber: text('applicant_id_number').notNull(),
    applicantPhone: text('applicant_phone').notNull(),
    applicantAddress: text('applicant_address'),
    citizenId: text('citizen_id'),
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
    channel: text('channel', { enum: ['in_person', 'online', 'post'] }).notNull(),
    onBehalf: text('on_behalf', { enum: ['officer', 'volunteer'] }),
    submittedBy: text('submitted_by').notNull(),
    submittedByRole: text('submitted_by_role').notNull(),
    processingDays: integer('processing_days').notNull(),
    feeVnd: integer('fee_vnd').notNull(),
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    // Projection of the action log (see src/shared/dossier/derive.ts).
    status: text('status').notNull(),
    nationalStatus: integer('national_status').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    version: integer('version').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('dossiers_code_uq').on(t.code),
    uniqueIndex('dossiers_idempotency_uq').on(t.submittedBy, t.idempotencyKey),
    index('dossiers_commune_status_idx').on(t.communeCode, t.status, t.dueAt),
    index('dossiers_commune_submitted_idx').on(t.communeCode, t.submittedAt),
    index('dossiers_citizen_idx').on(t.citizenId, t.submittedAt),
  ],
);

/** The append-only log: rows are inserted, never updated or deleted. */
export const dossierActions = pgTable(
  'dossier_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    dossierId: text('dossier_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: text('actor_id'),
    actorRole: text('actor_role').notNull(),
    actorName: text('actor_name'),
    note: text('note'),
    payload: jsonb('payload').$type<ActionPayload>(),
    attachments: jsonb('attachments').$type<string[]>(),
    idempotencyKey: text('idempotency_key'),
  },
  (t) => [
    uniqueIndex('dossier_actions_seq_uq').on(t.dossierId, t.seq),
    uniqueIndex('dossier_actions_idempotency_uq').on(t.dossierId, t.idempotencyKey),
  ],
);

/** Daily sequence per receiving agency: the XXXX of the dossier code (TT 01/2018 Art. 19). */
export const dossierCodeCounters = pgTable(
  'dossier_code_counters',
  {
    communeCode: text('commune_code').notNull(),
    day: text('day').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.communeCode, t.day] })],
);
