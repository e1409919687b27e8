import { and, eq, gte, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { citizens, otpCodes, staffAccounts } from './auth.schema';

export async function findStaffByUsername(db: Db, username: string) {
  const [row] = await db.select().from(staffAccounts).where(eq(staffAccounts.username, username)).limit(1);
  return row;
}

export async function findStaffById(db: Db, id: string) {
  const [row] = await db.select().from(staffAccounts).where(eq(staffAccounts.id, id)).limit(1);
  return row;
}

export async function findCitizenById(db: Db, id: string) {
  const [row] = await db.select().from(citizens).where(eq(citizens.id, id)).limit(1);
  return row;
}

export async function findCitizenByPhone(db: Db, phone: string) {
  const [row] = await db.select().from(citizens).where(eq(citizens.phone, phone)).limit(1);
  return row;
}

/** Creates the citizen on first sign-in; concurrent first sign-ins converge on one row. */
export async function upsertCitizen(db: Db, phone: string, now: Date, fullName?: string) {
  await db
    .insert(citizens)
    .values({ id: crypto.randomUUID(), phone, fullName: fullName ?? null, createdAt: now })
    .onConflictDoNothing({ target: citizens.phone });
  return (await findCitizenByPhone(db, phone))!;
}

export async function countOtpsSince(db: Db, phone: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(otpCodes)
    .where(and(eq(otpCodes.phone, phone), gte(otpCodes.createdAt, since)));
  return row?.n ?? 0;
}

export async function insertOtp(db: Db, row: typeof otpCodes.$inferInsert): Promise<void> {
  await db.insert(otpCodes).values(row);
}

export async function findLatestLiveOtp(db: Db, phone: string, now: Date) {
  const [row] = await db
    .select()
    .from(otpCodes)
    .where(and(eq(otpCodes.phone, phone), isNull(otpCodes.usedAt), gte(otpCodes.expiresAt, now)))
    .orderBy(sql`${otpCodes.createdAt} desc`)
    .limit(1);
  return row;
}

/** Marks the code used only if it still is unused: two racing verifications cannot both win. */
export async function consumeOtp(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(otpCodes)
    .set({ usedAt: now })
    .where(and(eq(otpCodes.id, id), isNull(otpCodes.usedAt)))
    .returning({ id: otpCodes.id });
  return rows.length === 1;
}

export async function recordFailedOtp(db: Db, id: string): Promise<void> {
  await db
    .update(otpCodes)
    .set({ failedAttempts: sql`${otpCodes.failedAttempts} + 1` })
    .where(eq(otpCodes.id, id));
}

export async function invalidateOtp(db: Db, id: string, now: Date): Promise<void> {
  await db.update(otpCodes).set({ usedAt: now }).where(eq(otpCodes.id, id));
}
