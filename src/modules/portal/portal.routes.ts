import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { portalQuery, portalResponse } from './portal.contracts';
import type { AppDeps } from '../../platform/http';
import { errorResponses } from '../../platform/http';
import { popularProcedures, resolvePortalCommune } from './portal.service';

/** What the citizen home page needs in one request: the commune served and its most used procedures. */
export function registerPortalRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/portal', {
    schema: {
      tags: ['portal'], summary: 'Citizen home: the commune this portal serves and its most used procedures (by dossiers in the last year)',
      querystring: portalQuery, response: { 200: portalResponse, ...errorResponses },
    },
  }, async (request) => {
    const commune = await resolvePortalCommune(deps, request.query.communeCode);
    const popular = await popularProcedures(deps, commune?.code);
    return {
      commune,
      popular: popular.map((p) => ({ code: p.code, name: p.name, field: p.field, level: p.level, processingDays: p.processingDays, feeVnd: p.feeVnd })),
    };
  });
}
