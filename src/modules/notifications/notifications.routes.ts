import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { errorResponses } from '../../platform/http';
import { phoneSchema } from '../../shared/validation';
import { listDevMessages } from './dev-channel';

const devMessage = z.object({
  recipient: z.string(),
  template: z.string(),
  subjectRef: z.string().nullable(),
  bodyVi: z.string(),
  bodyEn: z.string(),
  createdAt: z.string(),
});

/** Demo mode only: the local message channel, so a newcomer sees every message sent. */
export function registerNotificationRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/dev/messages', {
    schema: {
      tags: ['notifications'],
      summary: 'Messages on the local development channel (demo mode only)',
      querystring: z.object({ phone: phoneSchema.optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ items: z.array(devMessage) }), ...errorResponses },
    },
  }, async (request) => {
    if (!deps.config.XASO_DEMO) throw notFound('ROUTE_NOT_FOUND', { vi: 'Không tìm thấy địa chỉ này', en: 'No such route' });
    const rows = await listDevMessages(deps, { recipient: request.query.phone, limit: request.query.limit });
    return { items: rows.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })) };
  });
}
