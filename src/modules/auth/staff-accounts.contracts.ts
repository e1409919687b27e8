import { z } from 'zod';
import { bilingual } from '../../platform/errors';
import { phoneSchema } from '../../shared/validation';

/** Roles a commune admin may give: everything but the province-level reader. */
export const communeRoles = ['officer', 'specialist', 'leader', 'commune_admin', 'volunteer'] as const;

const password = z.string().min(10, { message: bilingual('Mật khẩu có ít nhất 10 ký tự', 'A password has at least 10 characters') }).max(200);

export const staffAccountParams = z.object({
  code: z.string().regex(/^\d{5}$/, { message: bilingual('Mã xã gồm 5 chữ số', 'The commune code has 5 digits') }),
  id: z.string().uuid({ message: bilingual('Mã tài khoản không hợp lệ', 'Invalid account id') }),
});
export const communeParams = staffAccountParams.pick({ code: true });

export const createStaffBody = z.object({
  username: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, {
    message: bilingual('Tên đăng nhập 3–40 ký tự: chữ không dấu, số, dấu chấm, gạch', 'Usernames are 3–40 characters: letters, digits, dot, dash'),
  }),
  fullName: z.string().trim().min(2).max(120),
  role: z.enum(communeRoles, { message: bilingual('Vai trò không hợp lệ', 'Invalid role') }),
  phone: phoneSchema.optional(),
  /** Omitted: a temporary password is generated and shown once. */
  password: password.optional(),
}).strict();

export const updateStaffBody = z.object({
  fullName: z.string().trim().min(2).max(120).optional(),
  role: z.enum(communeRoles, { message: bilingual('Vai trò không hợp lệ', 'Invalid role') }).optional(),
  phone: phoneSchema.nullable().optional(),
}).strict().refine((o) => Object.keys(o).length > 0, { message: bilingual('Không có gì để thay đổi', 'Nothing to change') });

export const staffAccountView = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  role: z.string(),
  /** Masked (ND 13/2023). */
  phone: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});

export const staffWithPassword = z.object({ account: staffAccountView, temporaryPassword: z.string().optional() });
