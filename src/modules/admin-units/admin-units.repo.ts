import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { communes, provinces, type CommuneRow } from './admin-units.schema';

export type ProvinceRow = typeof provinces.$inferSelect;
type NewCommune = typeof communes.$inferInsert;

const CHUNK = 1000;

/** Reference data is re-applied on every start; names follow the shipped file, agency codes stay local. */
export async function upsertProvinces(db: Db, rows: ProvinceRow[]): Promise<void> {
  await db
    .insert(provinces)
    .values(rows)
    .onConflictDoUpdate({
      target: provinces.code,
      set: { name: sql`excluded.name`, fullName: sql`excluded.full_name`, type: sql`excluded.type` },
    });
}

export async function upsertCommunes(db: Db, rows: NewCommune[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insert(communes)
      .values(rows.slice(i, i + CHUNK))
      .onConflictDoUpdate({
        target: communes.code,
        set: {
          provinceCode: sql`excluded.province_code`,
          name: sql`excluded.name`,
          fullName: sql`excluded.full_name`,
          type: sql`excluded.type`,
        },
      });
  }
}

export async function selectProvinces(db: Db): Promise<ProvinceRow[]> {
  return db.select().from(provinces).orderBy(asc(provinces.code));
}

export async function selectProvince(db: Db, code: string): Promise<ProvinceRow | undefined> {
  const [row] = await db.select().from(provinces).where(eq(provinces.code, code));
  return row;
}

export async function selectCommunesOfProvince(db: Db, provinceCode: string): Promise<CommuneRow[]> {
  return db.select().from(communes).where(eq(communes.provinceCode, provinceCode));
}

export async function selectCommune(db: Db, code: string): Promise<CommuneRow | undefined> {
  const [row] = await db.select().from(communes).where(eq(communes.code, code));
  return row;
}

export async function updateCommuneAgencyCode(db: Db, code: string, agencyCode: string): Promise<CommuneRow | undefined> {
  const [row] = await db.update(communes).set({ agencyCode }).where(eq(communes.code, code)).returning();
  return row;
}
