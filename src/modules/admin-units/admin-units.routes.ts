import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireStaff } from '../../platform/auth';
import type { AppDeps } from '../../platform/http';
import { errorResponses } from '../../platform/http';
import * as contracts from './admin-units.contracts';
import { getCommune, listCommunesOfProvince, listProvinces, updateAgencyCode } from './admin-units.service';
import { registerVillageRoutes } from './villages.routes';

/** Administrative units are public reference data; only the agency code is editable. */
export function registerAdminUnitsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin-units'];

  r.get('/api/provinces', {
    schema: { tags, summary: 'Provinces (34, after 1 Jul 2025), Vietnamese order', response: { 200: contracts.provincesResponse } },
  }, async () => ({ items: await listProvinces(deps) }));

  r.get('/api/provinces/:code/communes', {
    schema: {
      tags, summary: 'Communes, wards and special zones of a province, Vietnamese order',
      params: contracts.provinceCodeParam, response: { 200: contracts.communesResponse, ...errorResponses },
    },
  }, async (request) => ({ items: await listCommunesOfProvince(deps, request.params.code) }));

  r.get('/api/communes/:code', {
    schema: { tags, summary: 'One commune', params: contracts.communeCodeParam, response: { 200: contracts.communeResponse, ...errorResponses } },
  }, async (request) => getCommune(deps, request.params.code));

  r.patch('/api/communes/:code', {
    schema: {
      tags, summary: "Set the commune's receiving-agency identifier (commune admin)", security: [{ bearer: [] }],
      params: contracts.communeCodeParam, body: contracts.communePatchBody, response: { 200: contracts.communeResponse, ...errorResponses },
    },
  }, async (request) => {
    const actor = requireStaff(request);
    return updateAgencyCode(deps, actor, request.params.code, request.body.agencyCode);
  });

  registerVillageRoutes(app, deps);
}
