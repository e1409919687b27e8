import type { z } from 'zod';
import type * as hc from '../../src/modules/households/households.contracts';
import type { conflictView } from '../../src/modules/households/households.routes';
import type { importView } from '../../src/modules/households/import/import.routes';
import type * as oc from '../../src/modules/outreach/outreach.contracts';
import type * as tc from '../../src/modules/teams/teams.contracts';
import type { Change, Snapshot, Village } from '../../src/shared/field/local-store';
import type { OutboxCommand, OutboxReason, ServerAnswer } from '../../src/shared/field/outbox';
import { request } from '../lib/api/client';

/**
 * The field app's calls (types from the server's zod contracts, type-only: no zod reaches the phone). Writes of
 * household data go through the outbox (`/api/sync/commands`), never straight to an endpoint, so that they work the
 * same with or without a connection; only consent by code, reading the team's log and imports need the network.
 */
export type MyTeam = z.infer<typeof tc.myTeamView>;
export type Conflict = z.infer<typeof conflictView>;
export type ImportJob = z.infer<typeof importView>;
export type SupportActView = z.infer<typeof oc.supportActView>;
export type ConsentView = z.infer<typeof oc.consentView>;
export type ConsentInput = z.input<typeof oc.consentInput>;
export type HistoryEntry = z.infer<typeof hc.historyEntry>;

export const getMyTeam = () => request<MyTeam>('GET', '/api/teams/me');
export const getSnapshot = () => request<Snapshot>('GET', '/api/sync/snapshot');

export interface ChangesPage { mode: 'changes' | 'resync'; resyncReason?: string; cursor: string; hasMore: boolean; changes: Change[]; villages: Village[] }
export const pullChanges = (cursor: string) => request<ChangesPage>('GET', '/api/sync/changes', { query: { cursor, limit: 500 } });

export interface ItemResult extends ServerAnswer { index: number; commandId: string; replayed: boolean; reason?: OutboxReason }
/** One command per request: an item that fails never holds up the next (the server answers each on its own too). */
export const pushCommand = (cmd: OutboxCommand) =>
  request<{ results: ItemResult[] }>('POST', '/api/sync/commands', { body: { commands: [cmd] }, retries: 0 }).then((r) => r.results[0]!);

export const uploadAttachment = (id: string, blob: Blob, contentType: string) =>
  request<{ id: string; created: boolean; consentsCompleted: number }>('PUT', `/api/sync/attachments/${id}`, { blob, headers: { 'content-type': contentType }, retries: 0 });

export const listTeamActs = (query: { villageId?: string; from?: string; to?: string; limit?: number } = {}) =>
  request<{ total: number; byKind: Record<string, number>; items: SupportActView[] }>('GET', '/api/outreach/support-acts', { query });

export const listConflicts = () => request<{ items: Conflict[] }>('GET', '/api/households/conflicts');
export const resolveConflict = (id: string, choice: 'kept' | 'other') =>
  request<Conflict>('POST', `/api/households/conflicts/${id}/resolve`, { body: { choice } });

export const getHistory = (householdId: string) => request<{ items: HistoryEntry[] }>('GET', `/api/households/${householdId}/history`, { query: { limit: 50 } });
/** The full phone and ID number: audited on the server (Decree 13/2023), shown only when pressed. */
export const revealPerson = (personId: string) => request<{ phone: string | null; idNumber: string | null }>('POST', `/api/household-people/${personId}/reveal`, { body: {} });

export const requestConsent = (body: ConsentInput) => request<ConsentView>('POST', '/api/outreach/consents', { body });
export const verifyConsent = (id: string, code: string) => request<ConsentView>('POST', `/api/outreach/consents/${id}/verify`, { body: { code } });

export const startImport = (file: File, villageId?: string) =>
  request<ImportJob>('POST', '/api/households/imports', {
    blob: file, query: { fileName: file.name.slice(0, 200), villageId },
    headers: { 'content-type': /\.xlsx$/i.test(file.name) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv' },
  });
export const getImport = (id: string) => request<ImportJob>('GET', `/api/households/imports/${id}`);
export const commitImport = (id: string, duplicates?: 'import' | 'skip') =>
  request<ImportJob>('POST', `/api/households/imports/${id}/commit`, { body: duplicates ? { duplicates } : {} });
