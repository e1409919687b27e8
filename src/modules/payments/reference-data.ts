import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { FeeCondition } from './payments.schema';

/** data/vietqr-banks.json (see its SOURCE note): NAPAS members by BIN. */
const bankSchema = z.array(z.object({ bin: z.string().regex(/^\d{6}$/), code: z.string(), shortName: z.string(), name: z.string(), vietQr: z.string() }));
export type Bank = z.infer<typeof bankSchema>[number];

let banks: Map<string, Bank> | undefined;

export function findBank(bin: string): Bank | undefined {
  banks ??= new Map(bankSchema.parse(JSON.parse(readFileSync(new URL('../../../data/vietqr-banks.json', import.meta.url), 'utf8'))).map((b) => [b.bin, b]));
  return banks.get(bin);
}

export function listBanks(): Bank[] {
  findBank('');
  return [...banks!.values()];
}

export const feeConditionSchema: z.ZodType<FeeCondition> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('always') }),
  z.object({ type: z.literal('channel'), channel: z.enum(['online', 'in_person', 'post']) }),
  z.object({ type: z.literal('date_field_within_days'), field: z.string().min(1).max(64), days: z.number().int().min(0).max(3650) }),
  z.object({ type: z.literal('field_equals'), field: z.string().min(1).max(64), value: z.string().max(200) }),
]);

/** data/fee-rules.json (see its SOURCE note): the exemptions set by law. */
const shippedRuleSchema = z.array(z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  procedureCodes: z.array(z.string()).min(1),
  kind: z.enum(['exemption', 'reduction']),
  percent: z.number().int().min(1).max(100),
  condition: feeConditionSchema,
  reasonVi: z.string().min(1),
  reasonEn: z.string().min(1),
  legalBasis: z.string().min(1),
  validFrom: z.string().optional(),
  validTo: z.string().optional(),
}));

export function loadShippedFeeRules() {
  return shippedRuleSchema.parse(JSON.parse(readFileSync(new URL('../../../data/fee-rules.json', import.meta.url), 'utf8')));
}
