import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import { desc } from 'drizzle-orm';
import { dossiers } from '../src/modules/dossiers';
import type { RunningApp } from './app-server';
import { combine, LoadClient, type LoadResult, type LoadSpec } from './load';
import type { Row } from './report';
import { describeStatements, fmt, pct, withQueryLog } from './submission';

export interface LookupSettings {
  connections: number;
  /** Interleaved rounds (bare, subject), (subject, bare), …; each run lasts runSec. */
  rounds: number;
  runSec: number;
  warmupSec: number;
  codes: number;
}

export interface LookupResult {
  bareRuns: LoadResult[];
  subjectRuns: LoadResult[];
  bare: LoadResult;
  subject: LoadResult;
  codes: number;
  responseBytes: number;
  queries: { miss: string; hit: string };
  rows: Row[];
}

/** The ceiling: a bare Fastify app (no hooks, no schemas, no database) answering a same-sized JSON object. */
async function startBareApp(sample: Record<string, unknown>) {
  const app = Fastify({ logger: false });
  app.get('/bare/:code', async (request) => ({ ...sample, code: (request.params as { code: string }).code }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}

export async function benchLookup(engine: string, server: RunningApp, s: LookupSettings): Promise<LookupResult> {
  // Existing dossiers: this runs before the submission benchmark, so these are seeded demo dossiers.
  const codes = (
    await server.deps.db.select({ code: dossiers.code }).from(dossiers).orderBy(desc(dossiers.submittedAt)).limit(s.codes)
  ).map((r) => r.code);
  if (codes.length === 0) throw new Error('no dossiers to look up');
  const url = (code: string) => `/api/public/dossiers/${encodeURIComponent(code)}`;
  let sampleText = '';
  const miss = await withQueryLog(server.deps.db, async () => {
    const res = await fetch(server.baseUrl + url(codes[0]!));
    sampleText = await res.text();
    if (!res.ok) throw new Error(`public lookup failed: ${res.status} ${sampleText}`);
  });
  const hit = await withQueryLog(server.deps.db, async () => void (await fetch(server.baseUrl + url(codes[0]!))).text());
  const sample = JSON.parse(sampleText) as Record<string, unknown>;

  const load = { connections: s.connections, durationSec: s.runSec, warmupSec: 0, method: 'GET' as const };
  const bareApp = await startBareApp(sample);
  const bareSpec: LoadSpec = { ...load, baseUrl: bareApp.baseUrl, paths: codes.map((c) => `/bare/${encodeURIComponent(c)}`) };
  const subjectSpec: LoadSpec = { ...load, baseUrl: server.baseUrl, paths: codes.map(url) };
  const bareRuns: LoadResult[] = [];
  const subjectRuns: LoadResult[] = [];
  const client = new LoadClient();
  const runBare = async () => {
    const r = await client.run(bareSpec);
    bareRuns.push(r);
    console.log(`  ${engine} bare Fastify route: ${fmt(r.okPerSec)} req/s, p50 ${r.latencyP50} ms, p99 ${r.latencyP99} ms`);
  };
  const runSubject = async () => {
    const r = await client.run(subjectSpec);
    subjectRuns.push(r);
    console.log(`  ${engine} GET /api/public/dossiers/{code} (${codes.length} codes): ${fmt(r.okPerSec)} req/s, ` +
      `p50 ${r.latencyP50} ms, p99 ${r.latencyP99} ms, statuses ${JSON.stringify(r.statusCodes)}, errors ${r.errors}`);
  };
  try {
    // Warm-up (JIT, and the app's public-view cache), then short runs interleaved so
    // that other work on the machine hits both sides alike.
    await client.run({ ...bareSpec, durationSec: s.warmupSec });
    await client.run({ ...subjectSpec, durationSec: s.warmupSec });
    for (let round = 0; round < s.rounds; round++) {
      if (round % 2 === 0) {
        await runBare();
        await runSubject();
      } else {
        await runSubject();
        await runBare();
      }
    }
  } finally {
    client.close();
    await bareApp.close();
  }
  const bare = combine(bareRuns);
  const subject = combine(subjectRuns);

  const ratio = subject.okPerSec / bare.okPerSec;
  const bad = subjectRuns.filter((r) => r.non2xx || r.errors);
  const note = bad.length ? bad.map((r) => `non-2xx ${r.non2xx}, errors ${r.errors}`).join('; ') : undefined;
  const benchmark = `Public lookup vs bare route (c=${s.connections}, ${codes.length} codes)`;
  const rows: Row[] = [
    {
      engine, benchmark: `${benchmark}: throughput`,
      subject: `${fmt(subject.okPerSec)} req/s`, ceiling: `${fmt(bare.okPerSec)} req/s`,
      ratio: pct(ratio), target: '≥ 70%', pass: ratio >= 0.7 && !note, note,
    },
    {
      engine, benchmark: `${benchmark}: p99 latency`,
      subject: `${subject.latencyP99} ms`, ceiling: `${bare.latencyP99} ms`,
      ratio: `${(subject.latencyP99 / Math.max(bare.latencyP99, 1)).toFixed(1)}×`, target: '< 20 ms', pass: subject.latencyP99 < 20 && !note, note,
    },
  ];
  return {
    bareRuns, subjectRuns, bare, subject, codes: codes.length, responseBytes: Buffer.byteLength(sampleText),
    queries: { miss: describeStatements(miss), hit: describeStatements(hit) }, rows,
  };
}
