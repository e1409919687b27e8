/**
 * `npm run bench`: every benchmark, then a summary (bench/results/summary.md):
 *   http: on PGlite (fresh, on disk) and on PostgreSQL (DATABASE_URL, or a throwaway
 *     PostgreSQL 15 cluster), POST /api/dossiers against a raw insert of the same rows, and
 *     GET /api/public/dossiers/{code} against a bare Fastify JSON route (bench/results/http.md);
 *   sync: 1,000 offline commands (sync.ts, bench/results/sync.md);
 *   indicators: dashboards at 5,000,000 dossiers (indicators.ts, bench/results/indicators.md).
 * Each figure has its ceiling measured in the same run. `node --import tsx bench/run.ts http,sync`
 * runs some parts only (npm run bench:http). See bench/README.md.
 */
import { startApp, type RunningApp } from './app-server';
import { openPgliteEngine, openPostgresEngine, type EngineDb } from './engines';
import { onInterrupt } from './cleanup';
import { benchIndicators } from './indicators';
import { benchLookup, type LookupSettings } from './lookup';
import { machineLoad, markdownTable, renderReport, writeReport, writeSummary, type Row } from './report';
import { benchSync } from './sync';
import { benchSubmission, pct, type SubmissionSettings } from './submission';

const cpuPer = (ms: number, n: number) => `${(ms / Math.max(n, 1)).toFixed(3)} ms`;

const quick = process.env.BENCH_QUICK === '1';
const only = process.env.BENCH_ENGINES?.split(',').map((s) => s.trim().toLowerCase());

// Subject and ceiling alternate in short runs; see bench/README.md. BENCH_QUICK=1 shortens everything (smoke test).
const submission: SubmissionSettings = { concurrency: 10, rounds: quick ? 2 : 4, rawSec: quick ? 1.5 : 2.5, httpSec: quick ? 1.5 : 3, warmupSec: 1 };
const lookup: LookupSettings = { connections: 50, rounds: quick ? 2 : 4, runSec: quick ? 1.5 : 3, warmupSec: 1, codes: 200 };
const PG_POOL = 10;

const rows: Row[] = [];
const notes: string[] = [];
const details: string[] = [];
const cleanups: (() => Promise<void>)[] = [];
let interrupted = false;

async function cleanupAll(): Promise<void> {
  while (cleanups.length) await cleanups.pop()!().catch((err) => console.error(`cleanup failed: ${(err as Error).message}`));
}

// Ctrl-C: still stop the cluster and remove temp dirs (bench/cleanup.ts runs every part's cleanup).
onInterrupt(async () => {
  interrupted = true;
  await cleanupAll();
});

async function benchEngine(open: () => Promise<EngineDb | string>): Promise<void> {
  const t0 = performance.now();
  const engine = await open();
  if (typeof engine === 'string') {
    console.log(`\n${engine}`);
    notes.push(engine);
    return;
  }
  let server: RunningApp | undefined;
  let done = false;
  const cleanup = async () => {
    if (done) return;
    done = true;
    await server?.close().catch(() => {});
    await engine.cleanup();
  };
  cleanups.push(cleanup);
  try {
    console.log(`\n== ${engine.name}: ${engine.note}`);
    server = await startApp(engine);
    console.log(`  migrated, seeded and listening on ${server.baseUrl} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    notes.push(`${engine.name}: ${engine.note}.`);

    const l = await benchLookup(engine.name, server, lookup);
    rows.push(...l.rows);
    const runs = (rs: { okPerSec: number; latencyP99: number }[]) => rs.map((r) => `${r.okPerSec.toFixed(0)}/s p99 ${r.latencyP99} ms`).join(', ');
    details.push(
      `${engine.name} lookup: ${l.codes} codes, response ${l.responseBytes} B; queries per request: cache miss ${l.queries.miss}, cache hit ${l.queries.hit}`,
      `  bare runs [${runs(l.bareRuns)}]; subject runs [${runs(l.subjectRuns)}]; subject statuses ${JSON.stringify(l.subject.statusCodes)}`,
      `  server-process CPU per request: bare ${cpuPer(l.bare.serverCpuMs, l.bare.ok)}, subject ${cpuPer(l.subject.serverCpuMs, l.subject.ok)} ` +
        `→ CPU ratio ${pct(l.bare.serverCpuMs / l.bare.ok / (l.subject.serverCpuMs / l.subject.ok))}`,
    );

    const s = await benchSubmission(engine.name, server, submission);
    rows.push(...s.rows);
    details.push(
      `${engine.name} submission: queries per POST /api/dossiers: ${s.queriesPerRequest}`,
      `  raw sequential ${s.sequential.perSec.toFixed(0)} tx/s (${s.sequential.count}); raw c=${submission.concurrency} runs [${s.concurrentRuns.map((r) => `${r.perSec.toFixed(0)} tx/s`).join(', ')}]`,
      `  HTTP runs [${s.subjectRuns.map((r, i) => `${r.okPerSec.toFixed(0)} rows/s p50 ${r.latencyP50} p99 ${r.latencyP99} ms, ${r.ok} × 201, ${s.rowsWritten[i]} rows`).join('; ')}]`,
      `  totals: raw c=${submission.concurrency} ${s.concurrent.count} tx in ${s.concurrent.seconds.toFixed(1)} s; HTTP ${s.subject.ok} × 201 in ${s.subject.durationSec.toFixed(1)} s`,
      `  subject vs sequential raw: ${((s.subject.okPerSec / s.sequential.perSec) * 100).toFixed(0)}%`,
      `  Node-process CPU per submission: raw ${cpuPer(s.concurrent.cpuMs, s.concurrent.count)}, HTTP ${cpuPer(s.subject.serverCpuMs, s.subject.ok)} ` +
        `→ CPU ratio ${pct(s.concurrent.cpuMs / s.concurrent.count / (s.subject.serverCpuMs / s.subject.ok))}` +
        (engine.name === 'PGlite' ? ' (PGlite runs in this process, so this is all the work)' : ' (PostgreSQL backends not included)'),
    );
  } finally {
    await cleanup();
    cleanups.splice(cleanups.indexOf(cleanup), 1);
  }
}

/** Part 1 (bench:http): submission and lookup on both engines; writes bench/results/http.md. */
async function benchHttp(): Promise<Row[]> {
  const startedAt = new Date();
  const t0 = performance.now();
  console.log(`xaso bench${quick ? ' (BENCH_QUICK)' : ''}: submission c=${submission.concurrency}, lookup c=${lookup.connections}, ${lookup.rounds} × ${lookup.runSec} s per side`);
  const before = machineLoad();
  console.log(`machine: ${before.text}`);
  if (before.busy) console.log('WARNING: the machine is busy with other work; absolute figures will be low and noisy (ratios suffer less).');
  if (!only || only.includes('pglite')) await benchEngine(openPgliteEngine);
  if (!only || only.some((e) => e === 'postgres' || e === 'pg')) await benchEngine(() => openPostgresEngine(PG_POOL));
  if (interrupted) return [];

  const seconds = (performance.now() - t0) / 1000;
  notes.push(
    'Lookup: the app keeps a 60 s in-process cache of public views (src/modules/dossiers/public-cache.ts), so after the first request per code the subject measures HTTP + auth hook + zod serialisation, not the database.',
    'Submission: the outbox worker is not running during the bench (buildApp does not start it); in production it also polls the database.',
    'The load generator (autocannon) runs in a child process on the same machine, so it competes with the server for CPU.',
  );
  const after = machineLoad();
  const markdown = renderReport({ rows, notes, details, startedAt, seconds, loadBefore: before.text, loadAfter: after.text });
  const file = writeReport(markdown);
  console.log(`\n## Summary (bench took ${seconds.toFixed(0)} s)\n\n${markdownTable(rows)}\n\nWritten to ${file}`);
  const failed = rows.filter((r) => !r.pass).length;
  if (failed) console.log(`${failed} of ${rows.length} targets missed (see bench/README.md for how to profile).`);
  return rows;
}

const PARTS = ['http', 'sync', 'indicators'] as const;

/** The parts asked for on the command line (default all), one after the other, then the summary. */
async function main(): Promise<void> {
  const asked = (process.argv[2] ?? PARTS.join(',')).split(',').map((p) => p.trim());
  const unknown = asked.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length) throw new Error(`unknown bench part(s) ${unknown.join(', ')}; parts: ${PARTS.join(', ')}`);
  const startedAt = new Date();
  const t0 = performance.now();
  const before = machineLoad().text;
  const parts: { part: string; rows: Row[]; seconds: number }[] = [];
  for (const part of PARTS.filter((p) => asked.includes(p))) {
    const t = performance.now();
    console.log(`\n######## ${part}`);
    const partRows = part === 'http' ? await benchHttp() : part === 'sync' ? await benchSync(only) : await benchIndicators({ quick, engines: only });
    if (interrupted) return;
    parts.push({ part, rows: partRows, seconds: (performance.now() - t) / 1000 });
  }
  const file = writeSummary({ parts, startedAt, seconds: (performance.now() - t0) / 1000, loadBefore: before, loadAfter: machineLoad().text, quick });
  console.log(`\nSummary written to ${file}`);
}

main()
  .catch(async (err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanupAll();
    // Pools, timers or PGlite handles left by a failure must not keep the bench alive.
    setTimeout(() => process.exit(), 200).unref();
  });
