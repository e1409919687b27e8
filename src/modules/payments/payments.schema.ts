import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** The commune's receiving account for fees (set by its commune admin). */
export const paymentAccounts = pgTable('payment_accounts', {
  communeCode: text('commune_code').primaryKey(),
  bankBin: text('bank_bin').notNull(),
  accountNumber: text('account_number').notNull(),
  accountName: text('account_name').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: text('updated_by'),
});

export type FeeCondition =
  | { type: 'always' }
  | { type: 'channel'; channel: 'online' | 'in_person' | 'post' }
  | { type: 'date_field_within_days'; field: string; days: number }
  | { type: 'field_equals'; field: string; value: string };

/**
 * Exemptions and reductions of the catalogue fee, each with the reason shown to the
 * citizen. Scope 'national' rows come from data/fee-rules.json (the law); a commune
 * admin adds the province's reductions under the commune's code.
 */
export const feeRules = pgTable(
  'fee_rules',
  {
    id: text('id').primaryKey(),
    scope: text('scope').notNull(),
    /** A procedure code, or '*' for every procedure. */
    procedureCode: text('procedure_code').notNull(),
    kind: text('kind', { enum: ['exemption', 'reduction'] }).notNull(),
    percent: integer('percent').notNull(),
    condition: jsonb('condition').$type<FeeCondition>().notNull(),
    reasonVi: text('reason_vi').notNull(),
    reasonEn: text('reason_en').notNull(),
    legalBasis: text('legal_basis').notNull(),
    /** Local dates (YYYY-MM-DD) of submission between which the rule applies. */
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    active: boolean('active').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: text('updated_by'),
  },
  (t) => [index('fee_rules_scope_idx').on(t.scope, t.procedureCode)],
);

export interface FeeAdjustment {
  ruleId: string;
  kind: 'exemption' | 'reduction';
  percent: number;
  amountVnd: number;
  reasonVi: string;
  reasonEn: string;
  legalBasis: string;
}

/** What a dossier owes, fixed when first asked for (rule edits never change an existing request). */
export const paymentRequests = pgTable(
  'payment_requests',
  {
    id: text('id').primaryKey(),
    dossierId: text('dossier_id').notNull(),
    dossierCode: text('dossier_code').notNull(),
    communeCode: text('commune_code').notNull(),
    reference: text('reference').notNull(),
    baseFeeVnd: bigint('base_fee_vnd', { mode: 'number' }).notNull(),
    amountVnd: bigint('amount_vnd', { mode: 'number' }).notNull(),
    adjustments: jsonb('adjustments').$type<FeeAdjustment[]>().notNull(),
    status: text('status', { enum: ['free', 'exempt', 'unpaid', 'paid'] }).notNull(),
    method: text('method'),
    paidVnd: bigint('paid_vnd', { mode: 'number' }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    receiptNo: text('receipt_no'),
    transactionId: bigint('transaction_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('payment_requests_dossier_uq').on(t.dossierId),
    uniqueIndex('payment_requests_code_uq').on(t.dossierCode),
    uniqueIndex('payment_requests_reference_uq').on(t.reference),
    index('payment_requests_commune_idx').on(t.communeCode, t.status),
    // The indicators' online-payment share reads the requests of a period (QĐ 766 indicator 3.6).
    index('payment_requests_commune_created_idx').on(t.communeCode, t.createdAt),
  ],
);

/**
 * Every incoming payment notification (bank webhook, gateway, statement line, counter
 * cash) and how it matched. `externalId` is unique, so the same notification twice
 * records one payment. Anything that is not an exact match waits in the review list.
 */
export const paymentTransactions = pgTable(
  'payment_transactions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    externalId: text('external_id'),
    source: text('source', { enum: ['bank_webhook', 'gateway', 'statement', 'counter'] }).notNull(),
    communeCode: text('commune_code'),
    requestId: text('request_id'),
    amountVnd: bigint('amount_vnd', { mode: 'number' }).notNull(),
    description: text('description').notNull(),
    referenceFound: text('reference_found'),
    outcome: text('outcome', { enum: ['matched', 'underpaid', 'overpaid', 'already_paid', 'nothing_due', 'unknown_reference', 'wrong_account', 'dossier_closed', 'bad_signature'] }).notNull(),
    reviewStatus: text('review_status', { enum: ['none', 'open', 'resolved'] }).notNull(),
    resolution: text('resolution', { enum: ['accepted', 'rejected'] }),
    resolutionNote: text('resolution_note'),
    resolvedBy: text('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('payment_transactions_external_uq').on(t.externalId),
    index('payment_transactions_commune_review_idx').on(t.communeCode, t.reviewStatus, t.receivedAt),
    index('payment_transactions_request_idx').on(t.requestId),
  ],
);

/** Receipt numbers: per commune and year, taken in the transaction that marks the payment. */
export const paymentReceiptCounters = pgTable(
  'payment_receipt_counters',
  {
    communeCode: text('commune_code').notNull(),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.communeCode, t.year] })],
);
