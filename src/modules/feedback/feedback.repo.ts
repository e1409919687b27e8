import { and, desc, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { dossiers } from '../dossiers';
import { dossierRatings } from './feedback.schema';

export type RatingRow = typeof dossierRatings.$inferSelect;

/** The few dossier facts a rating needs (read through the dossiers module's exported table). */
export async function findDossierForRating(db: Db, code: string) {
  const [row] = await db
    .select({ code: dossiers.code, communeCode: dossiers.communeCode, procedureCode: dossiers.procedureCode, channel: dossiers.channel, citizenId: dossiers.citizenId, status: dossiers.status })
    .from(dossiers)
    .where(eq(dossiers.code, code));
  return row;
}

/** Inserts the rating unless the dossier already has one; true when inserted. */
export async function insertRating(db: Db, row: RatingRow): Promise<boolean> {
  const inserted = await db.insert(dossierRatings).values(row).onConflictDoNothing().returning({ code: dossierRatings.dossierCode });
  return inserted.length === 1;
}

export async function findRating(db: Db, dossierCode: string): Promise<RatingRow | undefined> {
  const [row] = await db.select().from(dossierRatings).where(eq(dossierRatings.dossierCode, dossierCode));
  return row;
}

export async function listRatingRows(db: Db, communeCode: string, from?: Date, to?: Date, limit = 10_000): Promise<RatingRow[]> {
  const conds = [eq(dossierRatings.communeCode, communeCode)];
  if (from) conds.push(gte(dossierRatings.ratedAt, from));
  if (to) conds.push(lt(dossierRatings.ratedAt, to));
  return db.select().from(dossierRatings).where(and(...conds)).orderBy(desc(dossierRatings.ratedAt)).limit(limit);
}
