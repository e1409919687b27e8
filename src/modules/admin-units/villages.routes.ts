import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireStaff } from '../../platform/auth';
import type { AppDeps } from '../../platform/http';
import { errorResponses } from '../../platform/http';
import * as contracts from './admin-units.contracts';
import { canAccessCommune } from './tenancy';
import { createVillage, deleteVillage, listVillages, updateVillage, type Village } from './villages.service';

export function registerVillageRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin-units'];
  const security = [{ bearer: [] }];

  r.get('/api/communes/:code/villages', {
    schema: {
      tags, summary: "A commune's villages (public: names; the commune's staff also see contact phones)",
      params: contracts.communeCodeParam, response: { 200: contracts.villageListResponse, ...errorResponses },
    },
  }, async (request) => {
    const villages = await listVillages(deps, request.params.code);
    // Decree 13/2023: a village head's phone is personal data, shown only to the commune's staff.
    const withContacts = canAccessCommune(request.actor, request.params.code);
    return {
      items: villages.map((v) => ({ id: v.id, name: v.name, kind: v.kind, ...(withContacts ? { contactPhone: v.contactPhone } : {}) })),
    };
  });

  r.post('/api/communes/:code/villages', {
    schema: {
      tags, summary: 'Add a village (commune admin)', security,
      params: contracts.communeCodeParam, body: contracts.villageCreateBody, response: { 201: contracts.villageResponse, ...errorResponses },
    },
  }, async (request, reply) => {
    const village = await createVillage(deps, requireStaff(request), request.params.code, request.body);
    return reply.status(201).send(present(village));
  });

  r.patch('/api/communes/:code/villages/:id', {
    schema: {
      tags, summary: 'Rename a village or change its contact (commune admin)', security,
      params: contracts.villageParams, body: contracts.villagePatchBody, response: { 200: contracts.villageResponse, ...errorResponses },
    },
  }, async (request) => {
    const { code, id } = request.params;
    return present(await updateVillage(deps, requireStaff(request), code, id, request.body));
  });

  r.delete('/api/communes/:code/villages/:id', {
    schema: {
      tags, summary: 'Remove a village (commune admin; kept as a tombstone for sync)', security,
      params: contracts.villageParams, response: { 204: z.null(), ...errorResponses },
    },
  }, async (request, reply) => {
    const { code, id } = request.params;
    await deleteVillage(deps, requireStaff(request), code, id);
    return reply.status(204).send(null);
  });
}

function present(v: Village) {
  return {
    id: v.id,
    communeCode: v.communeCode,
    name: v.name,
    kind: v.kind,
    contactPhone: v.contactPhone,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}
