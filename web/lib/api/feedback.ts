import type { z } from 'zod';
import type * as c from '../../../src/modules/feedback/feedback.contracts';
import { ApiError, request } from './client';

export type RatingBody = z.input<typeof c.ratingBody>;
export type RatingView = z.infer<typeof c.ratingView>;
export type Criteria = z.infer<typeof c.criteriaResponse>;
export type RatingsResponse = z.infer<typeof c.ratingsResponse>;

const path = (code: string) => `/api/dossiers/${encodeURIComponent(code)}/rating`;

export const getCriteria = () => request<Criteria>('GET', '/api/feedback/criteria');
export const rateDossier = (code: string, body: RatingBody) => request<RatingView>('POST', path(code), { body });

/** The dossier's rating, or null when not rated yet. */
export async function findRating(code: string): Promise<RatingView | null> {
  try {
    return await request<RatingView>('GET', path(code));
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

export const listCommuneRatings = (communeCode: string, query: { from?: string; to?: string; limit?: number } = {}) =>
  request<RatingsResponse>('GET', `/api/communes/${communeCode}/ratings`, { query });
