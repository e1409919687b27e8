import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, requireStaff } from '../../platform/auth';
import { forbidden } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { errorResponses } from '../../platform/http';
import { assertCommuneAccess } from '../admin-units';
import { getQueueConfig, saveQueueConfig } from './config.service';
import * as c from './counter.contracts';
import { callNext, recallCurrent, serveCurrent, skipCurrent } from './desk.service';
import { registerQueueEvents } from './sse';
import { getQueueSnapshot } from './snapshot.service';
import { getQueueStats } from './stats.service';
import { takeTicket } from './tickets.service';

const tags = ['queue'];
const security = [{ bearer: [] }];
// A kiosk tablet is one address: enough for a busy morning, not for a script flooding the board.
const kioskLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };
const idempotencyHeaders = z.object({ 'idempotency-key': z.string().min(8).max(128).optional() });

export function registerCounterRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/communes/:code/queue';

  r.get(base, {
    schema: { tags, summary: "Today's queue: waiting per group, the number at each counter (public, for the display board)", params: c.communeParams, response: { 200: c.queueSnapshot, ...errorResponses } },
  }, async (request) => getQueueSnapshot(deps, request.params.code));

  registerQueueEvents(app, deps, `${base}/events`);

  r.post(`${base}/tickets`, {
    config: kioskLimit,
    schema: { tags, summary: 'Kiosk: take a ticket for a service group (public, rate limited)', params: c.communeParams, headers: idempotencyHeaders, body: c.takeTicketBody, response: { 201: c.ticketResponse, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await takeTicket(deps, request.params.code, request.body, request.headers['idempotency-key'])));

  const desk = (path: string, summary: string, op: typeof callNext) =>
    r.post(`${base}/counters/:counterId/${path}`, {
      schema: { tags, security, summary, params: c.counterParams, response: { 200: c.deskResponse, ...errorResponses } },
    }, async (request) => op(deps, requireActor(request), request.params.code, request.params.counterId));
  desk('call-next', 'Counter: call the next waiting number of its groups (ticket null when nobody waits)', callNext);
  desk('recall', 'Counter: call the current number again', recallCurrent);
  desk('skip', 'Counter: the person did not come; free the counter', skipCurrent);

  r.post(`${base}/counters/:counterId/serve`, {
    schema: { tags, security, summary: 'Counter: served, linked to the dossier received, if any', params: c.counterParams, body: c.serveBody, response: { 200: c.deskResponse, ...errorResponses } },
  }, async (request) => serveCurrent(deps, requireActor(request), request.params.code, request.params.counterId, request.body.dossierCode));

  r.get(`${base}/config`, {
    schema: { tags, security, summary: 'Service groups and counters of the commune (staff of the commune)', params: c.communeParams, response: { 200: c.queueConfigResponse, ...errorResponses } },
  }, async (request) => {
    assertCommuneAccess(requireStaff(request), request.params.code);
    return getQueueConfig(deps, request.params.code);
  });

  r.put(`${base}/config`, {
    schema: { tags, security, summary: 'Commune admin: replace the service groups and counters', params: c.communeParams, body: c.queueConfigBody, response: { 200: c.queueConfigResponse, ...errorResponses } },
  }, async (request) => saveQueueConfig(deps, requireActor(request), request.params.code, request.body));

  r.get(`${base}/stats`, {
    schema: { tags, security, summary: 'Waiting and service times per group and day', params: c.communeParams, querystring: c.statsQuery, response: { 200: c.statsResponse, ...errorResponses } },
  }, async (request) => {
    const actor = requireStaff(request);
    assertCommuneAccess(actor, request.params.code);
    if (actor.role === 'volunteer') throw forbidden();
    return { rows: await getQueueStats(deps, request.params.code, request.query.from, request.query.to) };
  });
}
