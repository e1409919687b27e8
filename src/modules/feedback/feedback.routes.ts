import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/auth';
import type { AppDeps } from '../../platform/http';
import { errorResponses } from '../../platform/http';
import { scoreCriteria, scoreLabels } from './criteria';
import * as c from './feedback.contracts';
import { getDossierRating, listCommuneRatingsFor, rateDossier } from './feedback.service';

const tags = ['feedback'];
const security = [{ bearer: [] }];
const dossierParams = z.object({ code: z.string().min(5).max(64) });
const communeParams = z.object({ communeCode: z.string().regex(/^\d{5}$/) });

export function registerFeedbackRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/feedback/criteria', {
    schema: { tags, summary: 'What citizens rate (ND 61/2018 Art. 31) and the 5-point scale', response: { 200: c.criteriaResponse } },
  }, async () => ({
    criteria: scoreCriteria.map((x) => ({ ...x })),
    scale: ([1, 2, 3, 4, 5] as const).map((value) => ({ value, ...scoreLabels[value] })),
  }));

  r.post('/api/dossiers/:code/rating', {
    schema: {
      tags, security, summary: 'The owner rates the service once, after the result was returned',
      params: dossierParams, body: c.ratingBody, response: { 201: c.ratingView, ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send(await rateDossier(deps, requireActor(request), request.params.code, request.body)));

  r.get('/api/dossiers/:code/rating', {
    schema: { tags, security, summary: "A dossier's rating (owner, or staff of its commune)", params: dossierParams, response: { 200: c.ratingView, ...errorResponses } },
  }, async (request) => getDossierRating(deps, requireActor(request), request.params.code));

  r.get('/api/communes/:communeCode/ratings', {
    schema: {
      tags, security, summary: "Staff: the commune's ratings in a period with averages and dislike count (QĐ 766 5.4)",
      params: communeParams, querystring: c.ratingsQuery, response: { 200: c.ratingsResponse, ...errorResponses },
    },
  }, async (request) => {
    const q = request.query;
    return listCommuneRatingsFor(deps, requireActor(request), request.params.communeCode, {
      from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined, limit: q.limit,
    });
  });
}
