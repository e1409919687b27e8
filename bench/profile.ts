/**
 * Where the time of a submission and of a public lookup goes, per engine:
 *   node --import tsx bench/profile.ts [pglite|postgres]
 * 1. the SQL each request issues (drizzle's query logger);
 * 2. the cost of each piece, called directly and sequentially in this process;
 * 3. a CPU profile of the server process under HTTP load, by component.
 * Not part of `npm run bench` (it adds about a minute per engine).
 */
import { Session } from 'node:inspector/promises';
import { createHash } from 'node:crypto';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { DEMO_COMMUNE_CODE, findCommune } from '../src/modules/admin-units';
import { resolveSessionActor } from '../src/modules/auth';
import { getWorkingCalendar } from '../src/modules/calendar';
import { publicDossierView, submitDossierBody, submitDossierResponse } from '../src/modules/dossiers/dossiers.contracts';
import { getEffectiveProcedure } from '../src/modules/procedures';
import { findSession, hashToken } from '../src/platform/auth/sessions';
import { getPublicCache, lookupPublicDossierJson } from '../src/modules/dossiers/public-lookup';
import { validateFormFields } from '../src/shared/forms';
import { citizenTokens, DEMO_PROCEDURE, startApp, submissionBody, type RunningApp } from './app-server';
import { openPgliteEngine, openPostgresEngine, type EngineDb } from './engines';
import { runLoad, type LoadSpec } from './load';
import { describeStatements, rawContext, rawSubmission, withQueryLog } from './submission';
import { desc } from 'drizzle-orm';
import { dossiers } from '../src/modules/dossiers';

const which = (process.argv[2] ?? 'pglite,postgres').split(',');

interface Timing {
  /** Median wall time of one call. */
  wall: number;
  /** CPU time of this process per call (robust when the machine is busy; excludes PostgreSQL's own processes). */
  cpu: number;
}

/** Times fn over n sequential calls, after n/5 warm-up calls. */
async function timeIt(n: number, fn: (i: number) => unknown): Promise<Timing> {
  for (let i = 0; i < Math.ceil(n / 5); i++) await fn(i);
  const samples: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  samples.sort((a, b) => a - b);
  return { wall: samples[Math.floor(n / 2)]!, cpu: (cpu.user + cpu.system) / 1000 / n };
}

const row = (label: string, t: Timing, extra = '') =>
  console.log(`  ${label.padEnd(66)} ${t.wall.toFixed(3).padStart(8)} ms wall ${t.cpu.toFixed(3).padStart(8)} ms CPU${extra ? `  ${extra}` : ''}`);

function categorise(url: string, name: string): string {
  if (url.startsWith('wasm://') || url.includes('@electric-sql/pglite')) return 'PGlite (JS + WASM)';
  if (url.includes('drizzle-orm')) return 'drizzle-orm (query building, result mapping)';
  if (url.includes('fastify-type-provider-zod') || url.includes('/zod/')) return 'zod (validation, serialisation)';
  if (/node_modules\/(pg|pg-protocol|pg-pool|pg-types)\//.test(url)) return 'node-postgres driver';
  if (/node_modules\/(fastify|@fastify|find-my-way|light-my-request|avvio|fast-json-stringify|secure-json-parse|toad-cache)/.test(url)) return 'fastify';
  if (url.includes('/work/main/src/')) return 'app code (src/)';
  if (url.includes('node_modules/')) return url.split('node_modules/')[1]!.split('/')[0]!;
  if (url.startsWith('node:')) return 'node core (http, net, streams)';
  if (name === '(idle)') return '(idle: waiting for I/O)';
  if (name === '(garbage collector)') return '(garbage collector)';
  if (name === '(program)') return '(program: native, V8)';
  return `native: ${name || '(anonymous)'}`;
}

/** CPU profile of this process while fn runs; prints the share of samples per component. */
async function cpuProfile(label: string, requests: () => number, fn: () => Promise<unknown>): Promise<void> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byCat = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    const n = nodes.get(samples[i]!)!;
    const c = categorise(n.callFrame.url, n.callFrame.functionName);
    const d = deltas[i] ?? 0;
    byCat.set(c, (byCat.get(c) ?? 0) + d);
    total += d;
  }
  const n = requests();
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(`  ${label}: ${n} requests in ${(wall / 1000).toFixed(1)} s; server process CPU ${(cpuMs / n).toFixed(2)} ms per request ` +
    `(${((cpuMs / wall) * 100).toFixed(0)}% of one core). Share of profiler samples:`);
  for (const [c, us] of [...byCat].sort((a, b) => b[1] - a[1]).filter(([, us]) => us / total >= 0.01)) {
    console.log(`    ${((us / total) * 100).toFixed(1).padStart(5)}%  ${c}  (~${(((us / total) * wall) / n).toFixed(3)} ms/request)`);
  }
}

async function profileEngine(engine: EngineDb, server: RunningApp): Promise<void> {
  const { deps, app } = server;
  const db = deps.db;
  const [citizen] = await citizenTokens(server.baseUrl, 1);
  const token = citizen!.token;
  const body = await submissionBody(server.baseUrl, citizen!.phone);
  let key = 0;
  const inject = () =>
    app.inject({
      method: 'POST', url: '/api/dossiers', payload: body,
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': `profile-${process.pid}-${key++}` },
    });

  console.log(`\n== ${engine.name}: ${engine.note}`);
  // 1. SQL per request (after one request has filled the in-process caches).
  await inject();
  const submitSql = await withQueryLog(db, async () => void (await inject()));
  const [some] = await db.select({ code: dossiers.code }).from(dossiers).orderBy(desc(dossiers.submittedAt)).limit(1);
  const lookupSql = await withQueryLog(db, async () => void (await app.inject({ url: `/api/public/dossiers/${some!.code}` })));
  const lookupHitSql = await withQueryLog(db, async () => void (await app.inject({ url: `/api/public/dossiers/${some!.code}` })));
  console.log(`  SQL per POST /api/dossiers: ${describeStatements(submitSql)}`);
  console.log(`  SQL per public lookup: cache miss ${describeStatements(lookupSql)}; cache hit ${describeStatements(lookupHitSql)}`);

  // 2. Pieces, sequential, median.
  console.log('  Cost of each piece, called directly and sequentially (median wall time; CPU time of this process per call):');
  const session = await findSession(db, token, new Date());
  const n = 300;
  row('findSession (sessions by token hash; the auth hook now caches the actor 10 s)', await timeIt(n, () => findSession(db, token, new Date())));
  row('actor: resolveSessionActor (citizens by id)', await timeIt(n, () => resolveSessionActor(deps, session!)));
  row('findCommune', await timeIt(n, () => findCommune(deps, DEMO_COMMUNE_CODE)));
  row('getEffectiveProcedure (in-process cache)', await timeIt(n, () => getEffectiveProcedure(deps, DEMO_PROCEDURE, DEMO_COMMUNE_CODE)));
  row('getWorkingCalendar (in-process cache)', await timeIt(n, () => getWorkingCalendar(deps, DEMO_COMMUNE_CODE)));
  const parsed = submitDossierBody.parse(body);
  const procedure = await getEffectiveProcedure(deps, DEMO_PROCEDURE, DEMO_COMMUNE_CODE);
  row('zod: submitDossierBody.parse', await timeIt(2000, () => submitDossierBody.parse(body)));
  row('validateFormFields', await timeIt(2000, () => validateFormFields(procedure.form, parsed.fields)));
  row('sha256 of the body (request hash)', await timeIt(2000, () => createHash('sha256').update(JSON.stringify(body)).digest('hex')));
  const submitResponse = (await inject()).json() as Record<string, unknown>;
  const serializeSubmit = serializerCompiler({ schema: submitDossierResponse, method: 'POST', url: '/api/dossiers', httpStatus: '201' });
  row('zod response serialiser (submit response)', await timeIt(2000, () => serializeSubmit(submitResponse)));
  const view = (await app.inject({ url: `/api/public/dossiers/${some!.code}` })).json() as Record<string, unknown>;
  const serializeView = serializerCompiler({ schema: publicDossierView, method: 'GET', url: '/api/public/dossiers/:code', httpStatus: '200' });
  row('zod response serialiser (public view)', await timeIt(2000, () => serializeView(view)), `JSON.stringify alone: ${(await timeIt(2000, () => JSON.stringify(view))).cpu.toFixed(3)} ms CPU`);
  row('app.inject GET /api/public/dossiers/{code} (cache hit, no network)', await timeIt(n, () => app.inject({ url: `/api/public/dossiers/${some!.code}` })));
  row('app.inject GET unknown route → 404 (routing + hooks only)', await timeIt(n, () => app.inject({ url: '/api/does-not-exist' })));
  const ctx = await rawContext(server, citizen!.phone, body.fields as Record<string, unknown>);
  row('raw insert transaction (the bench ceiling: 4 statements)', await timeIt(n, () => rawSubmission(ctx)));
  row('app.inject POST /api/dossiers (whole request, no network)', await timeIt(n, () => inject()));
  const cache = getPublicCache(deps);
  row('public lookup, cache miss (lookupPublicDossierJson after invalidate)', await timeIt(n, async () => {
    cache.invalidate(some!.code, Date.now());
    await lookupPublicDossierJson(deps, some!.code);
  }));
  if (engine.database.pglite) {
    const pglite = engine.database.pglite;
    const hash = hashToken(token);
    row('PGlite directly: select sessions by token hash (no drizzle)', await timeIt(n, () =>
      pglite.query('select * from sessions where token_hash = $1 and expires_at > $2 limit 1', [hash, new Date()])));
    row('drizzle on PGlite: the same select (findSession)', await timeIt(n, () => findSession(db, token, new Date())));
    row('PGlite directly: select 1', await timeIt(n, () => pglite.query('select 1')));
  }

  // 3. CPU profiles under HTTP load (the load generator runs in a child process).
  //    A separate warm-up run first (it also fills the public-view cache), then a
  //    profiled run without warm-up.
  const tokens = await citizenTokens(server.baseUrl, 5).catch(() => [citizen!]);
  const submitSpec = (tag: string, durationSec: number): LoadSpec => ({
    baseUrl: server.baseUrl, connections: 10, durationSec, warmupSec: 0, method: 'POST', paths: ['/api/dossiers'],
    body: JSON.stringify(body), bearerTokens: tokens.map((t) => t.token), idempotencyTag: `${tag}${process.pid}`,
  });
  let done = 0;
  await runLoad(submitSpec('profw', 2));
  await cpuProfile('POST /api/dossiers, 10 connections', () => done, async () => {
    done = (await runLoad(submitSpec('prof', 5))).ok;
  });
  const codes = (await db.select({ code: dossiers.code }).from(dossiers).orderBy(desc(dossiers.submittedAt)).limit(200)).map((r) => r.code);
  const lookupSpec = (durationSec: number): LoadSpec => ({
    baseUrl: server.baseUrl, connections: 50, durationSec, warmupSec: 0, method: 'GET', paths: codes.map((c) => `/api/public/dossiers/${c}`),
  });
  await runLoad(lookupSpec(2));
  await cpuProfile('GET /api/public/dossiers/{code} (cache hits), 50 connections', () => done, async () => {
    done = (await runLoad(lookupSpec(5))).ok;
  });
}

for (const name of which) {
  const engine = name === 'pglite' ? await openPgliteEngine() : await openPostgresEngine(10);
  if (typeof engine === 'string') {
    console.log(engine);
    continue;
  }
  let server: RunningApp | undefined;
  try {
    server = await startApp(engine);
    await profileEngine(engine, server);
  } finally {
    await server?.close();
    await engine.cleanup();
  }
}
setTimeout(() => process.exit(), 200).unref();
