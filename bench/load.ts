import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * HTTP load with autocannon, run in a CHILD process so the load generator does
 * not share the server's event loop (it still shares the machine's cores).
 * One child serves many runs, so interleaved short runs cost no start-up time.
 */
export interface LoadSpec {
  baseUrl: string;
  connections: number;
  durationSec: number;
  /** A run of the same requests before the measured one, not reported (0: none). */
  warmupSec: number;
  method: 'GET' | 'POST';
  /** Rotated request by request (a global counter across connections). */
  paths: string[];
  body?: string;
  /** Rotated with the request counter; sent as `authorization: Bearer …`. */
  bearerTokens?: string[];
  /** Adds a unique Idempotency-Key header to every request: `bench-<tag>-<w|m>-<n>` (w = warm-up, m = measured). */
  idempotencyTag?: string;
}

export interface LoadResult {
  /** Successful (2xx) responses per second over the measured window. */
  okPerSec: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  latencyP50: number;
  latencyP99: number;
  latencyMean: number;
  durationSec: number;
  /** CPU time (user + system) of THIS process (the server under test) during the run, in ms. */
  serverCpuMs: number;
}

const workerFile = fileURLToPath(new URL('./load-worker.ts', import.meta.url));

export class LoadClient {
  private child: ChildProcess;
  private seq = 0;
  private pending = new Map<number, { resolve: (r: LoadResult) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();

  constructor() {
    this.child = fork(workerFile, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (m: { id: number; result?: LoadResult; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.result) p.resolve(m.result);
      else p.reject(new Error(m.error ?? 'load generator failed'));
    });
    this.child.on('exit', (code) => this.failAll(new Error(`load generator exited with ${code}`)));
    this.child.on('error', (err) => this.failAll(err));
  }

  run(spec: LoadSpec): Promise<LoadResult> {
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error('load generator did not finish in time'));
        this.child.kill('SIGKILL');
      }, (spec.durationSec + spec.warmupSec + 60) * 1000);
      const cpu0 = process.cpuUsage();
      this.pending.set(id, {
        resolve: (r) => {
          const cpu = process.cpuUsage(cpu0);
          resolve({ ...r, serverCpuMs: (cpu.user + cpu.system) / 1000 });
        },
        reject,
        timer,
      });
      this.child.send({ id, spec });
    });
  }

  close(): void {
    if (this.child.connected) this.child.disconnect();
    if (this.child.exitCode === null) this.child.kill();
  }

  private failAll(err: Error): void {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(err);
      this.pending.delete(id);
    }
  }
}

/** One run in a fresh child process. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const client = new LoadClient();
  try {
    return await client.run(spec);
  } finally {
    client.close();
  }
}

/** Runs interleaved, summed: total 2xx over total measured time; p99 and p50 are the median over runs. */
export function combine(runs: LoadResult[]): LoadResult {
  const sum = (f: (r: LoadResult) => number) => runs.reduce((a, r) => a + f(r), 0);
  const median = (f: (r: LoadResult) => number) => {
    const v = runs.map(f).sort((a, b) => a - b);
    return v.length % 2 ? v[(v.length - 1) / 2]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2;
  };
  const statusCodes: Record<string, number> = {};
  for (const r of runs) for (const [c, n] of Object.entries(r.statusCodes)) statusCodes[c] = (statusCodes[c] ?? 0) + n;
  const ok = sum((r) => r.ok);
  const durationSec = sum((r) => r.durationSec);
  return {
    okPerSec: ok / durationSec, ok, durationSec, statusCodes,
    non2xx: sum((r) => r.non2xx), errors: sum((r) => r.errors), timeouts: sum((r) => r.timeouts),
    latencyP50: median((r) => r.latencyP50), latencyP99: median((r) => r.latencyP99),
    latencyMean: sum((r) => r.latencyMean * r.ok) / Math.max(ok, 1),
    serverCpuMs: sum((r) => r.serverCpuMs),
  };
}
