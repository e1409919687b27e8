import { z } from 'zod';

export const portalQuery = z.object({ communeCode: z.string().regex(/^\d{5}$/).optional() });

const summary = z.object({
  code: z.string(), name: z.string(), field: z.string(), level: z.string(), processingDays: z.number().int(), feeVnd: z.number().int(),
});

export const portalResponse = z.object({
  commune: z.object({ code: z.string(), name: z.string(), provinceName: z.string() }).nullable(),
  popular: z.array(summary),
});
