import { and, asc, desc, eq, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { dossierActions, dossierCodeCounters, dossiers } from './dossiers.schema';

export type DossierRow = typeof dossiers.$inferSelect;
export type ActionRow = typeof dossierActions.$inferSelect;

/** Atomically takes the next number of the day for this agency (both engines: upsert + returning). */
export async function nextDailySequence(db: Db, communeCode: string, day: string): Promise<number> {
  const [row] = await db
    .insert(dossierCodeCounters)
    .values({ communeCode, day, lastSeq: 1 })
    .onConflictDoUpdate({
      target: [dossierCodeCounters.communeCode, dossierCodeCounters.day],
      set: { lastSeq: sql`${dossierCodeCounters.lastSeq} + 1` },
    })
    .returning({ seq: dossierCodeCounters.lastSeq });
  return row!.seq;
}

/** false when the (submitter, idempotency key) pair already exists. */
export async function insertDossierIfNew(db: Db, row: typeof dossiers.$inferInsert): Promise<boolean> {
  const rows = await db.insert(dossiers).values(row).onConflictDoNothing().returning({ id: dossiers.id });
  return rows.length === 1;
}

export async function insertActions(db: Db, rows: (typeof dossierActions.$inferInsert)[]): Promise<void> {
  await db.insert(dossierActions).values(rows);
}

export async function findDossierByIdempotencyKey(db: Db, submittedBy: string, key: string) {
  const [row] = await db
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.submittedBy, submittedBy), eq(dossiers.idempotencyKey, key)))
    .limit(1);
  return row;
}

export async function findDossierByCode(db: Db, code: string, forUpdate = false): Promise<DossierRow | undefined> {
  const q = db.select().from(dossiers).where(eq(dossiers.code, code)).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function listActions(db: Db, dossierId: string): Promise<ActionRow[]> {
  return db.select().from(dossierActions).where(eq(dossierActions.dossierId, dossierId)).orderBy(asc(dossierActions.seq));
}

export async function findActionByIdempotencyKey(db: Db, dossierId: string, key: string) {
  const [row] = await db
    .select({ id: dossierActions.id })
    .from(dossierActions)
    .where(and(eq(dossierActions.dossierId, dossierId), eq(dossierActions.idempotencyKey, key)))
    .limit(1);
  return row;
}

export async function updateProjection(db: Db, id: string, set: Partial<typeof dossiers.$inferInsert>): Promise<void> {
  await db.update(dossiers).set(set).where(eq(dossiers.id, id));
}

export interface ListFilter {
  communeCodes?: string[];
  provinceCode?: string;
  citizenId?: string;
  status?: string;
  procedureCode?: string;
  channel?: string;
  onBehalf?: string;
  villageId?: string;
  dueBefore?: Date;
  limit: number;
  offset: number;
}

/** Inbox order: open dossiers first, the most urgent (soonest due) first, then the newest. */
export async function listDossiers(db: Db, f: ListFilter): Promise<DossierRow[]> {
  const where: SQL[] = [];
  if (f.communeCodes) where.push(sql`${dossiers.communeCode} in ${f.communeCodes}`);
  if (f.provinceCode) where.push(sql`${dossiers.communeCode} in (select code from communes where province_code = ${f.provinceCode})`);
  if (f.citizenId) where.push(eq(dossiers.citizenId, f.citizenId));
  if (f.status) where.push(eq(dossiers.status, f.status));
  if (f.procedureCode) where.push(eq(dossiers.procedureCode, f.procedureCode));
  if (f.channel) where.push(eq(dossiers.channel, f.channel as 'online'));
  if (f.onBehalf) where.push(eq(dossiers.onBehalf, f.onBehalf as 'officer'));
  if (f.villageId) where.push(eq(dossiers.villageId, f.villageId));
  if (f.dueBefore) where.push(lte(dossiers.dueAt, f.dueBefore));
  return db
    .select()
    .from(dossiers)
    .where(where.length ? and(...where) : undefined)
    .orderBy(sql`(${dossiers.finishedAt} is not null)`, sql`${dossiers.dueAt} asc nulls last`, desc(dossiers.submittedAt))
    .limit(f.limit)
    .offset(f.offset);
}
