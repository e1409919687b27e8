import type { z } from 'zod';
import type * as c from '../../../src/modules/procedures/procedures.contracts';
import { request } from './client';

export type ProcedureSummary = z.infer<typeof c.searchResponse>['items'][number];
export type Procedure = z.infer<typeof c.procedureResponse>;
export type EffectiveProcedure = z.infer<typeof c.effectiveProcedureResponse>;
export type FormField = Procedure['form']['fields'][number];
export type FormStep = NonNullable<Procedure['form']['steps']>[number];

export const searchProcedures = (q: string, communeCode?: string, signal?: AbortSignal) =>
  request<{ items: ProcedureSummary[] }>('GET', '/api/procedures', { query: { q, communeCode }, signal });

export const getProcedure = (code: string) => request<Procedure>('GET', `/api/procedures/${encodeURIComponent(code)}`);

/** The procedure as a commune runs it (local fee and time); 404 if the commune does not offer it. */
export const getCommuneProcedure = (communeCode: string, code: string) =>
  request<EffectiveProcedure>('GET', `/api/communes/${communeCode}/procedures/${encodeURIComponent(code)}`);
