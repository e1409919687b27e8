/**
 * `npm run bench:indicators` (also part of `npm run bench`): a province of 100 communes with
 * 5,000,000 dossiers on PostgreSQL and 500,000 on PGlite, generated set-based inside the database
 * (indicators-plan.ts). For the province dashboard and one commune's dashboard it measures the
 * incrementally maintained aggregates against the naive GROUP BY over the raw tables, on the same
 * data in the same run, checks that both give the same figures, and writes bench/results/indicators.md.
 * Target: under 100 ms per dashboard at 5,000,000 dossiers on PostgreSQL.
 * BENCH_QUICK=1 runs with 1/10 of the data; BENCH_ENGINES=pglite|postgres picks one engine;
 * BENCH_EXPLAIN=1 also prints the plans of the aggregate reads.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { queryRows } from '../src/platform/db';
import type { AppDeps } from '../src/platform/http';
import { loadConfig } from '../src/server/config';
import { seedDatabase } from '../src/server/seed';
import { rebuildIndicatorAggregates } from '../src/modules/indicators';
import { resolvePeriod } from '../src/modules/indicators/period';
import { openPgliteEngine, openPostgresEngine, parseEngines, wantsEngine, type EngineDb } from './engines';
import { explainAggregateReads, profileCommuneDashboard, profileProvinceDashboard } from './indicators-explain';
import { createIndexes, dropIndexes, generateProvince, setIndicatorTriggers } from './indicators-data';
import { dashboardPlans, measureDashboard, ms, type DashboardMeasure } from './indicators-measure';
import { onInterrupt } from './cleanup';
import { BULK_READ } from './pg-cluster';
import { machineLine, machineLoad, type Row } from './report';

const PROVINCE = '66'; // Đắk Lắk: 102 communes after the 2025 reform; dossiers go to the first 100.
const TARGET_MS = 100;

export interface IndicatorsOptions {
  quick: boolean;
  engines?: string[];
}

const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const n = (x: number) => x.toLocaleString('en');
const mb = (bytes: number) => `${n(Math.round(bytes / 2 ** 20))} MB`;

interface EngineRun {
  engine: string;
  dossiers: number;
  /** The data-size row of the report. */
  sizes: string;
  measures: DashboardMeasure[];
  seconds: Record<'generate' | 'indexes' | 'aggregates' | 'total', string>;
}

class Log {
  lines: string[] = [];
  add(s: string): void {
    console.log(s);
    this.lines.push(s);
  }
}

async function benchEngine(engine: EngineDb, dossiers: number, chunk: number, quick: boolean, log: Log): Promise<EngineRun> {
  const t0 = performance.now();
  const now = new Date();
  const deps: AppDeps = { db: engine.database.db, engine: engine.database.engine, config: loadConfig({ XASO_DEMO: '0', LOG_LEVEL: 'silent' }), now: () => now, log: pino({ level: 'silent' }) };
  const db = deps.db;
  log.add(`\n== ${engine.name}: ${engine.note}`);
  await seedDatabase(deps, { demo: false });
  const communes = (await queryRows<{ code: string }>(db, sql`select code from communes where province_code = ${PROVINCE} order by code limit 100`)).map((r) => r.code);
  log.add(`  migrated and seeded (reference data) in ${secs(t0)}; ${communes.length} communes of province ${PROVINCE}`);

  let t = performance.now();
  await setIndicatorTriggers(db, false);
  const indexes = await dropIndexes(db);
  await generateProvince(db, { communes, dossiers, chunk, now, onProgress: (d) => process.stdout.write(`\r  generating… ${n(d)} dossiers (${secs(t)})`) });
  process.stdout.write('\n');
  const generate = secs(t);
  t = performance.now();
  await createIndexes(db, indexes);
  await setIndicatorTriggers(db, true);
  await db.execute(sql`analyze`);
  const indexTime = secs(t);
  const [c] = await queryRows<{ d: number; a: number; ds: number; as: number }>(db, sql`
    select (select count(*) from dossiers)::int as d, (select count(*) from dossier_actions)::int as a,
      pg_total_relation_size('dossiers')::float8 as ds, pg_total_relation_size('dossier_actions')::float8 as as`);
  log.add(`  generated ${n(c!.d)} dossiers (${mb(c!.ds)} with indexes) and ${n(c!.a)} actions (${mb(c!.as)}) in ${generate}; ${indexes.length} indexes built and ANALYZE in ${indexTime}`);

  t = performance.now();
  await rebuildIndicatorAggregates(db);
  await db.execute(sql`analyze`);
  const aggregates = secs(t);
  const [s] = await queryRows<{ cube: number; cm: number; sz: number }>(db, sql`
    select (select count(*) from indicator_cube)::int as cube, (select count(*) from indicator_commune_month)::int as cm,
      (pg_total_relation_size('indicator_cube') + pg_total_relation_size('indicator_commune_month')
        + pg_total_relation_size('indicator_dossier_facts'))::float8 as sz`);
  log.add(`  aggregates rebuilt set-based (rebuildIndicatorAggregates: the triggers' definitions) in ${aggregates}: ${n(s!.cube)} cube rows, ${n(s!.cm)} commune-month rows; facts and aggregates ${mb(s!.sz)}`);

  const period = resolvePeriod(now) as { from: string; to: string };
  // The commune dashboard of the busiest commune: the most rows to read.
  const [busiest] = await queryRows<{ code: string; n: number }>(db, sql`
    select commune_code as code, sum(submitted)::int as n from indicator_commune_month group by 1 order by 2 desc, 1 limit 1`);
  log.add(`  busiest commune: ${busiest!.code}, ${n(busiest!.n)} dossiers in two years`);
  if (process.env.BENCH_EXPLAIN === '1') {
    log.add(await explainAggregateReads(db, communes, busiest!.code, period));
    log.add(await profileCommuneDashboard(deps, busiest!.code, period));
    log.add(await profileProvinceDashboard(deps, PROVINCE, period));
  }
  const measures: DashboardMeasure[] = [];
  for (const plan of dashboardPlans(deps, PROVINCE, communes, busiest!.code, period, quick)) {
    const m = await measureDashboard(plan);
    measures.push(m);
    log.add(`  ${m.label}: aggregates median ${ms(m.fast.median)} (min ${ms(m.fast.min)}, ${m.fast.runs.length} runs); naive median ${ms(m.naive.median)} (${m.naive.runs.length} run${m.naive.runs.length > 1 ? 's' : ''}); ${(m.naive.median / m.fast.median).toFixed(0)}× faster; same figures: ${m.same ? 'yes' : 'NO'}`);
  }
  const total = secs(t0);
  log.add(`  ${engine.name} done in ${total}`);
  const sizes = `| ${engine.name} | ${n(c!.d)} | ${n(c!.a)} | ${mb(c!.ds)} | ${mb(c!.as)} | ${n(s!.cube)} | ${n(s!.cm)} | ${mb(s!.sz)} |`;
  return { engine: engine.name, dossiers: c!.d, sizes, measures, seconds: { generate, indexes: indexTime, aggregates, total } };
}

function toRows(r: EngineRun): Row[] {
  return r.measures.map((m) => {
    const pg = r.engine === 'PostgreSQL';
    const under = m.fast.median < TARGET_MS;
    return {
      engine: r.engine, benchmark: `${m.label.replace(/ \(.*/, '')}, ${n(r.dossiers)} dossiers`,
      subject: `aggregates ${ms(m.fast.median)}`, ceiling: `naive GROUP BY ${ms(m.naive.median)}`,
      ratio: `${(m.naive.median / m.fast.median).toFixed(0)}×`, target: pg ? `< ${TARGET_MS} ms, same figures` : 'same figures (no time target)',
      pass: m.same && (!pg || under), note: `same figures: ${m.same ? 'yes' : 'NO'}${pg ? '' : `; ${under ? 'under' : 'over'} ${TARGET_MS} ms`}`,
    };
  });
}

/** Runs the engines asked for; returns the summary rows and writes bench/results/indicators.md. */
export async function benchIndicators(o: IndicatorsOptions): Promise<Row[]> {
  const t0 = performance.now();
  const log = new Log();
  const before = machineLoad().text;
  const plans = [
    { key: 'postgres' as const, dossiers: o.quick ? 500_000 : 5_000_000, chunk: 250_000, open: () => openPostgresEngine(10, BULK_READ) },
    { key: 'pglite' as const, dossiers: o.quick ? 50_000 : 500_000, chunk: 100_000, open: openPgliteEngine },
  ].filter((p) => wantsEngine(o.engines, p.key));
  const runs: EngineRun[] = [];
  for (const plan of plans) {
    const engine = await plan.open();
    if (typeof engine === 'string') {
      log.add(`\n${engine}`);
      continue;
    }
    const cleanup = registerCleanup(engine);
    try {
      runs.push(await benchEngine(engine, plan.dossiers, plan.chunk, o.quick, log));
    } finally {
      await cleanup();
    }
  }
  const after = machineLoad().text;
  const table = runs.flatMap((r) => r.measures.map((m) =>
    `| ${r.engine} | ${n(r.dossiers)} | ${m.label} | ${ms(m.fast.median)} | ${ms(m.naive.median)} | ${(m.naive.median / m.fast.median).toFixed(0)}× | ${m.same ? 'yes' : 'NO'} | ${r.engine === 'PostgreSQL' ? (m.fast.median < TARGET_MS ? 'PASS' : 'FAIL') : (m.fast.median < TARGET_MS ? 'under 100 ms' : 'over 100 ms')} |`));
  const phases = runs.map((r) => `| ${r.engine} | ${n(r.dossiers)} | ${r.seconds.generate} | ${r.seconds.indexes} | ${r.seconds.aggregates} | ${r.seconds.total} |`);
  const report = [
    '# Indicators benchmark: latest results', '',
    `Run ${new Date().toISOString()} on ${machineLine()}; the bench took ${secs(t0)}${o.quick ? ' (BENCH_QUICK: 1/10 of the data)' : ''}.`,
    `Machine load before: ${before}; after: ${after}.`,
    'Subject: the dashboard built from the incrementally maintained aggregates. Ceiling: the same dashboard from the naive GROUP BY over the raw tables (same per-dossier definition, same data, same run). Target: < 100 ms per dashboard at 5,000,000 dossiers on PostgreSQL.', '',
    '| Engine | Dossiers | Dashboard | Aggregates (median) | Naive GROUP BY (median) | Ratio | Same figures | Target |', '|---|---|---|---|---|---|---|---|',
    ...table, '',
    '| Engine | Dossiers | Generation | Indexes + ANALYZE | Aggregates rebuilt | Engine total |', '|---|---|---|---|---|---|', ...phases, '',
    '| Engine | Dossiers | Actions | `dossiers` (with indexes) | `dossier_actions` | Cube rows | Commune-month rows | Facts and aggregates |',
    '|---|---|---|---|---|---|---|---|', ...runs.map((r) => r.sizes), '',
    'Log:', '', '```', ...log.lines, '```', '',
  ].join('\n');
  writeFileSync(new URL('./results/indicators.md', import.meta.url), report);
  console.log(`\nWritten to bench/results/indicators.md (${secs(t0)})`);
  return runs.flatMap(toRows);
}

/** Ctrl-C during a long generation still stops the cluster and removes the temporary directories. */
function registerCleanup(engine: EngineDb): () => Promise<void> {
  let done = false;
  const cleanup = async () => {
    if (done) return;
    done = true;
    unregister();
    await engine.cleanup();
  };
  const unregister = onInterrupt(cleanup);
  return cleanup;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchIndicators({ quick: process.env.BENCH_QUICK === '1', engines: parseEngines() }).catch((err) => {
    console.error(err);
    process.exitCode = 1;
  }).finally(() => setTimeout(() => process.exit(), 200).unref());
}
