import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound, unauthorized } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { errorResponses } from '../../platform/http';
import { applyProviderReport, parseProviderReport } from './delivery-log.service';

const providers = { sms: 'sms-http', zalo: 'zalo-zns' } as const;
const params = z.object({ channel: z.enum(['sms', 'zalo']) });
const response = { 200: z.object({ accepted: z.literal(true), matched: z.boolean() }), ...errorResponses };

/** Constant-time comparison of the shared secret (hashing first equalises the lengths). */
export function secretMatches(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * Delivery reports from providers, authenticated by the shared secret
 * NOTIFY_CALLBACK_SECRET in the `x-xaso-callback-secret` header or the `secret`
 * query parameter (many SMS gateways can only call a URL). JSON, form or query string.
 */
export function registerCallbackRoutes(app: FastifyInstance, deps: AppDeps): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const handle = async (request: FastifyRequest, channel: 'sms' | 'zalo', input: Record<string, unknown>) => {
      const expected = deps.config.notifyCallbackSecret;
      if (!expected) throw notFound('ROUTE_NOT_FOUND', { vi: 'Không tìm thấy địa chỉ này', en: 'No such route' });
      const given = (request.headers['x-xaso-callback-secret'] as string | undefined) ?? (request.query as { secret?: string }).secret;
      if (!secretMatches(given, expected)) throw unauthorized({ vi: 'Sai khóa bí mật', en: 'Wrong shared secret' });
      const report = parseProviderReport(input);
      const matched = report ? await applyProviderReport(deps, providers[channel], report) : false;
      return { accepted: true as const, matched };
    };
    r.post('/api/notifications/callbacks/:channel', {
      schema: { tags: ['notifications'], summary: 'Provider delivery report (shared secret)', params, body: z.record(z.string(), z.unknown()), response },
    }, async (request) => handle(request, request.params.channel, request.body));
    r.get('/api/notifications/callbacks/:channel', {
      schema: { tags: ['notifications'], summary: 'Provider delivery report by query string (shared secret)', params, querystring: z.record(z.string(), z.string()), response },
    }, async (request) => handle(request, request.params.channel, request.query));
  });
}
