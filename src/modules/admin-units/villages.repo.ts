import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { villages, type VillageRow } from './admin-units.schema';

type NewVillage = typeof villages.$inferInsert;
export type VillagePatch = Partial<Pick<VillageRow, 'name' | 'kind' | 'contactPhone' | 'updatedAt' | 'deletedAt'>>;

export async function selectVillages(db: Db, communeCode: string, opts: { includeDeleted?: boolean } = {}): Promise<VillageRow[]> {
  const inCommune = eq(villages.communeCode, communeCode);
  return db
    .select()
    .from(villages)
    .where(opts.includeDeleted ? inCommune : and(inCommune, isNull(villages.deletedAt)));
}

/** A live (not tombstoned) village of the given commune. */
export async function selectVillage(db: Db, communeCode: string, id: string): Promise<VillageRow | undefined> {
  const [row] = await db
    .select()
    .from(villages)
    .where(and(eq(villages.id, id), eq(villages.communeCode, communeCode), isNull(villages.deletedAt)));
  return row;
}

export async function insertVillages(db: Db, rows: NewVillage[]): Promise<VillageRow[]> {
  return db.insert(villages).values(rows).returning();
}

export async function updateVillage(db: Db, id: string, patch: VillagePatch): Promise<VillageRow | undefined> {
  const [row] = await db.update(villages).set(patch).where(eq(villages.id, id)).returning();
  return row;
}

/** Any village at all, tombstones included: a commune that deleted them all is not "empty". */
export async function hasAnyVillage(db: Db, communeCode: string): Promise<boolean> {
  const rows = await db.select({ id: villages.id }).from(villages).where(eq(villages.communeCode, communeCode)).limit(1);
  return rows.length > 0;
}
