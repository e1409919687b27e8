import autocannon, { type Options, type RequestSpec } from 'autocannon';
import type { LoadResult, LoadSpec } from './load';

/** Child process: for each { id, spec } received, warms up, measures, sends back { id, result }. Exits when the parent disconnects. */
process.on('message', ({ id, spec }: { id: number; spec: LoadSpec }) => {
  run(spec)
    .then((result) => process.send!({ id, result }))
    .catch((err: Error) => process.send!({ id, error: err.stack ?? err.message }));
});
process.on('disconnect', () => process.exit(0));

async function run(spec: LoadSpec): Promise<Omit<LoadResult, 'serverCpuMs'>> {
  if (spec.warmupSec > 0) await autocannon(options(spec, spec.warmupSec, 'w'));
  const r = await autocannon(options(spec, spec.durationSec, 'm'));
  const statusCodes: Record<string, number> = {};
  for (const [code, s] of Object.entries(r.statusCodeStats ?? {})) statusCodes[code] = Number(s.count);
  const ok = r['2xx'];
  return {
    okPerSec: ok / r.duration,
    ok,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes,
    latencyP50: r.latency.p50,
    latencyP99: r.latency.p99,
    latencyMean: r.latency.average,
    durationSec: r.duration,
  };
}

let counter = 0;

function options(spec: LoadSpec, duration: number, phase: string): Options {
  let n = counter;
  const tokens = spec.bearerTokens ?? [];
  const setupRequest = (req: RequestSpec): RequestSpec => {
    const i = n++;
    counter = n;
    const headers: Record<string, string> = { ...req.headers };
    if (spec.body !== undefined) headers['content-type'] = 'application/json';
    if (tokens.length) headers.authorization = `Bearer ${tokens[i % tokens.length]}`;
    if (spec.idempotencyTag) headers['idempotency-key'] = `bench-${spec.idempotencyTag}-${phase}-${i}`;
    return { ...req, method: spec.method, path: spec.paths[i % spec.paths.length], headers, body: spec.body };
  };
  return {
    url: spec.baseUrl,
    connections: spec.connections,
    duration,
    timeout: 30,
    requests: [{ method: spec.method, path: spec.paths[0], setupRequest }],
  };
}
