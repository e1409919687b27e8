import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http';
import { errorResponses } from '../../platform/http';
import * as c from './counter.contracts';
import { getQueueBus, type QueueEvent } from './events';
import { getQueueSnapshot } from './snapshot.service';

/** Keeps idle connections alive through proxies and lets the TV notice a dead link. */
const HEARTBEAT_MS = 25_000;

/**
 * Server-sent events for the display board (public: numbers only). The stream opens
 * with a snapshot, then carries every call and every new snapshot. Open streams are
 * ended before the server closes, so shutdown (and tests) never hang on them.
 */
export function registerQueueEvents(app: FastifyInstance, deps: AppDeps, path: string): void {
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });

  app.withTypeProvider<ZodTypeProvider>().get(path, {
    schema: { tags: ['queue'], summary: 'Live queue events for the display board (text/event-stream: snapshot, call)', params: c.communeParams, response: errorResponses },
  }, async (request, reply) => {
    const code = request.params.code;
    const first = await getQueueSnapshot(deps, code); // 404 for an unknown commune, before the stream opens
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const send = (e: QueueEvent) => res.write(`event: ${e.type}\ndata: ${JSON.stringify(e.type === 'call' ? e.call : e.snapshot)}\n\n`);
    res.write('retry: 3000\n\n');
    send({ type: 'snapshot', snapshot: first });
    const unsubscribe = getQueueBus(deps).subscribe(code, send);
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    const cleanup = () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(end);
    };
    const end = () => {
      cleanup();
      res.end();
    };
    open.add(end);
    res.on('close', cleanup);
  });
}
