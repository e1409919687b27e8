/**
 * `npm run bench:indicators`: a province of 100 communes with 5,000,000 dossiers on PostgreSQL and
 * 500,000 on PGlite. For the province dashboard and one commune's dashboard it measures the
 * incrementally maintained aggregates against the naive GROUP BY over the raw tables, on the same
 * data in the same run, checks that both give the same figures, and writes bench/results/indicators.md.
 * Target: under 100 ms per dashboard at 5,000,000 dossiers on PostgreSQL.
 * BENCH_QUICK=1 runs with 1/10 of the data; BENCH_ENGINES=pglite|postgres picks one engine.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { queryRows } from '../src/platform/db';
import type { AppDeps } from '../src/platform/http';
import { loadConfig } from '../src/server/config';
import { seedDatabase } from '../src/server/seed';
import { buildCommuneDashboard, buildProvinceDashboard, rebuildIndicatorAggregates } from '../src/modules/indicators';
import { resolvePeriod } from '../src/modules/indicators/period';
import { createIndexes, dropSecondaryIndexes, generateProvince, setIndicatorTriggers } from './indicators-data';
import { openPglite, openPostgres, type BenchDb } from './indicators-engines';

const quick = process.env.BENCH_QUICK === '1';
const only = process.env.BENCH_ENGINES?.toLowerCase();
const PROVINCE = '66'; // Đắk Lắk: 102 communes after the 2025 reform; dossiers go to the first 100.
const TARGET_MS = 100;
const plans = [
  { open: openPostgres, key: 'postgres', dossiers: quick ? 500_000 : 5_000_000, chunk: 500_000 },
  { open: openPglite, key: 'pglite', dossiers: quick ? 50_000 : 500_000, chunk: 100_000 },
].filter((p) => !only || only.includes(p.key));

interface Timing { median: number; min: number; runs: number[] }
const lines: string[] = [];
const log = (s: string) => { console.log(s); lines.push(s); };
const cleanups: (() => Promise<void>)[] = [];

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void Promise.all(cleanups.map((c) => c().catch(() => {}))).finally(() => process.exit(130)));
}

async function time(fn: () => Promise<unknown>, runs: number, warmup = 1): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    all.push(performance.now() - t0);
  }
  const sorted = [...all].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, runs: all };
}

const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : n.toFixed(0)} ms`;

/** The two readers must give the same dashboard (apart from the moment it was made). */
function sameFigures(a: unknown, b: unknown): boolean {
  const strip = (x: unknown) => JSON.stringify(x, (k, v) => (k === 'asOf' ? undefined : v));
  return strip(a) === strip(b);
}

async function benchEngine(plan: (typeof plans)[number]): Promise<string[]> {
  const t0 = performance.now();
  const engine: BenchDb = await plan.open();
  cleanups.push(engine.cleanup);
  const now = new Date();
  const deps: AppDeps = { db: engine.database.db, engine: engine.database.engine, config: loadConfig({ XASO_DEMO: '0', LOG_LEVEL: 'silent' }), now: () => now, log: pino({ level: 'silent' }) };
  const db = deps.db;
  log(`\n== ${engine.name}: ${engine.note}`);
  await seedDatabase(deps, { demo: false });
  const communes = (await queryRows<{ code: string }>(db, sql`select code from communes where province_code = ${PROVINCE} order by code limit 100`)).map((r) => r.code);
  log(`  migrated and seeded (reference data) in ${secs(t0)}; ${communes.length} communes of province ${PROVINCE}`);

  let t = performance.now();
  await setIndicatorTriggers(db, false);
  const indexes = await dropSecondaryIndexes(db);
  await generateProvince(db, { communes, dossiers: plan.dossiers, chunk: plan.chunk, now, onProgress: (n) => process.stdout.write(`\r  generating… ${n.toLocaleString('en')} dossiers`) });
  process.stdout.write('\n');
  const genTime = secs(t);
  t = performance.now();
  await createIndexes(db, indexes);
  await setIndicatorTriggers(db, true);
  if (engine.name === 'PostgreSQL') await db.execute(sql`analyze`);
  const [counts] = await queryRows<{ d: number; a: number }>(db, sql`select (select count(*) from dossiers)::int as d, (select count(*) from dossier_actions)::int as a`);
  log(`  generated ${counts!.d.toLocaleString('en')} dossiers and ${counts!.a.toLocaleString('en')} actions in ${genTime}; indexes rebuilt in ${secs(t)}`);

  t = performance.now();
  await rebuildIndicatorAggregates(db);
  if (engine.name === 'PostgreSQL') await db.execute(sql`analyze`);
  const [sizes] = await queryRows<{ cube: number; cm: number }>(db, sql`select (select count(*) from indicator_cube)::int as cube, (select count(*) from indicator_commune_month)::int as cm`);
  log(`  aggregates rebuilt set-based (bulk-facts.ts: the same definitions the triggers apply per dossier) in ${secs(t)}: ${sizes!.cube.toLocaleString('en')} cube rows, ${sizes!.cm.toLocaleString('en')} commune-month rows`);

  const period = resolvePeriod(now) as { from: string; to: string };
  const commune = communes[0]!;
  const rows: string[] = [];
  for (const [label, build, runs, naiveRuns] of [
    [`Commune dashboard (${commune}, ${period.from}…${period.to})`, (r: 'aggregates' | 'naive') => buildCommuneDashboard(deps, commune, period, r), 9, 3],
    [`Province dashboard (${PROVINCE}, ${communes.length} communes, ${period.from}…${period.to})`, (r: 'aggregates' | 'naive') => buildProvinceDashboard(deps, PROVINCE, period, r), 9, 1],
  ] as const) {
    const fast = await time(() => build('aggregates'), runs);
    const naive = await time(() => build('naive'), naiveRuns);
    const same = sameFigures(await build('aggregates'), await build('naive'));
    const pass = fast.median < TARGET_MS;
    log(`  ${label}: aggregates median ${ms(fast.median)} (min ${ms(fast.min)}, ${runs} runs); naive median ${ms(naive.median)} (${naiveRuns} runs); ${(naive.median / fast.median).toFixed(0)}× faster; same figures: ${same ? 'yes' : 'NO'}`);
    rows.push(`| ${engine.name} | ${counts!.d.toLocaleString('en')} | ${label} | ${ms(fast.median)} | ${ms(naive.median)} | ${(naive.median / fast.median).toFixed(0)}× | ${same ? 'yes' : 'NO'} | ${engine.name === 'PostgreSQL' ? (pass ? 'PASS' : 'FAIL') : (pass ? 'under 100 ms' : 'over 100 ms')} |`);
  }
  log(`  ${engine.name} done in ${secs(t0)}`);
  await engine.cleanup();
  cleanups.splice(cleanups.indexOf(engine.cleanup), 1);
  return rows;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const table: string[] = [];
  for (const plan of plans) table.push(...(await benchEngine(plan)));
  const cpu = os.cpus();
  const report = [
    '# Indicators benchmark: latest results', '',
    `Run ${new Date().toISOString()} on ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}; load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}; the bench took ${secs(t0)}${quick ? ' (BENCH_QUICK: 1/10 of the data)' : ''}.`,
    'Subject: the dashboard built from the incrementally maintained aggregates. Ceiling: the same dashboard from the naive GROUP BY over the raw tables (same per-dossier definition, same data, same run). Target: < 100 ms per dashboard at 5,000,000 dossiers on PostgreSQL.', '',
    '| Engine | Dossiers | Dashboard | Aggregates (median) | Naive GROUP BY (median) | Ratio | Same figures | Target |', '|---|---|---|---|---|---|---|---|',
    ...table, '', 'Log:', '', '```', ...lines, '```', '',
  ].join('\n');
  writeFileSync(new URL('./results/indicators.md', import.meta.url), report);
  console.log(`\nWritten to bench/results/indicators.md (${secs(t0)})`);
}

main().catch(async (err) => {
  console.error(err);
  for (const c of cleanups) await c().catch(() => {});
  process.exit(1);
});
