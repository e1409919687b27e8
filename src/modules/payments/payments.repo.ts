import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
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
