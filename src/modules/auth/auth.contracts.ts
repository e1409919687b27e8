import { z } from 'zod';
import { staffRoles } from '../../platform/auth';
import { phoneSchema } from '../../shared/validation';

export const staffLoginBody = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const tokenResponse = z.object({ token: z.string(), expiresAt: z.string() });

export const otpRequestBody = z.object({ phone: phoneSchema });
export const otpRequestResponse = z.object({
  sent: z.literal(true),
  expiresInSeconds: z.number(),
  devCode: z.string().optional(),
});

export const otpVerifyBody = z.object({
  phone: phoneSchema,
  code: z.string().regex(/^\d{6}$/, { message: 'Mã gồm 6 chữ số\u001fThe code has 6 digits' }),
});

export const meResponse = z.object({
  kind: z.enum(['staff', 'citizen']),
  role: z.union([z.enum(staffRoles), z.literal('citizen')]),
  communeCode: z.string().nullable(),
  provinceCode: z.string().nullable(),
  username: z.string().optional(),
  fullName: z.string().optional(),
  phone: z.string().optional(),
});
