import { z } from 'zod';
import { bilingual } from '../../platform/errors';
import { formFieldTypes } from './procedure-form';
import { procedureLevels, resultKinds, serviceGroups, verifiableFacts } from './procedure-types';

const communeCode = z.string().regex(/^\d{5}$/, { message: bilingual('Mã xã/phường gồm 5 chữ số', 'A commune code has 5 digits') });
const procedureCode = z.string().min(1).max(32);

export const searchQuery = z.object({
  q: z.string().max(200).optional().default(''),
  communeCode: communeCode.optional(),
});

export const procedureParams = z.object({ code: procedureCode });
export const communeParams = z.object({ communeCode });
export const communeProcedureParams = z.object({ communeCode, code: procedureCode });

const summaryShape = {
  code: z.string(),
  name: z.string(),
  field: z.string(),
  level: z.enum(procedureLevels),
  processingDays: z.number().int(),
  feeVnd: z.number().int(),
};

export const searchResponse = z.object({ items: z.array(z.object(summaryShape)) });

const formField = z.object({
  key: z.string(),
  label: z.string(),
  labelEn: z.string(),
  help: z.string().optional(),
  type: z.enum(formFieldTypes),
  required: z.boolean(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  accept: z.string().optional(),
});

export const procedureResponse = z.object({
  ...summaryShape,
  requiredDocuments: z.array(z.string()),
  resultKind: z.enum(resultKinds),
  serviceGroup: z.enum(serviceGroups),
  unverified: z.array(z.enum(verifiableFacts)),
  notes: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  form: z.object({
    steps: z.array(z.object({ title: z.string(), titleEn: z.string().optional(), fieldKeys: z.array(z.string()) })).optional(),
    fields: z.array(formField),
  }),
});

const communeShape = {
  offered: z.boolean(),
  national: z.object({ processingDays: z.number().int(), feeVnd: z.number().int() }),
  override: z.object({ processingDays: z.number().int().nullable(), feeVnd: z.number().int().nullable() }),
};

export const communeProcedureItem = z.object({ ...summaryShape, ...communeShape });
export const communeProceduresResponse = z.object({ items: z.array(communeProcedureItem) });
export const effectiveProcedureResponse = procedureResponse.extend({ communeCode: z.string(), ...communeShape });

const nonNegativeInt = (max: number, vi: string, en: string) =>
  z.number().int({ message: bilingual(`${vi} phải là số nguyên`, `${en} must be a whole number`) })
    .min(0, { message: bilingual(`${vi} không được âm`, `${en} cannot be negative`) })
    .max(max, { message: bilingual(`${vi} quá lớn`, `${en} is too large`) });

/** Omitted: unchanged. null: back to the national value. */
export const overrideBody = z.object({
  offered: z.boolean().optional(),
  feeVnd: nonNegativeInt(100_000_000, 'Lệ phí', 'The fee').nullable().optional(),
  processingDays: nonNegativeInt(365, 'Thời hạn giải quyết', 'The processing time').nullable().optional(),
}).strict();
