/**
 * A field device with its outbox, talking to the server through a connection that drops at
 * random: before the request reaches the server (nothing happened) or after the server
 * handled it (the answer is lost). Used by the "nothing lost" test and bench/sync.ts.
 * The device behaves like the field app: it sends its outbox in order, in batches, and on any
 * failure resends the same commands with the same ids; it drops an item only when the server
 * has answered "applied" or "needs_attention" for it.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

export interface DropStats {
  requests: number;
  droppedBefore: number;
  droppedAfter: number;
}

export function createRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** app.inject behind a connection that loses `dropRate` of requests before and as many answers after. */
export function flakyTransport(app: FastifyInstance, random: () => number, dropRate: number) {
  const stats: DropStats = { requests: 0, droppedBefore: 0, droppedAfter: 0 };
  const send = async (opts: InjectOptions): Promise<LightMyRequestResponse> => {
    stats.requests++;
    if (random() < dropRate) {
      stats.droppedBefore++;
      throw new Error('connection lost before the server got the request');
    }
    const res = await app.inject(opts);
    if (random() < dropRate) {
      stats.droppedAfter++;
      throw new Error('connection lost before the answer came back');
    }
    return res;
  };
  return { send, stats };
}

export interface OutboxCommand {
  commandId: string;
  type: string;
  payload: unknown;
  deviceAt: string;
}

export interface SyncReport {
  applied: Map<string, Record<string, unknown> | undefined>;
  needsAttention: Map<string, unknown>;
  replayedAnswers: number;
  attempts: number;
}

/** Empties the outbox through the transport; gives up only after `maxAttempts` requests. */
export async function drainOutbox(
  send: (opts: InjectOptions) => Promise<LightMyRequestResponse>,
  token: string,
  outbox: OutboxCommand[],
  opts: { random: () => number; maxBatch: number; maxAttempts: number },
): Promise<SyncReport> {
  const queue = [...outbox];
  const report: SyncReport = { applied: new Map(), needsAttention: new Map(), replayedAnswers: 0, attempts: 0 };
  while (queue.length) {
    if (++report.attempts > opts.maxAttempts) throw new Error(`outbox not empty after ${opts.maxAttempts} requests: ${queue.length} left`);
    const batch = queue.slice(0, 1 + Math.floor(opts.random() * opts.maxBatch));
    let res: LightMyRequestResponse;
    try {
      res = await send({ method: 'POST', url: '/api/sync/commands', headers: { authorization: `Bearer ${token}` }, payload: { commands: batch } });
    } catch {
      continue; // same commands, same ids, next round
    }
    if (res.statusCode !== 200) continue;
    const done = new Set<string>();
    for (const r of res.json().results as { commandId: string; status: string; result?: Record<string, unknown>; reason?: unknown; replayed: boolean }[]) {
      if (r.replayed) report.replayedAnswers++;
      if (r.status === 'applied') report.applied.set(r.commandId, r.result);
      if (r.status === 'needs_attention') report.needsAttention.set(r.commandId, r.reason);
      if (r.status !== 'pending') done.add(r.commandId);
    }
    for (let i = queue.length - 1; i >= 0; i--) if (done.has(queue[i]!.commandId)) queue.splice(i, 1);
  }
  return report;
}
