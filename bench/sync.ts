/**
 * `npm run bench:sync`: the time to sync 1,000 offline commands from a field device, on PGlite
 * (on disk) and PostgreSQL, against a ceiling measured in the same run: the rows each command
 * writes (its record, the support act, the change-log entry), inserted one transaction per
 * command straight through drizzle, with no HTTP, validation, scope or replay check.
 * Subjects: batches of 25 over HTTP; one command per request over HTTP; and batches through a
 * connection that drops 20 % of requests before and 20 % of answers after the server (replays).
 * Writes bench/results/sync.md. BENCH_ENGINES=pglite|postgres picks one engine.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { queryOne } from '../src/platform/db';
import { DEMO_COMMUNE_CODE, listVillages } from '../src/modules/admin-units';
import { createRandom, drainOutbox, flakyTransport, type OutboxCommand } from '../src/modules/field/flaky-device';
import { recordChanges, syncCommands } from '../src/modules/sync';
import { supportActs } from '../src/modules/outreach';
import { startApp, type RunningApp } from './app-server';
import { onInterrupt } from './cleanup';
import { openPgliteEngine, openPostgresEngine, parseEngines, wantsEngine, type EngineDb } from './engines';
import { machineLine, machineLoad, markdownTable, type Row } from './report';

const COMMANDS = 1000;

function outbox(villageId: string, tag: string): OutboxCommand[] {
  const start = Date.now() - 3600_000;
  return Array.from({ length: COMMANDS }, (_, i) => ({
    commandId: crypto.randomUUID(), type: 'support_act.log', deviceAt: new Date(start + i * 1000).toISOString(),
    payload: { id: crypto.randomUUID(), villageId, place: 'it_point', kinds: ['scam_awareness'], durationMinutes: 5, note: tag },
  }));
}

async function token(s: RunningApp, username: string): Promise<string> {
  const res = await fetch(`${s.baseUrl}/api/auth/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'xaso-demo' }) });
  return ((await res.json()) as { token: string }).token;
}

async function overHttp(s: RunningApp, bearer: string, items: OutboxCommand[], batch: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < items.length; i += batch) {
    const res = await fetch(`${s.baseUrl}/api/sync/commands`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: JSON.stringify({ commands: items.slice(i, i + batch) }),
    });
    const body = (await res.json()) as { results: { status: string }[] };
    if (!body.results?.every((r) => r.status === 'applied')) throw new Error(`not applied: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return (performance.now() - t0) / 1000;
}

/** The ceiling: the same rows, one transaction per command, no HTTP and no checks. */
async function raw(s: RunningApp, villageId: string, actorId: string): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < COMMANDS; i++) {
    const now = new Date();
    const id = crypto.randomUUID();
    await s.deps.db.transaction(async (tx) => {
      await tx.insert(syncCommands).values({ commandId: crypto.randomUUID(), actorId, communeCode: DEMO_COMMUNE_CODE, type: 'support_act.log', payloadHash: 'raw', status: 'applied', result: { supportActId: id }, deviceAt: now, receivedAt: now });
      await tx.insert(supportActs).values({
        id, communeCode: DEMO_COMMUNE_CODE, villageId, place: 'it_point', kinds: ['scam_awareness'], outcome: 'done', durationMinutes: 5, attachmentIds: [],
        actorId, actorName: 'bench', occurredAt: now, recordedAt: now,
      });
      await recordChanges(tx, DEMO_COMMUNE_CODE, [{ entity: 'support_act', entityId: id, villageId, op: 'upsert' }], now);
    });
  }
  return (performance.now() - t0) / 1000;
}

async function benchEngine(engine: EngineDb, rows: Row[], details: string[]): Promise<void> {
  let started: RunningApp | undefined;
  try {
    const s = await startApp(engine);
    started = s;
    const village = (await listVillages(s.deps, DEMO_COMMUNE_CODE)).find((v) => v.name === 'Thôn Trà Kiểm')!.id;
    const bearer = await token(s, 'demo.volunteer');
    const actor = (await queryOne<{ id: string }>(s.deps.db, sql`select id from staff_accounts where username = 'demo.volunteer'`))!.id;
    await overHttp(s, bearer, outbox(village, 'warm-up').slice(0, 50), 25);
    const cpu: string[] = [];
    // CPU time of this process per command: steadier than wall time on a busy machine (on PGlite it includes the database).
    const measured = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
      const c0 = process.cpuUsage();
      const out = await fn();
      const c = process.cpuUsage(c0);
      cpu.push(`${label} ${((c.user + c.system) / 1000 / COMMANDS).toFixed(2)} ms`);
      return out;
    };
    const ceiling = await measured('raw', () => raw(s, village, actor));
    const batched = await measured('batches of 25', () => overHttp(s, bearer, outbox(village, 'batched'), 25));
    const single = await measured('one per request', () => overHttp(s, bearer, outbox(village, 'single'), 1));
    const random = createRandom(7);
    const { send, stats } = flakyTransport(s.app, random, 0.2);
    const t0 = performance.now();
    const report = await measured('with drops', () => drainOutbox(send, bearer, outbox(village, 'flaky'), { random, maxBatch: 25, maxAttempts: 10_000 }));
    const flaky = (performance.now() - t0) / 1000;
    if (report.applied.size !== COMMANDS) throw new Error(`flaky run applied ${report.applied.size}`);
    const row = (subject: string, seconds: number, target: number, note?: string): Row => ({
      engine: engine.name, benchmark: `sync ${COMMANDS} commands`, subject: `${subject}: ${seconds.toFixed(2)} s (${(COMMANDS / seconds).toFixed(0)}/s)`,
      ceiling: `raw rows: ${ceiling.toFixed(2)} s (${(COMMANDS / ceiling).toFixed(0)}/s)`, ratio: `${((ceiling / seconds) * 100).toFixed(0)}%`,
      target: `≥ ${target}% of raw`, pass: ceiling / seconds >= target / 100, note,
    });
    rows.push(row('HTTP, batches of 25', batched, 25), row('HTTP, one per request', single, 15),
      row('in-process, 20 % drops each way', flaky, 15, `${stats.requests} requests, ${stats.droppedBefore} lost before, ${stats.droppedAfter} answers lost, ${report.replayedAnswers} replayed answers`));
    details.push(`${engine.name}: ${engine.note}; CPU per command: ${cpu.join(', ')}`);
  } finally {
    await started?.close();
    await engine.cleanup();
  }
}

/** Runs the engines asked for (default both); returns the summary rows and writes bench/results/sync.md. */
export async function benchSync(only?: string[]): Promise<Row[]> {
  const rows: Row[] = [];
  const details: string[] = [];
  const before = machineLoad().text;
  const engines: (() => Promise<EngineDb | string>)[] = [];
  if (wantsEngine(only, 'pglite')) engines.push(openPgliteEngine);
  if (wantsEngine(only, 'postgres')) engines.push(() => openPostgresEngine(10));
  const started = new Date();
  for (const open of engines) {
    const engine = await open();
    if (typeof engine === 'string') {
      details.push(engine);
      continue;
    }
    const unregister = onInterrupt(() => engine.cleanup());
    try {
      await benchEngine(engine, rows, details);
    } finally {
      unregister();
    }
  }
  const md = [
    '# Sync benchmark', '', `Run ${started.toISOString()} on ${machineLine()}; machine load before: ${before}, after: ${machineLoad().text}.`, '',
    markdownTable(rows), '', ...details.map((d) => `- ${d}`), '',
  ].join('\n');
  console.log(`\n${md}`);
  writeFileSync(new URL('./results/sync.md', import.meta.url), md);
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchSync(parseEngines()).catch((err) => {
    console.error(err);
    process.exitCode = 1;
  }).finally(() => setTimeout(() => process.exit(), 200).unref());
}
