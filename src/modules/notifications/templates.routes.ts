import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireStaff } from '../../platform/auth';
import type { AppDeps } from '../../platform/http';
import { errorResponses } from '../../platform/http';
import { assertCommuneAccess, assertCommuneAdmin } from '../admin-units';
import * as c from './notifications.contracts';
import { listTemplates, previewTemplate, saveTemplate, templateHistory } from './templates.service';

const security = [{ bearer: [] }];
const tags = ['notification templates'];

/** Commune staff read the texts; the commune admin edits them (each save is a new version) with a preview. */
export function registerTemplateRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/communes/:code/notification-templates', {
    schema: { tags, security, summary: 'Message texts in force for the commune', params: c.communeParams, response: { 200: z.object({ items: z.array(c.templateView) }), ...errorResponses } },
  }, async (request) => {
    assertCommuneAccess(requireStaff(request), request.params.code);
    return { items: await listTemplates(deps, request.params.code) };
  });

  r.get('/api/communes/:code/notification-templates/:key/versions', {
    schema: { tags, security, summary: 'Every version of one text, newest first', params: c.templateKeyParams, response: { 200: z.object({ items: z.array(c.templateVersionView) }), ...errorResponses } },
  }, async (request) => {
    assertCommuneAccess(requireStaff(request), request.params.code);
    return { items: await templateHistory(deps, request.params.code, request.params.key) };
  });

  r.put('/api/communes/:code/notification-templates/:key', {
    schema: { tags, security, summary: 'Commune admin: save a new version of a text', params: c.templateKeyParams, body: c.templateBody, response: { 200: c.templateView, ...errorResponses } },
  }, async (request) => {
    const actor = assertCommuneAdmin(request.actor, request.params.code);
    return saveTemplate(deps, actor, request.params.code, request.params.key, request.body);
  });

  r.post('/api/communes/:code/notification-templates/:key/preview', {
    schema: { tags, security, summary: 'Render a draft text with sample values (nothing is saved)', params: c.templateKeyParams, body: c.templateBody, response: { 200: c.previewResponse, ...errorResponses } },
  }, async (request) => {
    assertCommuneAccess(requireStaff(request), request.params.code);
    return previewTemplate(deps, request.params.key, request.body);
  });
}
