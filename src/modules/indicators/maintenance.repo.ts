import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import { naiveSource, partsOf } from './aggregates.repo';
import { bulkFactsSql } from './bulk-facts';

/**
 * Whole-table operations on the aggregates: backfill, full rebuild (repair, bulk loads) and the
 * comparison with the naive recomputation that the property test and the bench rely on.
 */
const MEASURES = ['submitted', 'fee_bearing', 'received', 'resolved', 'early', 'on_time', 'late', 'with_result', 'processing_wd_sum', 'apologies'] as const;
const CUBE_DIMS = ['commune_code', 'month', 'village_key', 'procedure_code', 'channel', 'assisted', 'level'] as const;
const COARSE_DIMS = ['commune_code', 'month', 'channel', 'assisted', 'level'] as const;

const cols = (names: readonly string[]) => sql.raw(names.join(', '));
const sums = sql.raw(MEASURES.map((m) => `sum(${m})::${m === 'processing_wd_sum' ? 'bigint' : 'int'} as ${m}`).join(', '));
const anyNonZero = sql.raw(MEASURES.map((m) => `${m} <> 0`).join(' or '));

/** Dossiers that exist without facts (an install that had dossiers before this module): count them in. */
export async function backfillIndicatorFacts(db: Db): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`
    with todo as (
      select d.id from dossiers d where not exists (select 1 from indicator_dossier_facts f where f.dossier_id = d.id)
    ), done as (select indicator_refresh_dossier(id) from todo)
    select count(*)::int as n from done`);
  return rows[0]?.n ?? 0;
}

/**
 * Rebuilds facts and both grains set-based from the raw tables, with the same per-dossier
 * definition (indicator_facts_v) and the same parts as the triggers. For bulk loads and repair.
 */
export async function rebuildIndicatorAggregates(db: Db): Promise<void> {
  const factCols = 'dossier_id, commune_code, village_key, procedure_code, channel, assisted, level, submit_month, fee_bearing, received_month, finish_month, outcome, with_result, processing_wd, apology_month';
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from indicator_commune_month`);
    await tx.execute(sql`delete from indicator_cube`);
    await tx.execute(sql`delete from indicator_dossier_facts`);
    await tx.execute(sql`create temporary table indicator_rebuild_facts on commit drop as ${bulkFactsSql()}`);
    await tx.execute(sql`insert into indicator_dossier_facts (${sql.raw(factCols)}) select ${sql.raw(factCols)} from indicator_rebuild_facts`);
    await tx.execute(sql`
      insert into indicator_cube (${cols(CUBE_DIMS)}, ${cols(MEASURES)}, updated_at)
      select ${cols(CUBE_DIMS)}, ${sums}, max(updated_at) from ${partsOf(sql`select * from indicator_rebuild_facts`)} src
      group by ${cols(CUBE_DIMS)}
      -- In key order: one commune's months then lie in few pages (the dashboard reads them together).
      order by ${cols(CUBE_DIMS)}`);
    await tx.execute(sql`
      insert into indicator_commune_month (${cols(COARSE_DIMS)}, ${cols(MEASURES)}, updated_at)
      select ${cols(COARSE_DIMS)}, ${sums}, max(updated_at) from indicator_cube group by ${cols(COARSE_DIMS)} order by ${cols(COARSE_DIMS)}`);
  });
}

export interface AggregateMismatch {
  table: 'indicator_cube' | 'indicator_commune_month';
  key: string;
  aggregate: Record<string, number> | null;
  naive: Record<string, number> | null;
}

/** Every row where the maintained aggregates differ from the naive GROUP BY over the raw tables. */
export async function diffAggregatesWithNaive(db: Db): Promise<AggregateMismatch[]> {
  const out: AggregateMismatch[] = [];
  for (const [table, dims] of [['indicator_cube', CUBE_DIMS], ['indicator_commune_month', COARSE_DIMS]] as const) {
    const rows = await queryRows<{ key: string; a: Record<string, number> | null; n: Record<string, number> | null }>(db, sql`
      with a as (
        select concat_ws('|', ${cols(dims)}) as key, json_build_object(${sql.raw(MEASURES.map((m) => `'${m}', ${m}`).join(', '))})::text as v
        from ${sql.raw(table)} where ${anyNonZero}
      ), n as (
        select concat_ws('|', ${cols(dims)}) as key, json_build_object(${sql.raw(MEASURES.map((m) => `'${m}', ${m}`).join(', '))})::text as v
        from (select ${cols(dims)}, ${sums} from ${naiveSource()} src group by ${cols(dims)}) g where ${anyNonZero}
      )
      select coalesce(a.key, n.key) as key, a.v::json as a, n.v::json as n
      from a full join n on a.key = n.key
      where a.v is distinct from n.v`);
    for (const r of rows) out.push({ table, key: r.key, aggregate: r.a, naive: r.n });
  }
  return out;
}

/**
 * Facts stored per dossier (by the triggers, from indicator_facts_v) that differ from the set-based
 * recomputation over the raw tables (bulk-facts.ts). The level is frozen, so it is left out.
 */
export async function diffFactsWithNaive(db: Db): Promise<string[]> {
  const rows = await queryRows<{ dossier_id: string }>(db, sql`
    select coalesce(f.dossier_id, v.dossier_id) as dossier_id
    from indicator_dossier_facts f full join (${bulkFactsSql()}) v on v.dossier_id = f.dossier_id
    where (f.commune_code, f.village_key, f.procedure_code, f.channel, f.assisted, f.submit_month, f.fee_bearing,
           f.received_month, f.finish_month, f.outcome, f.with_result, f.processing_wd, f.apology_month)
      is distinct from
          (v.commune_code, v.village_key, v.procedure_code, v.channel, v.assisted, v.submit_month, v.fee_bearing,
           v.received_month, v.finish_month, v.outcome, v.with_result, v.processing_wd, v.apology_month)`);
  return rows.map((r) => r.dossier_id);
}
