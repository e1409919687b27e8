import { z } from 'zod';

/** Small zod pieces shared by the indicator contracts. */
export const bi = z.object({ vi: z.string(), en: z.string() });
export const num = z.number().nullable();

/** One figure with how it was computed (indicator-values.ts IndicatorValue). */
export const indicatorValue = z.object({
  id: z.string(), label: bi, unit: z.enum(['percent', 'count', 'working_days', 'minutes']),
  status: z.enum(['ok', 'no_dossiers', 'no_data_yet']),
  value: num, numerator: num, denominator: num, formula: bi, source: z.string(), note: bi.nullable(),
});
