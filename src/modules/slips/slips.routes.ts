import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor, requireStaff } from '../../platform/auth';
import type { AppDeps } from '../../platform/http';
import { errorResponses } from '../../platform/http';
import { sendPdf } from '../../platform/pdf';
import * as c from './slips.contracts';
import { getRegisterPdf, getSlipPdf } from './slips.service';

const security = [{ bearer: [] }];

export function registerSlipRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/dossiers/:code/slips/:kind.pdf', {
    schema: {
      tags: ['slips'], security, params: c.slipParams,
      summary: 'An official slip of the dossier as an A5 PDF (Mẫu 01–05, stop notice); 409 when it does not apply',
      response: { 200: c.pdfResponse, ...errorResponses },
    },
  }, async (request, reply) => {
    const { bytes, filename } = await getSlipPdf(deps, requireActor(request), request.params.code, request.params.kind);
    return sendPdf(reply, bytes, filename);
  });

  r.get('/api/communes/:code/register.pdf', {
    schema: {
      tags: ['slips'], security, params: c.communeParams, querystring: c.registerQuery,
      summary: 'Sổ theo dõi hồ sơ (Mẫu 06) for a period, as an A4 PDF (default: this month)',
      response: { 200: c.pdfResponse, ...errorResponses },
    },
  }, async (request, reply) => {
    const { bytes, filename } = await getRegisterPdf(deps, requireStaff(request), request.params.code, request.query);
    return sendPdf(reply, bytes, filename);
  });
}
