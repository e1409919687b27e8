import type { z } from 'zod';
import type * as c from '../../../src/modules/auth/staff-accounts.contracts';
import { request } from './client';

export type StaffAccount = z.infer<typeof c.staffAccountView>;
export type CreateStaff = z.input<typeof c.createStaffBody>;
export type StaffWithPassword = z.infer<typeof c.staffWithPassword>;
export const communeRoles = ['officer', 'specialist', 'leader', 'commune_admin', 'volunteer'] as const;

const base = (commune: string) => `/api/communes/${commune}/staff`;
export const listStaff = (commune: string) => request<{ items: StaffAccount[] }>('GET', base(commune));
export const createStaff = (commune: string, body: CreateStaff) => request<StaffWithPassword>('POST', base(commune), { body });
export const updateStaff = (commune: string, id: string, body: z.input<typeof c.updateStaffBody>) => request<StaffAccount>('PATCH', `${base(commune)}/${id}`, { body });
export const setStaffActive = (commune: string, id: string, active: boolean) =>
  request<StaffAccount>('POST', `${base(commune)}/${id}/${active ? 'activate' : 'deactivate'}`, { body: {} });
export const resetStaffPassword = (commune: string, id: string) => request<StaffWithPassword>('POST', `${base(commune)}/${id}/reset-password`, { body: {} });
