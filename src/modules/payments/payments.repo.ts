import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import { dossiers } from '../dossiers';
import { feeRules, paymentAccounts, paymentReceiptCounters, paymentRequests, paymentTransactions } from './payments.schema';

export type DossierRow = typeof dossiers.$inferSelect;
export type AccountRow = typeof paymentAccounts.$inferSelect;
export type RuleRow = typeof feeRules.$inferSelect;
export type RequestRow = typeof paymentRequests.$inferSelect;
export type TransactionRow = typeof paymentTransactions.$inferSelect;

export async function findDossierByCode(db: Db, code: string): Promise<DossierRow | undefined> {
  const [row] = await db.select().from(dossiers).where(eq(dossiers.code, code)).limit(1);
  return row;
}

export async function findDossierById(db: Db, id: string): Promise<DossierRow | undefined> {
  const [row] = await db.select().from(dossiers).where(eq(dossiers.id, id)).limit(1);
  return row;
}

export async function findAccount(db: Db, communeCode: string): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(paymentAccounts).where(eq(paymentAccounts.communeCode, communeCode)).limit(1);
  return row;
}

/** The commune whose receiving account was credited (routes a notification nobody else can place). */
export async function findCommuneByAccount(db: Db, accountNumber: string): Promise<string | undefined> {
  const [row] = await db.select({ c: paymentAccounts.communeCode }).from(paymentAccounts).where(eq(paymentAccounts.accountNumber, accountNumber)).limit(1);
  return row?.c;
}

export async function upsertAccount(db: Db, row: AccountRow): Promise<void> {
  await db.insert(paymentAccounts).values(row).onConflictDoUpdate({
    target: paymentAccounts.communeCode,
    set: { bankBin: row.bankBin, accountNumber: row.accountNumber, accountName: row.accountName, updatedAt: row.updatedAt, updatedBy: row.updatedBy },
  });
}

/** National rules and the commune's own, for one procedure (or every procedure). */
export async function listRulesFor(db: Db, communeCode: string, procedureCode: string): Promise<RuleRow[]> {
  return db
    .select()
    .from(feeRules)
    .where(and(inArray(feeRules.scope, ['national', communeCode]), inArray(feeRules.procedureCode, [procedureCode, '*'])))
    .orderBy(feeRules.id);
}

export async function listRulesOfScopes(db: Db, scopes: string[]): Promise<RuleRow[]> {
  return db.select().from(feeRules).where(inArray(feeRules.scope, scopes)).orderBy(feeRules.scope, feeRules.procedureCode, feeRules.id);
}

export async function findRule(db: Db, id: string): Promise<RuleRow | undefined> {
  const [row] = await db.select().from(feeRules).where(eq(feeRules.id, id)).limit(1);
  return row;
}

export async function upsertRule(db: Db, row: typeof feeRules.$inferInsert): Promise<void> {
  const { id: _id, ...set } = row;
  await db.insert(feeRules).values(row).onConflictDoUpdate({ target: feeRules.id, set });
}

export async function findRequestByDossierId(db: Db, dossierId: string, forUpdate = false): Promise<RequestRow | undefined> {
  const q = db.select().from(paymentRequests).where(eq(paymentRequests.dossierId, dossierId)).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function findRequestByReference(db: Db, reference: string, forUpdate = false): Promise<RequestRow | undefined> {
  const q = db.select().from(paymentRequests).where(eq(paymentRequests.reference, reference)).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function findRequestById(db: Db, id: string, forUpdate = false): Promise<RequestRow | undefined> {
  const q = db.select().from(paymentRequests).where(eq(paymentRequests.id, id)).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertRequestIfAbsent(db: Db, row: typeof paymentRequests.$inferInsert): Promise<void> {
  await db.insert(paymentRequests).values(row).onConflictDoNothing();
}

export async function updateRequest(db: Db, id: string, set: Partial<typeof paymentRequests.$inferInsert>): Promise<void> {
  await db.update(paymentRequests).set(set).where(eq(paymentRequests.id, id));
}

/** undefined when a transaction with the same external id exists (a replayed notification). */
export async function insertTransactionIfNew(db: Db, row: typeof paymentTransactions.$inferInsert): Promise<TransactionRow | undefined> {
  const [inserted] = await db.insert(paymentTransactions).values(row).onConflictDoNothing().returning();
  return inserted;
}

export async function findTransactionByExternalId(db: Db, externalId: string): Promise<TransactionRow | undefined> {
  const [row] = await db.select().from(paymentTransactions).where(eq(paymentTransactions.externalId, externalId)).limit(1);
  return row;
}

export async function findTransaction(db: Db, id: number, forUpdate = false): Promise<TransactionRow | undefined> {
  const q = db.select().from(paymentTransactions).where(eq(paymentTransactions.id, id)).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function updateTransaction(db: Db, id: number, set: Partial<typeof paymentTransactions.$inferInsert>): Promise<void> {
  await db.update(paymentTransactions).set(set).where(eq(paymentTransactions.id, id));
}

export async function hasOpenReview(db: Db, requestId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(paymentTransactions)
    .where(and(eq(paymentTransactions.requestId, requestId), eq(paymentTransactions.reviewStatus, 'open')));
  return (row?.n ?? 0) > 0;
}

export async function listTransactions(db: Db, communeCode: string, review: 'open' | 'resolved' | undefined, limit: number, offset: number) {
  const where = review ? and(eq(paymentTransactions.communeCode, communeCode), eq(paymentTransactions.reviewStatus, review)) : eq(paymentTransactions.communeCode, communeCode);
  return db
    .select({ t: paymentTransactions, dossierCode: paymentRequests.dossierCode, dueVnd: paymentRequests.amountVnd })
    .from(paymentTransactions)
    .leftJoin(paymentRequests, eq(paymentRequests.id, paymentTransactions.requestId))
    .where(where)
    .orderBy(desc(paymentTransactions.receivedAt), desc(paymentTransactions.id))
    .limit(limit)
    .offset(offset);
}

/** The next receipt number of the commune's year (upsert + returning works on both engines). */
export async function nextReceiptSeq(db: Db, communeCode: string, year: number): Promise<number> {
  const [row] = await db
    .insert(paymentReceiptCounters)
    .values({ communeCode, year, lastSeq: 1 })
    .onConflictDoUpdate({ target: [paymentReceiptCounters.communeCode, paymentReceiptCounters.year], set: { lastSeq: sql`${paymentReceiptCounters.lastSeq} + 1` } })
    .returning({ seq: paymentReceiptCounters.lastSeq });
  return row!.seq;
}

/** How the indicators break a tally down: by local month of the dossier's submission, by village, or by procedure. */
export type TallyDimension = 'month' | 'village' | 'procedure';

export interface FeePaymentTally {
  communeCode: string;
  dimension: TallyDimension;
  /** 'YYYY-MM', a village id ('' = none given) or a procedure code, by the dimension asked for. */
  key: string;
  /** Dossiers with a fee at submission that an exemption made free (they owe nothing: QĐ 766 3.6 leaves them out). */
  exempt: number;
  paidOnline: number;
  paidAtCounter: number;
  paidOnlineVnd: number;
  paidAtCounterVnd: number;
  /** Last change to any of the requests counted. */
  lastChangeAt: Date | null;
}

const SUBMIT_MONTH = sql`to_char((d.submitted_at at time zone 'UTC') + interval '7 hours', 'YYYY-MM')`;
const tallyKey = { month: SUBMIT_MONTH, village: sql`coalesce(d.village_id, '')`, procedure: sql`d.procedure_code` } as const;

/**
 * How the fee-bearing dossiers submitted in [from, until) were paid (QĐ 766/QĐ-TTg indicator 3.6, for the
 * indicators module, which takes the number of fee-bearing dossiers from its own aggregates). Online = any way but
 * cash at the counter (VietQR transfer, statement line, gateway). Driven by the payment requests: a request is
 * made after its dossier was submitted, so `created_at >= from` bounds the scan (payment_requests_commune_created_idx)
 * without scanning the dossiers of the period; each request finds its dossier by primary key.
 */
export async function tallyFeePayments(db: Db, communeCodes: string[], from: Date, until: Date, dimensions: TallyDimension[]): Promise<FeePaymentTally[]> {
  if (communeCodes.length === 0 || dimensions.length === 0) return [];
  const online = sql`p.status = 'paid' and coalesce(p.method, '') not like 'counter%'`;
  const counter = sql`p.status = 'paid' and p.method like 'counter%'`;
  const branch = (by: TallyDimension) => sql`
    select ${by}::text as dimension, p.commune_code, ${tallyKey[by]} as key, count(*) filter (where p.status = 'exempt')::int as exempt,
      count(*) filter (where ${online})::int as paid_online, count(*) filter (where ${counter})::int as paid_counter,
      coalesce(sum(p.paid_vnd) filter (where ${online}), 0)::float8 as online_vnd, coalesce(sum(p.paid_vnd) filter (where ${counter}), 0)::float8 as counter_vnd,
      max(p.updated_at) as last_change_at
    from payment_requests p join dossiers d on d.id = p.dossier_id
    where p.commune_code in (${sql.join(communeCodes.map((c) => sql`${c}`), sql`, `)}) and p.created_at >= ${from.toISOString()}::timestamptz
      and d.submitted_at >= ${from.toISOString()}::timestamptz and d.submitted_at < ${until.toISOString()}::timestamptz and d.fee_vnd > 0
    group by 2, 3`;
  const rows = await queryRows<{ dimension: TallyDimension; commune_code: string; key: string; exempt: number; paid_online: number; paid_counter: number; online_vnd: number; counter_vnd: number; last_change_at: string | Date | null }>(
    db, sql.join(dimensions.map((d) => sql`(${branch(d)})`), sql` union all `));
  return rows.map((r) => ({
    communeCode: r.commune_code, dimension: r.dimension, key: r.key, exempt: r.exempt, paidOnline: r.paid_online, paidAtCounter: r.paid_counter,
    paidOnlineVnd: Number(r.online_vnd), paidAtCounterVnd: Number(r.counter_vnd), lastChangeAt: r.last_change_at ? new Date(r.last_change_at) : null,
  }));
}
