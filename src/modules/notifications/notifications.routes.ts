import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCitizen, requireStaff } from '../../platform/auth';
import { notFound } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { errorResponses } from '../../platform/http';
import { phoneSchema } from '../../shared/validation';
import { assertCommuneAccess } from '../admin-units';
import { registerCallbackRoutes } from './callbacks.routes';
import * as c from './notifications.contracts';
import { dossierDeliveryLog } from './delivery-log.service';
import { listDevMessages } from './dev-channel';
import { getPreferences, listInbox, markAllInboxRead, markInboxRead, setPreferences } from './inbox.service';
import { channelStatuses, getNotifier } from './notifier';
import { registerTemplateRoutes } from './templates.routes';

const security = [{ bearer: [] }];
const tags = ['notifications'];
const routeNotFound = () => notFound('ROUTE_NOT_FOUND', { vi: 'Không tìm thấy địa chỉ này', en: 'No such route' });

export function registerNotificationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** Demo mode only: the local message channel, so a newcomer sees every message sent. */
  r.get('/api/dev/messages', {
    schema: {
      tags, summary: 'Messages on the local channel (demo mode only): every SMS/Zalo/e-mail/inbox message xaso would send',
      querystring: z.object({ phone: phoneSchema.optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ items: z.array(c.devMessage) }), ...errorResponses },
    },
  }, async (request) => {
    if (!deps.config.XASO_DEMO) throw routeNotFound();
    const rows = await listDevMessages(deps, { recipient: request.query.phone, limit: request.query.limit });
    return { items: rows.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })) };
  });

  r.get('/api/me/inbox', {
    schema: { tags, security, summary: "The citizen's in-app messages, newest first", querystring: c.inboxQuery, response: { 200: c.inboxResponse, ...errorResponses } },
  }, async (request) => listInbox(deps, requireCitizen(request), request.query));

  r.post('/api/me/inbox/:id/read', {
    schema: { tags, security, summary: 'Mark one message read', params: z.object({ id: z.string().uuid() }), response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses } },
  }, async (request) => {
    await markInboxRead(deps, requireCitizen(request), request.params.id);
    return { ok: true as const };
  });

  r.post('/api/me/inbox/read-all', {
    schema: { tags, security, summary: 'Mark every message read', response: { 200: z.object({ marked: z.number().int() }), ...errorResponses } },
  }, async (request) => ({ marked: await markAllInboxRead(deps, requireCitizen(request)) }));

  r.get('/api/me/preferences', {
    schema: { tags, security, summary: 'How the citizen wants to be told (preferred channel, e-mail)', response: { 200: c.preferencesResponse, ...errorResponses } },
  }, async (request) => getPreferences(deps, requireCitizen(request)));

  r.put('/api/me/preferences', {
    schema: { tags, security, summary: 'Choose the preferred channel; others are the fallback', body: c.preferencesBody, response: { 200: c.preferencesResponse, ...errorResponses } },
  }, async (request) => setPreferences(deps, requireCitizen(request), request.body));

  r.get('/api/dossiers/:code/notifications', {
    schema: {
      tags, security, summary: "Staff: the dossier's delivery log (every message, every channel tried; phones masked)",
      params: z.object({ code: z.string().min(3).max(64) }), response: { 200: z.object({ items: z.array(c.deliveryLogItem) }), ...errorResponses },
    },
  }, async (request) => ({ items: await dossierDeliveryLog(deps, requireStaff(request), request.params.code) }));

  r.get('/api/communes/:code/notification-channels', {
    schema: { tags, security, summary: 'Staff: the channels this server delivers on and their circuit breakers', params: c.communeParams, response: { 200: z.object({ testMode: z.boolean(), items: z.array(c.channelStatus) }), ...errorResponses } },
  }, async (request) => {
    assertCommuneAccess(requireStaff(request), request.params.code);
    const n = getNotifier(deps);
    return { testMode: n.testMode, items: channelStatuses(n, deps.now().getTime()) };
  });

  registerTemplateRoutes(app, deps);
  registerCallbackRoutes(app, deps);
}
