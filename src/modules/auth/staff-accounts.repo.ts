import { forgetAllCachedActors } from '../../platform/auth';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { sessions } from '../../platform/auth';
import { staffAccounts } from './auth.schema';

export type StaffRow = typeof staffAccounts.$inferSelect;

export async function listCommuneStaff(db: Db, communeCode: string): Promise<StaffRow[]> {
  return db.select().from(staffAccounts).where(eq(staffAccounts.communeCode, communeCode)).orderBy(asc(staffAccounts.username));
}

export async function findCommuneStaff(db: Db, communeCode: string, id: string): Promise<StaffRow | undefined> {
  const [row] = await db.select().from(staffAccounts).where(and(eq(staffAccounts.communeCode, communeCode), eq(staffAccounts.id, id))).limit(1);
  return row;
}

/** false when the username is taken (unique index). */
export async function insertStaffIfNew(db: Db, row: typeof staffAccounts.$inferInsert): Promise<boolean> {
  const rows = await db.insert(staffAccounts).values(row).onConflictDoNothing().returning({ id: staffAccounts.id });
  return rows.length === 1;
}

export async function updateStaff(db: Db, id: string, set: Partial<typeof staffAccounts.$inferInsert>): Promise<StaffRow> {
  const [row] = await db.update(staffAccounts).set(set).where(eq(staffAccounts.id, id)).returning();
  return row!;
}

/** Signs the account out everywhere (deactivation, password reset). */
export async function deleteStaffSessions(db: Db, id: string): Promise<void> {
  forgetAllCachedActors();
  await db.delete(sessions).where(and(eq(sessions.accountKind, 'staff'), eq(sessions.accountId, id)));
}
