import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor, requireStaff } from '../../platform/auth';
import { errorResponses, type AppDeps } from '../../platform/http';
import * as c from './indicators.contracts';
import { exportCommuneReport } from './report.service';
import { getCommuneDashboard, getDefinitions, getOverdueList, getProvinceDashboard, getPublicFigures } from './indicators.service';

const tags = ['indicators'];
const security = [{ bearer: [] }];

export function registerIndicatorRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/indicators/definitions', {
    schema: { tags, summary: 'How each indicator is computed: formula (vi/en) and legal source', response: { 200: c.definitionsResponse } },
  }, async () => getDefinitions());

  r.get('/api/indicators/communes/:communeCode/dashboard', {
    schema: {
      tags, security, summary: "A commune leader's dashboard: headline figures, trend, villages, procedures, overdue, Decision 766 index",
      params: c.communeParams, querystring: c.periodQuery, response: { 200: c.communeDashboard, ...errorResponses },
    },
  }, async (request) => getCommuneDashboard(deps, requireActor(request), request.params.communeCode, request.query));

  r.get('/api/indicators/communes/:communeCode/overdue', {
    schema: {
      tags, security, summary: 'Dossiers overdue now, most overdue first (names masked)',
      params: c.communeParams, querystring: c.overdueQuery, response: { 200: c.overdueList, ...errorResponses },
    },
  }, async (request) => getOverdueList(deps, requireActor(request), request.params.communeCode, request.query));

  r.get('/api/indicators/provinces/:provinceCode/dashboard', {
    schema: {
      tags, security, summary: 'Province view: every commune side by side, ranked, with province totals and trend',
      params: c.provinceParams, querystring: c.periodQuery, response: { 200: c.provinceDashboard, ...errorResponses },
    },
  }, async (request) => getProvinceDashboard(deps, requireActor(request), request.params.provinceCode, request.query));

  for (const format of ['xlsx', 'pdf'] as const) {
    r.get(`/api/indicators/communes/:communeCode/report.${format}`, {
      schema: {
        tags, security, summary: `Monthly report of the commune (Biểu số 06/VPCP/KSTT layout) as ${format.toUpperCase()}; audited`,
        params: c.communeParams, querystring: c.reportQuery, response: { ...errorResponses },
      },
    }, async (request, reply) => {
      const file = await exportCommuneReport(deps, requireStaff(request), request.params.communeCode, request.query, format);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body as never); // a Buffer is sent as is, never serialised
    });
  }

  r.get('/api/public/communes/:communeCode/figures', {
    schema: {
      tags: ['public'], summary: "Open data: a commune's headline figures (counts and shares only, no personal data)",
      params: c.communeParams, querystring: c.periodQuery, response: { 200: c.publicFigures, ...errorResponses },
    },
    config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return getPublicFigures(deps, request.params.communeCode, request.query);
  });
}
