import type { z } from 'zod';
import type * as c from '../../../src/modules/outreach/outreach.contracts';
import { request } from './client';

/** Public (no sign-in): the commune's bulletin board of published announcements (issue 4). */
export type Announcement = z.infer<typeof c.announcementView>;
export type AnnouncementKind = Announcement['kind'];

export const listBulletin = (communeCode: string, kind?: AnnouncementKind) =>
  request<{ items: Announcement[] }>('GET', `/api/public/communes/${encodeURIComponent(communeCode)}/announcements`, { query: { kind } });

export const getAnnouncement = (id: string) => request<Announcement>('GET', `/api/public/announcements/${encodeURIComponent(id)}`);
