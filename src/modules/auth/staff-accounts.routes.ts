import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http';
import { errorResponses } from '../../platform/http';
import * as c from './staff-accounts.contracts';
import { createStaffAccount, listStaffAccounts, resetStaffPassword, setStaffActive, updateStaffAccount } from './staff-accounts.service';

const tags = ['staff accounts'];
const security = [{ bearer: [] }];

/** Commune admin: the commune's staff accounts and their roles (only the commune_admin of that commune). */
export function registerStaffAccountRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/communes/:code/staff';

  r.get(base, {
    schema: { tags, security, summary: 'Staff accounts of the commune (phones masked)', params: c.communeParams, response: { 200: z.object({ items: z.array(c.staffAccountView) }), ...errorResponses } },
  }, async (request) => ({ items: await listStaffAccounts(deps, request.actor, request.params.code) }));

  r.post(base, {
    schema: { tags, security, summary: 'Create an account (a temporary password is returned once when none is given)', params: c.communeParams, body: c.createStaffBody, response: { 201: c.staffWithPassword, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await createStaffAccount(deps, request.actor, request.params.code, request.body)));

  r.patch(`${base}/:id`, {
    schema: { tags, security, summary: 'Change name, role or phone', params: c.staffAccountParams, body: c.updateStaffBody, response: { 200: c.staffAccountView, ...errorResponses } },
  }, async (request) => updateStaffAccount(deps, request.actor, request.params.code, request.params.id, request.body));

  for (const [path, active, summary] of [['deactivate', false, 'Deactivate (signs the account out)'], ['activate', true, 'Reactivate']] as const) {
    r.post(`${base}/:id/${path}`, {
      schema: { tags, security, summary, params: c.staffAccountParams, response: { 200: c.staffAccountView, ...errorResponses } },
    }, async (request) => setStaffActive(deps, request.actor, request.params.code, request.params.id, active));
  }

  r.post(`${base}/:id/reset-password`, {
    schema: { tags, security, summary: 'Reset the password: a temporary one, shown once; signs the account out', params: c.staffAccountParams, response: { 200: c.staffWithPassword, ...errorResponses } },
  }, async (request) => resetStaffPassword(deps, request.actor, request.params.code, request.params.id));
}
