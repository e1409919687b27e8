import { and, asc, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { householdConflicts, householdPeople, households, recordChanges, type HouseholdRow, type PersonRow } from './households.schema';

export async function findHousehold(db: Db, id: string, forUpdate = false): Promise<HouseholdRow | undefined> {
  const q = db.select().from(households).where(eq(households.id, id)).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function findPerson(db: Db, id: string, forUpdate = false): Promise<PersonRow | undefined> {
  const q = db.select().from(householdPeople).where(eq(householdPeople.id, id)).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function listLiveHouseholds(db: Db, villageIds: string[]): Promise<HouseholdRow[]> {
  if (villageIds.length === 0) return [];
  return db.select().from(households).where(and(inArray(households.villageId, villageIds), isNull(households.deletedAt)));
}

export async function listLivePeople(db: Db, householdIds: string[]): Promise<PersonRow[]> {
  if (householdIds.length === 0) return [];
  const out: PersonRow[] = [];
  for (let i = 0; i < householdIds.length; i += 1000) {
    const chunk = householdIds.slice(i, i + 1000);
    out.push(...(await db.select().from(householdPeople).where(and(inArray(householdPeople.householdId, chunk), isNull(householdPeople.deletedAt)))));
  }
  return out;
}

export async function listPeopleOfVillages(db: Db, villageIds: string[]): Promise<PersonRow[]> {
  if (villageIds.length === 0) return [];
  return db.select().from(householdPeople).where(and(inArray(householdPeople.villageId, villageIds), isNull(householdPeople.deletedAt)));
}

/** Live households of a village whose head's folded name is `headFolded`. */
export async function findSameHead(db: Db, villageId: string, headFolded: string, exceptId?: string): Promise<HouseholdRow[]> {
  const where = [eq(households.villageId, villageId), eq(households.headFolded, headFolded), isNull(households.deletedAt)];
  if (exceptId) where.push(ne(households.id, exceptId));
  return db.select().from(households).where(and(...where));
}

export async function listHistory(db: Db, householdId: string, limit: number) {
  return db.select().from(recordChanges).where(eq(recordChanges.householdId, householdId)).orderBy(desc(recordChanges.id)).limit(limit);
}

export async function listConflicts(db: Db, communeCode: string, status: 'open' | 'resolved', villageIds: string[]) {
  if (villageIds.length === 0) return [];
  return db
    .select()
    .from(householdConflicts)
    .where(and(eq(householdConflicts.communeCode, communeCode), eq(householdConflicts.status, status), inArray(householdConflicts.villageId, villageIds)))
    .orderBy(asc(householdConflicts.createdAt));
}

export async function findConflict(db: Db, id: string, forUpdate = false) {
  const q = db.select().from(householdConflicts).where(eq(householdConflicts.id, id)).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}
