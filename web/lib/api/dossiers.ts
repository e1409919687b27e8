import type { z } from 'zod';
import type * as c from '../../../src/modules/dossiers/dossiers.contracts';
import { request } from './client';

export type SubmitBody = z.input<typeof c.submitDossierBody>;
export type SubmitResult = z.infer<typeof c.submitDossierResponse>;
export type ActionBody = z.input<typeof c.actionBody>;
export type DossierView = z.infer<typeof c.dossierView>;
export type PublicDossierView = z.infer<typeof c.publicDossierView>;
export type DossierListItem = z.infer<typeof c.dossierListItem>;
export type ListQuery = Partial<z.input<typeof c.listDossiersQuery>>;

const path = (code: string) => `/api/dossiers/${encodeURIComponent(code)}`;

/** Safe to retry: the same Idempotency-Key (one per draft) always yields the same one dossier. */
export const submitDossier = (body: SubmitBody, idempotencyKey: string) =>
  request<SubmitResult>('POST', '/api/dossiers', { body, headers: { 'idempotency-key': idempotencyKey }, retries: 3 });

export const listDossiers = (query: ListQuery = {}) =>
  request<{ items: DossierListItem[] }>('GET', '/api/dossiers', { query: query as Record<string, string | number | undefined> });

export const getDossier = (code: string) => request<DossierView>('GET', path(code));

export const postAction = (code: string, body: ActionBody, idempotencyKey?: string) =>
  request<DossierView>('POST', `${path(code)}/actions`, {
    body, headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}, retries: idempotencyKey ? 3 : 0,
  });

export const revealApplicant = (code: string) => request<{ idNumber: string; phone: string }>('POST', `${path(code)}/reveal`, { body: {} });

export const lookupPublic = (code: string) => request<PublicDossierView>('GET', `/api/public/dossiers/${encodeURIComponent(code)}`);

/** The link printed as a QR code on slips (same shape as src/modules/dossiers/links.ts). */
export const lookupLink = (code: string) => `${location.origin}/tra-cuu/${encodeURIComponent(code)}`;
