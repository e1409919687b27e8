import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http';
import { errorResponses } from '../../platform/http';
import { resolveFieldScope } from '../teams';
import { submitAssisted } from './assisted.service';
import { createConsent, getConsent, getConsentOfDossier, toConsentView, verifyConsentCode } from './consent.service';
import * as c from './outreach.contracts';
import { listSupportActs } from './support.service';

const tags = ['outreach'];
const security = [{ bearer: [] }];
const codeLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };

export function registerOutreachRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/outreach/support-acts', {
    schema: {
      tags, security, summary: "The support log of my villages (the leader's view), newest first, with totals per kind", querystring: c.listSupportActsQuery,
      response: { 200: z.object({ total: z.number(), byKind: z.record(z.string(), z.number()), items: z.array(c.supportActView) }), ...errorResponses },
    },
  }, async (req) => listSupportActs(deps, req.actor, req.query));

  r.post('/api/outreach/consents', {
    config: codeLimit,
    schema: {
      tags, security, summary: "Ask a citizen's consent, per purpose: a one-time code to their phone, or their drawn signature (uploaded separately)",
      body: c.consentInput, response: { 201: c.consentView, ...errorResponses },
    },
  }, async (req, reply) => {
    const scope = await resolveFieldScope(deps, req.actor);
    const now = deps.now();
    const out = await deps.db.transaction((tx) => createConsent(deps, tx, scope, req.body, now));
    return reply.status(201).send(toConsentView(out.row, out.devCode));
  });

  r.post('/api/outreach/consents/:id/verify', {
    config: codeLimit,
    schema: {
      tags, security, summary: 'Type the code the citizen read out from their phone', params: c.idParams,
      body: z.object({ code: z.string().regex(/^\d{6}$/) }).strict(), response: { 200: c.consentView, ...errorResponses },
    },
  }, async (req) => verifyConsentCode(deps, req.actor, req.params.id, req.body.code));

  r.get('/api/outreach/consents/:id', {
    schema: { tags, security, summary: 'A consent record with its notice and proof (audited)', params: c.idParams, response: { 200: c.consentView, ...errorResponses } },
  }, async (req) => getConsent(deps, req.actor, req.params.id));

  r.get('/api/outreach/dossiers/:code/consent', {
    schema: {
      tags, security, summary: 'The consent stored with an assisted dossier (audited)', params: z.object({ code: z.string().min(5).max(64) }),
      response: { 200: c.consentView, ...errorResponses },
    },
  }, async (req) => getConsentOfDossier(deps, req.actor, req.params.code));

  r.post('/api/outreach/assisted-submissions', {
    schema: {
      tags, security, summary: 'File a dossier for a citizen who consented: online, on behalf of a volunteer, logged as a support act',
      body: c.assistedSubmissionBody,
      response: {
        201: z.object({
          dossier: z.object({ code: z.string(), status: z.string(), dueAt: z.string().nullable(), nationalStatusCode: z.number(), channel: z.string(), nationalChannelCode: z.number(), lookupUrl: z.string() }),
          consentId: z.string(), supportActId: z.string(),
        }),
        ...errorResponses,
      },
    },
  }, async (req, reply) => reply.status(201).send(await submitAssisted(deps, req.actor, req.body)));
}
