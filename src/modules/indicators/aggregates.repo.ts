import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import { makeLocalInstant } from '../../shared/calendar';
import { bulkFactsSql } from './bulk-facts';
import { emptyTotals, type MonthRange, type Totals } from './measures';
import { addMonths } from './period';

/**
 * Reads indicator totals either from the incrementally maintained aggregates ('aggregates') or by
 * the naive GROUP BY over the raw dossier tables ('naive', through indicator_facts_v: the same
 * per-dossier definition the triggers use). Both go through the same summing SQL, so the bench and
 * the tests compare like with like.
 */
export type Reader = 'aggregates' | 'naive';

/** Columns shared by indicator_cube, indicator_commune_month and the naive source. */
const measureSums = sql`
  coalesce(sum(submitted), 0)::int as submitted,
  coalesce(sum(submitted) filter (where channel = 'online'), 0)::int as online,
  coalesce(sum(submitted) filter (where channel = 'online' and level = 'full_online'), 0)::int as full_online,
  coalesce(sum(submitted) filter (where assisted), 0)::int as assisted,
  coalesce(sum(fee_bearing), 0)::int as fee_bearing,
  coalesce(sum(received), 0)::int as received,
  coalesce(sum(received) filter (where channel = 'online'), 0)::int as received_online,
  coalesce(sum(resolved), 0)::int as resolved,
  coalesce(sum(early), 0)::int as early,
  coalesce(sum(on_time), 0)::int as on_time,
  coalesce(sum(late), 0)::int as late,
  coalesce(sum(with_result), 0)::int as with_result,
  coalesce(sum(processing_wd_sum), 0)::bigint as processing_wd_sum,
  coalesce(sum(apologies), 0)::int as apologies,
  max(updated_at) as updated_at`;

/**
 * Only dossiers that can count in the period: every part of a dossier's contribution falls between
 * its submission and its end, so this filter is exact, not an approximation.
 */
function overlaps(range: MonthRange): SQL {
  const start = makeLocalInstant(range.from, 0);
  const end = makeLocalInstant(`${addMonths(range.to.slice(0, 7), 1)}-01`, 0);
  return sql`d.submitted_at < ${end} and (d.finished_at is null or d.finished_at >= ${start})`;
}

/** One row per dossier and kind of month, from a relation of per-dossier facts. */
export function partsOf(facts: SQL): SQL {
  return sql`(
    with f as materialized (${facts})
    select commune_code, submit_month as month, village_key, procedure_code, channel, assisted, level,
      1 as submitted, fee_bearing::int as fee_bearing, 0 as received, 0 as resolved, 0 as early, 0 as on_time, 0 as late,
      0 as with_result, 0::bigint as processing_wd_sum, 0 as apologies, updated_at from f
    union all
    select commune_code, received_month, village_key, procedure_code, channel, assisted, level,
      0, 0, 1, 0, 0, 0, 0, 0, 0::bigint, 0, updated_at from f where received_month is not null
    union all
    select commune_code, finish_month, village_key, procedure_code, channel, assisted, level,
      0, 0, 0, 1, (outcome = 'early')::int, (outcome = 'on_time')::int, (outcome = 'late')::int,
      with_result::int, (case when with_result then processing_wd else 0 end)::bigint, 0, updated_at from f where finish_month is not null
    union all
    select commune_code, apology_month, village_key, procedure_code, channel, assisted, level,
      0, 0, 0, 0, 0, 0, 0, 0, 0::bigint, 1, updated_at from f where apology_month is not null
  )`;
}

/** The naive source: the raw tables grouped set-based (bulk-facts.ts), for the dossiers `where` selects (alias d), or all. */
export function naiveSource(where?: SQL): SQL {
  return partsOf(bulkFactsSql(where));
}

interface RawTotals {
  submitted: number; online: number; full_online: number; assisted: number; fee_bearing: number; received: number;
  received_online: number; resolved: number; early: number; on_time: number; late: number; with_result: number;
  processing_wd_sum: string | number; apologies: number; updated_at: string | Date | null;
}

export function toTotals(r: RawTotals | undefined): Totals {
  if (!r) return emptyTotals();
  return {
    submitted: r.submitted, online: r.online, fullOnline: r.full_online, assisted: r.assisted, feeBearing: r.fee_bearing,
    received: r.received, receivedOnline: r.received_online, resolved: r.resolved, early: r.early, onTime: r.on_time,
    late: r.late, withResult: r.with_result, processingWdSum: Number(r.processing_wd_sum), apologies: r.apologies,
    updatedAt: r.updated_at ? new Date(r.updated_at) : null,
  };
}

export interface CommuneBreakdown {
  total: Totals;
  byMonth: Map<string, Totals>;
  byVillage: Map<string, Totals>;
  byProcedure: Map<string, Totals>;
}

/**
 * One commune, one period: totals and the per-month, per-village, per-procedure splits, rolled up by
 * the database (GROUPING SETS): at 5,000,000 dossiers a busy commune has ~10,000 cube rows a year, and
 * sending the month × village × procedure grain to Node cost three times the query (bench/README.md).
 */
export async function readCommuneBreakdown(db: Db, communeCode: string, range: MonthRange, reader: Reader): Promise<CommuneBreakdown> {
  const rows = await queryRows<RawTotals & { g: number; month: string | null; village_key: string | null; procedure_code: string | null }>(
    db, communeBreakdownSql(communeCode, range, reader));
  const out: CommuneBreakdown = { total: emptyTotals(), byMonth: new Map(), byVillage: new Map(), byProcedure: new Map() };
  for (const r of rows) {
    // grouping(): a bit per column left out of the row's set (month 4, village 2, procedure 1).
    if (r.g === 3) out.byMonth.set(r.month!, toTotals(r));
    else if (r.g === 5) out.byVillage.set(r.village_key!, toTotals(r));
    else if (r.g === 6) out.byProcedure.set(r.procedure_code!, toTotals(r));
    else out.total = toTotals(r);
  }
  return out;
}

/** The SQL of readCommuneBreakdown (exported for the bench's EXPLAIN). */
export function communeBreakdownSql(communeCode: string, range: MonthRange, reader: Reader): SQL {
  const source = reader === 'aggregates' ? sql`indicator_cube` : naiveSource(sql`d.commune_code = ${communeCode} and ${overlaps(range)}`);
  return sql`
    select grouping(month, village_key, procedure_code)::int as g, month::text as month, village_key, procedure_code, ${measureSums}
    from ${source} src
    where commune_code = ${communeCode} and month between ${range.from}::date and ${range.to}::date
    group by grouping sets ((month), (village_key), (procedure_code), ())
    -- A stable order: the dashboard lists ties (same count) in the order they arrive, whichever reader.
    order by g, month, village_key, procedure_code`;
}

export interface ProvinceBreakdown {
  total: Totals;
  byMonth: Map<string, Totals>;
  byCommune: Map<string, Totals>;
}

/** Every commune of a province side by side, from the coarse commune × month grain. */
export async function readProvinceBreakdown(db: Db, communeCodes: string[], range: MonthRange, reader: Reader): Promise<ProvinceBreakdown> {
  const out: ProvinceBreakdown = { total: emptyTotals(), byMonth: new Map(), byCommune: new Map() };
  if (communeCodes.length === 0) return out;
  const rows = await queryRows<RawTotals & { month: string | null; commune_code: string | null }>(db, provinceBreakdownSql(communeCodes, range, reader));
  for (const r of rows) {
    if (r.month !== null) out.byMonth.set(r.month, toTotals(r));
    else if (r.commune_code !== null) out.byCommune.set(r.commune_code, toTotals(r));
    else out.total = toTotals(r);
  }
  return out;
}

/** The SQL of readProvinceBreakdown (exported for the bench's EXPLAIN); communeCodes is not empty. */
export function provinceBreakdownSql(communeCodes: string[], range: MonthRange, reader: Reader): SQL {
  const list = sql.join(communeCodes.map((c) => sql`${c}`), sql`, `);
  const inList = sql`commune_code in (${list})`;
  const source = reader === 'aggregates' ? sql`indicator_commune_month` : naiveSource(sql`d.commune_code in (${list}) and ${overlaps(range)}`);
  return sql`
    select month::text as month, commune_code, ${measureSums}
    from ${source} src
    where ${inList} and month between ${range.from}::date and ${range.to}::date
    group by grouping sets ((month), (commune_code), ())`;
}
