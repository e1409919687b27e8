import type { z } from 'zod';
import type { campaignView } from '../../src/modules/outreach/campaigns.routes';
import type * as oc from '../../src/modules/outreach/outreach.contracts';
import { request } from '../lib/api/client';

/**
 * The team leader's planning calls (issue 4): campaigns with targets per village, and announcements published to
 * every channel. They need the server (counts cover every member's phone), so they live in the planning pages' lazy
 * chunk, not in the app's first load. Types are type-only imports of the server's zod schemas.
 */
export type Campaign = z.infer<typeof campaignView>;
export type CampaignInput = z.input<typeof oc.campaignInput>;
export type Announcement = z.infer<typeof oc.announcementView>;
export type AnnouncementInput = z.input<typeof oc.announcementInput>;

export const listCampaigns = (communeCode: string) => request<{ items: Campaign[] }>('GET', `/api/communes/${communeCode}/campaigns`);
export const createCampaign = (communeCode: string, body: CampaignInput) => request<Campaign>('POST', `/api/communes/${communeCode}/campaigns`, { body });

export const listAnnouncements = (communeCode: string) => request<{ items: Announcement[] }>('GET', `/api/communes/${communeCode}/announcements`);
export const createAnnouncement = (communeCode: string, body: AnnouncementInput) =>
  request<Announcement>('POST', `/api/communes/${communeCode}/announcements`, { body });
/** Publishing twice is refused by the server (409), so a retried tap cannot send residents the message twice. */
export const publishAnnouncement = (id: string, notify: boolean) => request<Announcement>('POST', `/api/announcements/${id}/publish`, { body: { notify } });
