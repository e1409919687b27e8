import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireStaff } from '../../platform/auth';
import type { AppDeps } from '../../platform/http';
import { errorResponses } from '../../platform/http';
import * as contracts from './procedures.contracts';
import type { EffectiveProcedure, Procedure } from './procedure-types';
import { getEffectiveProcedure, getProcedure, listCommuneProcedures, searchProcedures, setCommuneProcedure } from './procedures.service';

export function registerProceduresRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['procedures'];

  r.get('/api/procedures', {
    schema: {
      tags, summary: 'Search the procedure catalogue (accent- and case-insensitive, typo-tolerant); communeCode applies local fee/time',
      querystring: contracts.searchQuery, response: { 200: contracts.searchResponse, ...errorResponses },
    },
  }, async (request) => ({ items: (await searchProcedures(deps, request.query.q, request.query.communeCode)).map(summary) }));

  r.get('/api/procedures/:code', {
    schema: { tags, summary: 'One procedure with its e-form', params: contracts.procedureParams, response: { 200: contracts.procedureResponse, ...errorResponses } },
  }, async (request) => getProcedure(deps, request.params.code));

  r.get('/api/communes/:communeCode/procedures', {
    schema: {
      tags, summary: "Every procedure with this commune's settings (offered, local fee and time)",
      params: contracts.communeParams, response: { 200: contracts.communeProceduresResponse, ...errorResponses },
    },
  }, async (request) => ({ items: (await listCommuneProcedures(deps, request.params.communeCode)).map(communeItem) }));

  r.get('/api/communes/:communeCode/procedures/:code', {
    schema: {
      tags, summary: 'One procedure as this commune runs it (404 if not offered)',
      params: contracts.communeProcedureParams, response: { 200: contracts.effectiveProcedureResponse, ...errorResponses },
    },
  }, async (request) => getEffectiveProcedure(deps, request.params.code, request.params.communeCode));

  r.put('/api/communes/:communeCode/procedures/:code', {
    schema: {
      tags, summary: 'Set whether the commune offers a procedure, and its local fee/time (commune admin; may shorten, not lengthen, legal times)',
      security: [{ bearer: [] }], params: contracts.communeProcedureParams, body: contracts.overrideBody,
      response: { 200: contracts.communeProcedureItem, ...errorResponses },
    },
  }, async (request) => {
    const { communeCode, code } = request.params;
    return communeItem(await setCommuneProcedure(deps, requireStaff(request), communeCode, code, request.body));
  });
}

function summary(p: Procedure) {
  return { code: p.code, name: p.name, field: p.field, level: p.level, processingDays: p.processingDays, feeVnd: p.feeVnd };
}

function communeItem(p: EffectiveProcedure) {
  return { ...summary(p), offered: p.offered, national: p.national, override: p.override };
}
