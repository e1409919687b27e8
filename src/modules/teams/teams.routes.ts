import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http';
import { errorResponses } from '../../platform/http';
import * as c from './teams.contracts';
import { getMyTeam } from './my-team.service';
import { createItPoint, createShift, deleteShift, listItPoints, listPublicItPoints, setVillageContact } from './shifts.service';
import { addMember, createPair, createTeam, deletePair, describeTeam, getTeam, listTeams, setMemberVillages, updateMember } from './teams.service';

const tags = ['teams'];
const security = [{ bearer: [] }];

export function registerTeamsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/communes/:communeCode/teams', {
    schema: { tags, security, summary: "The commune's community digital teams, members (phones masked) and pairs", params: c.communeParams, response: { 200: z.object({ items: z.array(c.teamView) }), ...errorResponses } },
  }, async (req) => ({ items: await listTeams(deps, req.actor, req.params.communeCode) }));

  r.post('/api/communes/:communeCode/teams', {
    schema: { tags, security, summary: 'Set up a team (commune admin or leader)', params: c.communeParams, body: c.createTeamBody, response: { 201: c.teamView, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await createTeam(deps, req.actor, req.params.communeCode, req.body.name)));

  r.get('/api/teams/:id', {
    schema: { tags, security, summary: 'One team', params: c.idParams, response: { 200: c.teamView, ...errorResponses } },
  }, async (req) => describeTeam(deps, await getTeam(deps, req.actor, req.params.id)));

  r.post('/api/teams/:id/members', {
    schema: { tags, security, summary: 'Add a member with a new or existing volunteer account and the villages they cover', params: c.idParams, body: c.createMemberBody, response: { 201: c.memberView, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await addMember(deps, req.actor, req.params.id, req.body)));

  r.patch('/api/team-members/:id', {
    schema: { tags, security, summary: 'Change a member (name, phone, background, leader, active)', params: c.idParams, body: c.updateMemberBody, response: { 200: c.memberView, ...errorResponses } },
  }, async (req) => updateMember(deps, req.actor, req.params.id, req.body));

  r.put('/api/team-members/:id/villages', {
    schema: { tags, security, summary: 'Set the villages a member covers (their devices then resync)', params: c.idParams, body: c.memberVillagesBody, response: { 200: c.memberView, ...errorResponses } },
  }, async (req) => setMemberVillages(deps, req.actor, req.params.id, req.body.villageIds));

  r.post('/api/teams/:id/pairs', {
    schema: { tags, security, summary: 'Pair two members for one village ("2 trong 1")', params: c.idParams, body: c.createPairBody, response: { 201: c.pairView, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await createPair(deps, req.actor, req.params.id, req.body.villageId, req.body.memberIds)));

  r.delete('/api/team-pairs/:id', {
    schema: { tags, security, summary: 'Dissolve a pair', params: c.idParams, response: { 204: z.null(), ...errorResponses } },
  }, async (req, reply) => {
    await deletePair(deps, req.actor, req.params.id);
    return reply.status(204).send(null);
  });

  r.get('/api/communes/:communeCode/it-points', {
    schema: { tags, security, summary: 'IT help points and their weekly duty shifts', params: c.communeParams, response: { 200: z.object({ items: z.array(c.itPointView) }), ...errorResponses } },
  }, async (req) => ({ items: await listItPoints(deps, req.actor, req.params.communeCode) }));

  r.post('/api/communes/:communeCode/it-points', {
    schema: { tags, security, summary: 'Add an IT help point (e.g. a village cultural house)', params: c.communeParams, body: c.createItPointBody, response: { 201: c.itPointView, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await createItPoint(deps, req.actor, req.params.communeCode, req.body)));

  r.post('/api/it-points/:id/shifts', {
    schema: { tags, security, summary: 'Add a weekly duty shift with at least two members', params: c.idParams, body: c.createShiftBody, response: { 201: c.shiftView, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await createShift(deps, req.actor, req.params.id, req.body)));

  r.delete('/api/duty-shifts/:id', {
    schema: { tags, security, summary: 'End a weekly duty shift', params: c.idParams, response: { 204: z.null(), ...errorResponses } },
  }, async (req, reply) => {
    await deleteShift(deps, req.actor, req.params.id);
    return reply.status(204).send(null);
  });

  r.put('/api/communes/:communeCode/village-contacts/:villageId', {
    schema: {
      tags, security, summary: 'Publish the number people of a village can call', params: c.communeParams.extend({ villageId: z.string().uuid() }),
      body: c.villageContactBody, response: { 200: z.object({ villageId: z.string(), phone: z.string(), label: z.string().nullable() }), ...errorResponses },
    },
  }, async (req) => setVillageContact(deps, req.actor, req.params.communeCode, req.params.villageId, req.body));

  r.get('/api/teams/me', {
    schema: { tags, security, summary: 'Field app start: my team, villages, partners and next shifts', response: { 200: c.myTeamView, ...errorResponses } },
  }, async (req) => getMyTeam(deps, req.actor));

  r.get('/api/public/communes/:communeCode/it-points', {
    schema: {
      tags: ['public'], summary: 'Public: next duty shifts at each IT point and a contact number per village', params: c.communeParams,
      querystring: z.object({ days: z.coerce.number().int().min(1).max(60).default(14) }), response: { 200: c.publicItPoints, ...errorResponses },
    },
  }, async (req) => listPublicItPoints(deps, req.params.communeCode, req.query.days));
}
