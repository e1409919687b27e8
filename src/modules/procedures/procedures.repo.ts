import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { queryRows } from '../../platform/db';
import { communeProcedures, procedures, type CommuneProcedureRow, type ProcedureRow } from './procedures.schema';

type NewProcedure = typeof procedures.$inferInsert;
type NewCommuneProcedure = typeof communeProcedures.$inferInsert;

/** Catalogue facts follow the shipped file; popularity is operational and never overwritten. */
export async function upsertProcedures(db: Db, rows: NewProcedure[]): Promise<void> {
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  await db
    .insert(procedures)
    .values(rows)
    .onConflictDoUpdate({
      target: procedures.code,
      set: {
        name: excluded('name'),
        searchText: excluded('search_text'),
        field: excluded('field'),
        level: excluded('level'),
        processingDays: excluded('processing_days'),
        feeVnd: excluded('fee_vnd'),
        requiredDocuments: excluded('required_documents'),
        form: excluded('form'),
        resultKind: excluded('result_kind'),
        serviceGroup: excluded('service_group'),
        unverified: excluded('unverified'),
        notes: excluded('notes'),
        sourceUrl: excluded('source_url'),
      },
    });
}

export async function selectAllProcedures(db: Db): Promise<ProcedureRow[]> {
  return db.select().from(procedures);
}

export async function incrementPopularity(db: Db, code: string): Promise<void> {
  await db
    .update(procedures)
    .set({ popularity: sql`${procedures.popularity} + 1` })
    .where(eq(procedures.code, code));
}

export async function selectCommuneOverrides(db: Db, communeCode: string): Promise<CommuneProcedureRow[]> {
  return db.select().from(communeProcedures).where(eq(communeProcedures.communeCode, communeCode));
}

export async function upsertCommuneOverride(db: Db, row: NewCommuneProcedure): Promise<void> {
  await db
    .insert(communeProcedures)
    .values(row)
    .onConflictDoUpdate({
      target: [communeProcedures.communeCode, communeProcedures.procedureCode],
      set: {
        offered: row.offered,
        feeVndOverride: row.feeVndOverride ?? null,
        processingDaysOverride: row.processingDaysOverride ?? null,
        updatedBy: row.updatedBy ?? null,
        updatedAt: row.updatedAt,
      },
    });
}

export async function selectCommuneOverride(db: Db, communeCode: string, procedureCode: string): Promise<CommuneProcedureRow | undefined> {
  const [row] = await db
    .select()
    .from(communeProcedures)
    .where(and(eq(communeProcedures.communeCode, communeCode), eq(communeProcedures.procedureCode, procedureCode)));
  return row;
}

export interface SearchHit {
  code: string;
  name: string;
  popularity: number;
  /** 0 exact (or code), 1 prefix, 2 phrase contained, 3 every word contained, 4 similar (typos). */
  tier: number;
  /** Whole-name closeness: short names that are nearly the query score high. */
  similarity: number;
  /** Closeness of the query to the best-matching stretch of the name: typos inside long names. */
  wordSimilarity: number;
}

// pg_trgm through similarity()/word_similarity() only: the `%` operator can hang PGlite (stack notes C3).
const SIMILARITY_MIN = 0.2;
const WORD_SIMILARITY_MIN = 0.6;

/** `folded` and `words` are foldVietnamese output ([a-z0-9 ] only), so they are safe inside strpos/left. */
export async function searchProcedureRows(db: Db, raw: string, folded: string, words: string[]): Promise<SearchHit[]> {
  const f = sql`${folded}::text`;
  const allWords = sql.join(
    words.map((w) => sql`strpos(search_text, ${w}::text) > 0`),
    sql` and `,
  );
  const tier: SQL = sql`case
      when search_text = ${f} or code = ${raw}::text then 0
      when left(search_text, length(${f})) = ${f} then 1
      when strpos(search_text, ${f}) > 0 then 2
      when ${allWords} then 3
      else 4 end`;
  return queryRows<SearchHit>(
    db,
    sql`select code, name, popularity, ${tier} as tier,
          similarity(search_text, ${f})::float8 as similarity,
          word_similarity(${f}, search_text)::float8 as "wordSimilarity"
        from procedures
        where search_text = ${f} or code = ${raw}::text or (${allWords})
           or similarity(search_text, ${f}) > ${SIMILARITY_MIN}
           or word_similarity(${f}, search_text) > ${WORD_SIMILARITY_MIN}`,
  );
}
