import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { procedureFormSchema } from './procedure-form';
import { procedureLevels, resultKinds, serviceGroups, verifiableFacts, type Procedure } from './procedure-types';

/**
 * The committed catalogue (data/procedures.json; provenance in procedures.SOURCE.md and
 * docs/decisions/0003). Validated on load so a bad edit fails at start, not at a citizen.
 */
const entrySchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  field: z.string().min(1),
  level: z.enum(procedureLevels),
  processingDays: z.number().int().min(0),
  feeVnd: z.number().int().min(0),
  requiredDocuments: z.array(z.string().min(1)),
  resultKind: z.enum(resultKinds),
  serviceGroup: z.enum(serviceGroups),
  unverified: z.array(z.enum(verifiableFacts)),
  notes: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  form: procedureFormSchema,
});

export const catalogueSchema = z.array(entrySchema).superRefine((entries, ctx) => {
  const codes = entries.map((e) => e.code);
  if (new Set(codes).size !== codes.length) ctx.addIssue({ code: 'custom', message: 'duplicate procedure code' });
});

const dataFile = new URL('../../../data/procedures.json', import.meta.url);

export function loadCatalogue(): Procedure[] {
  const parsed = catalogueSchema.safeParse(JSON.parse(readFileSync(dataFile, 'utf8')));
  if (!parsed.success) {
    throw new Error(`data/procedures.json is invalid: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
