import { randomBytes } from 'node:crypto';
import { eq, like, sql } from 'drizzle-orm';
import { DEMO_COMMUNE_CODE, findCommune } from '../src/modules/admin-units';
import { citizens } from '../src/modules/auth';
import { dossierActions, dossierCodeCounters, dossiers, formatDossierCode } from '../src/modules/dossiers';
import { localDayKey } from '../src/modules/dossiers/dossier-code';
import type { Db } from '../src/platform/db';
import { outboxMessages } from '../src/platform/outbox';
import { citizenTokens, DEMO_PROCEDURE, submissionBody, type RunningApp } from './app-server';
import { combine, LoadClient, type LoadResult } from './load';
import type { Row } from './report';

export interface SubmissionSettings {
  concurrency: number;
  /** Interleaved rounds (raw, HTTP), (HTTP, raw), …, after a sequential raw run of rawSec. */
  rounds: number;
  rawSec: number;
  httpSec: number;
  warmupSec: number;
}

export interface RawInsertResult {
  perSec: number;
  count: number;
  seconds: number;
  /** CPU time of this process during the loop, in ms. */
  cpuMs: number;
}

export interface SubmissionResult {
  sequential: RawInsertResult;
  /** Raw inserts at the subject's concurrency, one per round. */
  concurrentRuns: RawInsertResult[];
  subjectRuns: LoadResult[];
  concurrent: RawInsertResult;
  subject: LoadResult;
  /** Dossier rows written by the measured HTTP requests of each run (≥ its 201s; up to `concurrency` more were in flight at the end). */
  rowsWritten: number[];
  queriesPerRequest: string;
  rows: Row[];
}

export interface RawContext {
  db: Db;
  communeCode: string;
  agencyCode: string;
  citizenId: string;
  phone: string;
  fields: Record<string, unknown>;
  procedureName: string;
  baseUrl: string;
}

let rawSeq = 0;

/**
 * The ceiling: exactly the rows one online submission writes, in one transaction,
 * through the same drizzle db: the daily-counter upsert, one dossiers row, one
 * dossier_actions row and one outbox_messages row. No HTTP, no validation, no
 * session lookup, no reference-data reads.
 */
export async function rawSubmission(c: RawContext): Promise<void> {
  const now = new Date();
  const id = crypto.randomUUID();
  const day = localDayKey(now);
  const key = `raw-${process.pid}-${rawSeq++}`;
  await c.db.transaction(async (tx) => {
    const [counter] = await tx
      .insert(dossierCodeCounters)
      .values({ communeCode: c.communeCode, day, lastSeq: 1 })
      .onConflictDoUpdate({
        target: [dossierCodeCounters.communeCode, dossierCodeCounters.day],
        set: { lastSeq: sql`${dossierCodeCounters.lastSeq} + 1` },
      })
      .returning({ seq: dossierCodeCounters.lastSeq });
    const code = formatDossierCode(c.agencyCode, now, counter!.seq);
    const dueAt = new Date(now.getTime() + 5 * 86_400_000);
    await tx
      .insert(dossiers)
      .values({
        id, code, communeCode: c.communeCode, procedureCode: '2.000908', villageId: null,
        applicantName: 'Nguyễn Văn An', applicantIdNumber: '051090012345', applicantPhone: c.phone, applicantAddress: null,
        citizenId: c.citizenId, fields: c.fields, channel: 'online', onBehalf: null, submittedBy: c.citizenId, submittedByRole: 'citizen',
        processingDays: 3, feeVnd: 0, idempotencyKey: key, requestHash: randomBytes(32).toString('hex'), submittedAt: now,
        status: 'submitted', nationalStatus: 1, receivedAt: null, dueAt: null, finishedAt: null, version: 1, updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: dossiers.id });
    await tx.insert(dossierActions).values([
      { dossierId: id, seq: 1, type: 'submit', at: now, actorId: c.citizenId, actorRole: 'citizen', actorName: null, payload: null },
    ]);
    await tx.insert(outboxMessages).values([{
      topic: 'notification.send', communeCode: c.communeCode, subjectRef: code, status: 'pending', nextAttemptAt: now, createdAt: now,
      payload: {
        template: 'dossier.submitted', recipient: { phone: c.phone },
        params: { code, procedure: c.procedureName, dueAt: dueAt.toISOString(), link: `${c.baseUrl}/tra-cuu/${encodeURIComponent(code)}` },
      },
    }]);
  });
}

/** What the raw insert needs: the demo commune, the citizen's id, the same form fields. */
export async function rawContext(server: RunningApp, phone: string, fields: Record<string, unknown>): Promise<RawContext> {
  const db = server.deps.db;
  const commune = await findCommune(server.deps, DEMO_COMMUNE_CODE);
  if (!commune) throw new Error(`demo commune ${DEMO_COMMUNE_CODE} missing`);
  const [citizen] = await db.select({ id: citizens.id }).from(citizens).where(eq(citizens.phone, phone));
  if (!citizen) throw new Error(`demo citizen ${phone} missing`);
  const procedure = (await (await fetch(`${server.baseUrl}/api/procedures/${DEMO_PROCEDURE}`)).json()) as { name: string };
  return {
    db, communeCode: commune.code, agencyCode: commune.agencyCode, citizenId: citizen.id, phone,
    fields, procedureName: procedure.name, baseUrl: server.deps.config.publicBaseUrl,
  };
}

/** `workers` loops issuing raw submissions back to back until the deadline. */
async function rawLoop(c: RawContext, workers: number, seconds: number): Promise<RawInsertResult> {
  let count = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < deadline) {
        await rawSubmission(c);
        count++;
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { perSec: count / elapsed, count, seconds: elapsed, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export async function benchSubmission(engine: string, server: RunningApp, s: SubmissionSettings): Promise<SubmissionResult> {
  const db = server.deps.db;
  const tokens = await citizenTokens(server.baseUrl, 5);
  const phone = tokens[0]!.phone;
  const body = await submissionBody(server.baseUrl, phone);
  const ctx = await rawContext(server, phone, body.fields as Record<string, unknown>);
  const queriesPerRequest = await countSubmissionQueries(server, tokens[0]!.token, body);

  const raw = async (workers: number, seconds: number) => {
    const r = await rawLoop(ctx, workers, seconds);
    log(`  ${engine} raw insert tx, ${workers === 1 ? 'sequential' : `${workers} concurrent`}: ${fmt(r.perSec)} tx/s (${r.count} in ${r.seconds.toFixed(1)} s)`);
    return r;
  };
  const client = new LoadClient();
  const httpSpec = (tag: string, durationSec: number) => ({
    baseUrl: server.baseUrl, connections: s.concurrency, durationSec, warmupSec: 0,
    method: 'POST' as const, paths: ['/api/dossiers'], body: JSON.stringify(body),
    bearerTokens: tokens.map((t) => t.token), idempotencyTag: tag,
  });
  const rowsWritten: number[] = [];
  const http = async (round: number) => {
    const tag = `r${round}`;
    const r = await client.run(httpSpec(tag, s.httpSec));
    // Requests in flight when the window closed still finish: let them, before counting and before the next run.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [written] = await db.select({ n: sql<number>`count(*)::int` }).from(dossiers).where(like(dossiers.idempotencyKey, `bench-${tag}-m-%`));
    rowsWritten.push(written?.n ?? 0);
    log(`  ${engine} POST /api/dossiers, ${s.concurrency} connections: ${fmt(r.okPerSec)} rows/s (${r.ok} × 201 in ${r.durationSec.toFixed(1)} s, ` +
      `statuses ${JSON.stringify(r.statusCodes)}, errors ${r.errors}), p50 ${r.latencyP50} ms, p99 ${r.latencyP99} ms; dossier rows written ${written?.n}`);
    return r;
  };

  const concurrentRuns: RawInsertResult[] = [];
  const subjectRuns: LoadResult[] = [];
  let sequential: RawInsertResult;
  try {
    // Warm-up of both sides, the sequential ceiling, then (a) the ceiling at the
    // subject's concurrency and (b) the subject in short interleaved runs, so that
    // other work on the machine hits both sides alike.
    await rawLoop(ctx, s.concurrency, s.warmupSec);
    await client.run(httpSpec('warm', s.warmupSec));
    sequential = await raw(1, s.rawSec);
    for (let round = 1; round <= s.rounds; round++) {
      if (round % 2 === 1) {
        concurrentRuns.push(await raw(s.concurrency, s.rawSec));
        subjectRuns.push(await http(round));
      } else {
        subjectRuns.push(await http(round));
        concurrentRuns.push(await raw(s.concurrency, s.rawSec));
      }
    }
  } finally {
    client.close();
  }
  const concurrent: RawInsertResult = {
    count: concurrentRuns.reduce((a, r) => a + r.count, 0),
    seconds: concurrentRuns.reduce((a, r) => a + r.seconds, 0),
    cpuMs: concurrentRuns.reduce((a, r) => a + r.cpuMs, 0),
    perSec: 0,
  };
  concurrent.perSec = concurrent.count / concurrent.seconds;
  const subject = combine(subjectRuns);

  const ratio = subject.okPerSec / concurrent.perSec;
  const problems = subjectRuns.flatMap((r, i) => {
    const out: string[] = [];
    if (r.non2xx || r.errors) out.push(`run ${i + 1}: non-2xx ${r.non2xx}, errors ${r.errors}`);
    const w = rowsWritten[i]!;
    if (w < r.ok || w > r.ok + s.concurrency) out.push(`run ${i + 1}: ${w} rows for ${r.ok} × 201`);
    return out;
  });
  const rows: Row[] = [{
    engine,
    benchmark: `Submission vs raw insert (c=${s.concurrency})`,
    subject: `${fmt(subject.okPerSec)} rows/s (p99 ${subject.latencyP99} ms)`,
    ceiling: `${fmt(concurrent.perSec)} tx/s (sequential ${fmt(sequential.perSec)})`,
    ratio: pct(ratio),
    target: '≥ 60%',
    pass: ratio >= 0.6 && problems.length === 0,
    note: problems.length ? problems.join('; ') : undefined,
  }];
  return { sequential, concurrentRuns, subjectRuns, concurrent, subject, rowsWritten, queriesPerRequest, rows };
}

/** One warm submission (caches filled by a first one) with drizzle's query logger attached: how many statements, and which. */
async function countSubmissionQueries(server: RunningApp, token: string, body: Record<string, unknown>): Promise<string> {
  const submit = async (n: number) => {
    const res = await fetch(`${server.baseUrl}/api/dossiers`, {
      method: 'POST', body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': `count-${process.pid}-${n}` },
    });
    if (res.status !== 201) throw new Error(`submission failed: ${res.status} ${await res.text()}`);
  };
  await submit(1);
  return describeStatements(await withQueryLog(server.deps.db, () => submit(2)));
}

/** Runs fn with a query logger on the drizzle session (transactions inherit it); returns the SQL issued. */
export async function withQueryLog(db: Db, fn: () => Promise<void>): Promise<string[]> {
  const session = (db as unknown as { session: { logger: unknown; options: { logger?: unknown } } }).session;
  const before = { logger: session.logger, option: session.options.logger };
  const statements: string[] = [];
  const logger = { logQuery: (q: string) => statements.push(q) };
  session.logger = logger;
  session.options.logger = logger;
  try {
    await fn();
  } finally {
    session.logger = before.logger;
    session.options.logger = before.option;
  }
  return statements;
}

/** "8: select sessions, select citizens, …, insert outbox_messages" */
export function describeStatements(statements: string[]): string {
  const short = statements.map((q) => {
    const verb = q.trimStart().split(/\s+/)[0]!.toLowerCase();
    const table = /(?:from|into|update)\s+"(\w+)"/i.exec(q)?.[1];
    return table ? `${verb} ${table}` : verb;
  });
  return `${statements.length} (${short.join(', ')})`;
}

export const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
export const pct = (r: number) => `${(r * 100).toFixed(0)}%`;
const log = (m: string) => console.log(m);
