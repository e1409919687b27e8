import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../db';
import { forgetCachedActor } from './actor-cache';
import { sessions } from './sessions.schema';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Db,
  account: { kind: 'staff' | 'citizen'; id: string },
  now: Date,
  ttlHours: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000);
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    accountKind: account.kind,
    accountId: account.id,
    createdAt: now,
    expiresAt,
  });
  return { token, expiresAt };
}

export async function findSession(db: Db, token: string, now: Date) {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now)))
    .limit(1);
  return row;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  forgetCachedActor(hashToken(token));
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}
