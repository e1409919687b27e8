import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http';
import { errorResponses } from '../../platform/http';
import * as c from './households.contracts';
import { listConflicts, resolveConflict } from './conflicts.service';
import { checkDuplicates, exportTargetsCsv, getHousehold, getHouseholdHistory, listHouseholds, listTargets, revealPerson } from './query.service';

const tags = ['households'];
const security = [{ bearer: [] }];

export const conflictView = z.object({
  id: z.string(), householdId: z.string(), headName: z.string(), villageId: z.string(), entity: z.enum(['household', 'person']), entityId: z.string(),
  field: z.string(), baseValue: z.unknown(), currentValue: z.unknown(),
  kept: z.object({ value: z.unknown(), by: z.string().nullable(), at: z.string().nullable() }),
  other: z.object({ value: z.unknown(), by: z.string().nullable(), at: z.string().nullable() }),
  status: z.enum(['open', 'resolved']), resolution: z.enum(['kept', 'other', 'custom']).nullable(), resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(), createdAt: z.string(),
});

export function registerHouseholdsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/households', {
    schema: { tags, security, summary: 'Households of my villages (phones and ID numbers never listed)', querystring: c.listHouseholdsQuery, response: { 200: z.object({ total: z.number(), items: z.array(c.householdSummary) }), ...errorResponses } },
  }, async (req) => listHouseholds(deps, req.actor, req.query));

  r.get('/api/households/duplicates', {
    schema: {
      tags, security, summary: 'Before saving: existing households of the village with the same head name (diacritics ignored)',
      querystring: z.object({ villageId: z.string().uuid(), headName: z.string().trim().min(2).max(120) }),
      response: { 200: z.object({ items: z.array(c.duplicateCandidate) }), ...errorResponses },
    },
  }, async (req) => ({ items: await checkDuplicates(deps, req.actor, req.query.villageId, req.query.headName) }));

  r.get('/api/households/targets', {
    schema: { tags, security, summary: 'Targeting list, e.g. no adult with a portal account; elderly first', querystring: c.targetsQuery, response: { 200: z.object({ items: z.array(c.householdSummary) }), ...errorResponses } },
  }, async (req) => ({ items: await listTargets(deps, req.actor, req.query.need, req.query.villageId) }));

  r.get('/api/households/targets/export.csv', {
    schema: { tags, security, summary: 'The targeting list as CSV (audited export)', querystring: c.targetsQuery, produces: ['text/csv'], response: { 200: z.string(), ...errorResponses } },
  }, async (req, reply) => {
    const csv = await exportTargetsCsv(deps, req.actor, req.query.need, req.query.villageId);
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="ho-can-ho-tro-${req.query.need}.csv"`).send(csv);
  });

  r.get('/api/households/conflicts', {
    schema: {
      tags, security, summary: 'Team leader: edits of the same field by two members from the same base',
      querystring: z.object({ status: z.enum(['open', 'resolved']).default('open') }), response: { 200: z.object({ items: z.array(conflictView) }), ...errorResponses },
    },
  }, async (req) => ({ items: await listConflicts(deps, req.actor, req.query.status) }));

  r.post('/api/households/conflicts/:id/resolve', {
    schema: {
      tags, security, summary: 'Team leader: keep the value in place, take the other, or set the right one', params: c.householdIdParams,
      body: z.object({ choice: z.enum(['kept', 'other', 'custom']), value: z.unknown().optional() }).strict(), response: { 200: conflictView, ...errorResponses },
    },
  }, async (req) => resolveConflict(deps, req.actor, req.params.id, req.body));

  r.get('/api/households/:id', {
    schema: { tags, security, summary: 'A household with its people and their readiness (masked)', params: c.householdIdParams, response: { 200: c.householdView, ...errorResponses } },
  }, async (req) => getHousehold(deps, req.actor, req.params.id));

  r.get('/api/households/:id/history', {
    schema: {
      tags, security, summary: 'Every write to the household and its people, including edits that lost', params: c.householdIdParams,
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }), response: { 200: z.object({ items: z.array(c.historyEntry) }), ...errorResponses },
    },
  }, async (req) => ({ items: await getHouseholdHistory(deps, req.actor, req.params.id, req.query.limit) }));

  r.post('/api/household-people/:id/reveal', {
    schema: { tags, security, summary: 'Show the full phone and ID number (audited)', params: c.householdIdParams, response: { 200: z.object({ phone: z.string().nullable(), idNumber: z.string().nullable() }), ...errorResponses } },
  }, async (req) => revealPerson(deps, req.actor, req.params.id));
}
