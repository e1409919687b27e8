import type { z } from 'zod';
import type * as au from '../../../src/modules/admin-units/admin-units.contracts';
import type * as pc from '../../../src/modules/procedures/procedures.contracts';
import type { YearSchedule } from '../../../src/shared/calendar';
import { request } from './client';

/** The commune admin's screens: villages, procedures offered with local overrides, the holiday calendar. */
export type Village = z.infer<typeof au.villageListResponse>['items'][number];
export type VillageInput = z.input<typeof au.villageCreateBody>;
export type CommuneProcedure = z.infer<typeof pc.communeProcedureItem>;
export type Override = z.input<typeof pc.overrideBody>;
export interface DayEntry { date: string; reasonVi: string; reasonEn: string }
export interface DaysOff { year: number; source: string; daysOff: DayEntry[]; makeUpWorkingDays: DayEntry[] }

export const getCommune = (code: string) => request<z.infer<typeof au.communeResponse>>('GET', `/api/communes/${code}`);

export const listVillages = (commune: string) => request<{ items: Village[] }>('GET', `/api/communes/${commune}/villages`);
export const createVillage = (commune: string, body: VillageInput) => request<Village>('POST', `/api/communes/${commune}/villages`, { body });
export const updateVillage = (commune: string, id: string, body: Partial<VillageInput>) => request<Village>('PATCH', `/api/communes/${commune}/villages/${id}`, { body });
export const deleteVillage = (commune: string, id: string) => request<unknown>('DELETE', `/api/communes/${commune}/villages/${id}`);

export const listCommuneProcedures = (commune: string) => request<{ items: CommuneProcedure[] }>('GET', `/api/communes/${commune}/procedures`);
export const setCommuneProcedure = (commune: string, code: string, body: Override) =>
  request<unknown>('PUT', `/api/communes/${commune}/procedures/${encodeURIComponent(code)}`, { body });

export const getDaysOff = (year: number, communeCode: string) => request<DaysOff>('GET', '/api/calendar/days-off', { query: { year, communeCode } });
export const saveSchedule = (commune: string, schedule: YearSchedule) => request<{ ok: true }>('PUT', `/api/communes/${commune}/calendar/${schedule.year}`, { body: schedule });
export const resetSchedule = (commune: string, year: number) => request<{ ok: true }>('DELETE', `/api/communes/${commune}/calendar/${year}`);
