import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, requireStaff } from '../../platform/auth';
import type { AppDeps } from '../../platform/http';
import { errorResponses } from '../../platform/http';
import { applyDossierAction } from './actions.service';
import * as c from './dossiers.contracts';
import { lookupPublicDossierJson } from './public-lookup';
import { getDossierView, listDossierSummaries, revealApplicant } from './query.service';
import { submitDossier } from './submit.service';

const idempotencyHeaders = z.object({ 'idempotency-key': z.string().min(8).max(128).optional() });
const security = [{ bearer: [] }];
const tags = ['dossiers'];

export function registerDossierRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/dossiers', {
    schema: {
      tags, security, summary: 'Submit a dossier (online, at the counter, or assisted by a volunteer)',
      headers: idempotencyHeaders, body: c.submitDossierBody,
      response: { 201: c.submitDossierResponse, ...errorResponses },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { replayed, ...result } = await submitDossier(deps, actor, request.body, request.headers['idempotency-key']);
    if (replayed) reply.header('idempotent-replayed', 'true');
    return reply.status(201).send(result);
  });

  r.get('/api/dossiers', {
    schema: {
      tags, security, summary: "Staff inbox (own commune or province) or the citizen's own dossiers",
      querystring: c.listDossiersQuery,
      response: { 200: z.object({ items: z.array(c.dossierListItem) }), ...errorResponses },
    },
  }, async (request) => ({ items: await listDossierSummaries(deps, requireActor(request), request.query) }));

  r.get('/api/dossiers/:code', {
    schema: { tags, security, summary: 'A dossier with its timeline and the actions allowed now', params: c.dossierCodeParams, response: { 200: c.dossierView, ...errorResponses } },
  }, async (request) => getDossierView(deps, requireActor(request), request.params.code));

  r.post('/api/dossiers/:code/actions', {
    schema: {
      tags, security, summary: 'Append an action to the dossier log (409 when the rules do not allow it)',
      params: c.dossierCodeParams, headers: idempotencyHeaders, body: c.actionBody,
      response: { 200: c.dossierView, ...errorResponses },
    },
  }, async (request) => {
    const actor = requireActor(request);
    await applyDossierAction(deps, actor, request.params.code, request.body, request.headers['idempotency-key']);
    return getDossierView(deps, actor, request.params.code);
  });

  r.post('/api/dossiers/:code/reveal', {
    schema: {
      tags, security, summary: 'Staff: show the full ID number and phone (audited)', params: c.dossierCodeParams,
      response: { 200: z.object({ idNumber: z.string(), phone: z.string() }), ...errorResponses },
    },
  }, async (request) => {
    return revealApplicant(deps, requireStaff(request), request.params.code);
  });

  r.get('/api/public/dossiers/:code', {
    schema: { tags: ['public'], summary: 'Public lookup by dossier code (name masked, nothing else personal)', params: c.dossierCodeParams, response: { 200: c.publicDossierView, ...errorResponses } },
  }, async (request, reply) => {
    const json = await lookupPublicDossierJson(deps, request.params.code);
    // Already validated against publicDossierView and serialised when cached: Fastify sends a string with a JSON
    // content type as is, so the type provider's response type does not apply to this one reply.
    return reply.type('application/json; charset=utf-8').send(json as unknown as c.PublicDossierView);
  });
}
