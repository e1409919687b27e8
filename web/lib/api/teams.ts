import type { z } from 'zod';
import type * as c from '../../../src/modules/teams/teams.contracts';
import { request } from './client';

/** Public (no sign-in): the next duty shifts at each IT point and each village's contact number (issue 4). */
export type PublicItPoints = z.infer<typeof c.publicItPoints>;
export type UpcomingShift = z.infer<typeof c.upcomingShift>;

export const getPublicItPoints = (communeCode: string, days = 14) =>
  request<PublicItPoints>('GET', `/api/public/communes/${encodeURIComponent(communeCode)}/it-points`, { query: { days } });
