import { z } from 'zod';
import { bilingual } from '../../platform/errors';
import { phoneSchema } from '../../shared/validation';
import { agencyCodeSchema } from './agency-code';
import { villageKinds } from './village-kinds';

export const provinceCodeParam = z.object({
  code: z.string().regex(/^\d{2}$/, { message: bilingual('Mã tỉnh gồm 2 chữ số', 'A province code has 2 digits') }),
});

export const communeCode = z
  .string()
  .regex(/^\d{5}$/, { message: bilingual('Mã xã/phường gồm 5 chữ số', 'A commune code has 5 digits') });

export const communeCodeParam = z.object({ code: communeCode });

export const villageParams = z.object({
  code: communeCode,
  id: z.uuid({ message: bilingual('Mã thôn không hợp lệ', 'Invalid village id') }),
});

const unit = { code: z.string(), name: z.string(), fullName: z.string(), type: z.string() };

export const provincesResponse = z.object({ items: z.array(z.object(unit)) });
export const communesResponse = z.object({ items: z.array(z.object(unit)) });

export const communeResponse = z.object({
  ...unit,
  provinceCode: z.string(),
  provinceName: z.string(),
  agencyCode: z.string(),
});

export const communePatchBody = z.object({ agencyCode: agencyCodeSchema });

const villageName = z
  .string()
  .trim()
  .min(1, { message: bilingual('Tên thôn không được để trống', 'The village name is required') })
  .max(100, { message: bilingual('Tên thôn tối đa 100 ký tự', 'The village name is at most 100 characters') });

export const villageCreateBody = z.object({
  name: villageName,
  kind: z.enum(villageKinds),
  contactPhone: phoneSchema.nullable().optional(),
});

export const villagePatchBody = villageCreateBody
  .partial()
  .refine((b) => Object.keys(b).length > 0, {
    message: bilingual('Cần ít nhất một trường để cập nhật', 'At least one field to update is required'),
  });

/** Public list: names only. Staff of the commune also get the contact phone. */
export const villageListResponse = z.object({
  items: z.array(
    z.object({ id: z.string(), name: z.string(), kind: z.enum(villageKinds), contactPhone: z.string().nullable().optional() }),
  ),
});

export const villageResponse = z.object({
  id: z.string(),
  communeCode: z.string(),
  name: z.string(),
  kind: z.enum(villageKinds),
  contactPhone: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
