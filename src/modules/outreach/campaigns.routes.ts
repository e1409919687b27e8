import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendPdf } from '../../platform/pdf';
import type { AppDeps } from '../../platform/http';
import { errorResponses } from '../../platform/http';
import {
  createAnnouncement, getPublicAnnouncement, leafletOf, listAnnouncements, listBulletin, publishAnnouncement, readAloudOf,
} from './announcements.service';
import { createCampaign, getCampaignProgress, listCampaigns, setCampaignTargets } from './campaigns.service';
import * as c from './outreach.contracts';

const security = [{ bearer: [] }];
const metricRow = z.object({ metric: z.string(), labelVi: z.string(), labelEn: z.string(), target: z.number(), achieved: z.number(), percent: z.number().nullable() });
export const campaignView = z.object({
  id: z.string(), communeCode: z.string(), name: z.string(), description: z.string().nullable(), startsOn: z.string(), endsOn: z.string(),
  status: z.enum(['upcoming', 'running', 'ended']), totals: z.array(metricRow),
  villages: z.array(z.object({ villageId: z.string(), villageName: z.string(), metrics: z.array(metricRow) })),
});
const { announcementView } = c;

export function registerCampaignRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['outreach'];

  r.get('/api/communes/:communeCode/campaigns', {
    schema: { tags, security, summary: 'Campaigns with live progress against their targets', params: c.communeParams, response: { 200: z.object({ items: z.array(campaignView) }), ...errorResponses } },
  }, async (req) => ({ items: await listCampaigns(deps, req.actor, req.params.communeCode) }));

  r.post('/api/communes/:communeCode/campaigns', {
    schema: { tags, security, summary: 'Plan a campaign: a period and targets per village', params: c.communeParams, body: c.campaignInput, response: { 201: campaignView, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await createCampaign(deps, req.actor, req.params.communeCode, req.body)));

  r.get('/api/campaigns/:id', {
    schema: { tags, security, summary: 'One campaign with its live progress', params: c.idParams, response: { 200: campaignView, ...errorResponses } },
  }, async (req) => getCampaignProgress(deps, req.actor, req.params.id));

  r.put('/api/campaigns/:id/targets', {
    schema: { tags, security, summary: 'Replace the targets of a campaign', params: c.idParams, body: z.object({ targets: z.array(c.campaignTarget).max(400) }).strict(), response: { 200: campaignView, ...errorResponses } },
  }, async (req) => setCampaignTargets(deps, req.actor, req.params.id, req.body.targets));

  r.get('/api/communes/:communeCode/announcements', {
    schema: { tags, security, summary: 'All announcements, drafts included (authors)', params: c.communeParams, response: { 200: z.object({ items: z.array(announcementView) }), ...errorResponses } },
  }, async (req) => ({ items: await listAnnouncements(deps, req.actor, req.params.communeCode) }));

  r.post('/api/communes/:communeCode/announcements', {
    schema: { tags, security, summary: 'Compose an announcement (a draft); scam warnings are one kind', params: c.communeParams, body: c.announcementInput, response: { 201: announcementView, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await createAnnouncement(deps, req.actor, req.params.communeCode, req.body)));

  r.post('/api/announcements/:id/publish', {
    schema: {
      tags, security, summary: 'Publish once: bulletin board, messages to residents (outbox), leaflet and loudspeaker script', params: c.idParams,
      body: z.object({ notify: z.boolean().default(true) }).strict(), response: { 200: announcementView, ...errorResponses },
    },
  }, async (req) => publishAnnouncement(deps, req.actor, req.params.id, req.body.notify));

  const pub = ['public'];
  r.get('/api/public/communes/:communeCode/announcements', {
    schema: {
      tags: pub, summary: "Public: the commune's bulletin board", params: c.communeParams,
      querystring: z.object({ kind: z.enum(['general', 'scam_warning', 'campaign']).optional() }), response: { 200: z.object({ items: z.array(announcementView) }), ...errorResponses },
    },
  }, async (req) => ({ items: await listBulletin(deps, req.params.communeCode, req.query.kind) }));

  r.get('/api/public/announcements/:id', {
    schema: { tags: pub, summary: 'Public: one published announcement', params: c.idParams, response: { 200: announcementView, ...errorResponses } },
  }, async (req) => getPublicAnnouncement(deps, req.params.id));

  r.get('/api/public/announcements/:id/leaflet.pdf', {
    schema: { tags: pub, summary: 'Public: the printable A5 leaflet', params: c.idParams, produces: ['application/pdf'] },
  }, async (req, reply) => sendPdf(reply, await leafletOf(deps, req.params.id), `thong-bao-${req.params.id.slice(0, 8)}.pdf`));

  r.get('/api/public/announcements/:id/read-aloud.txt', {
    schema: { tags: pub, summary: 'Public: the loudspeaker script, numbers and dates in words', params: c.idParams, produces: ['text/plain'], response: { 200: z.string(), ...errorResponses } },
  }, async (req, reply) => reply.header('content-type', 'text/plain; charset=utf-8').send(await readAloudOf(deps, req.params.id)));
}
