import { z } from 'zod';
import { bilingual } from '../../shared/bilingual';

const score = z.number().int().min(1, { message: bilingual('Chọn từ 1 đến 5 sao', 'Pick 1 to 5 stars') })
  .max(5, { message: bilingual('Chọn từ 1 đến 5 sao', 'Pick 1 to 5 stars') });

export const ratingBody = z.object({
  overall: score,
  timeliness: score.nullable().optional(),
  information: score.nullable().optional(),
  staffConduct: score.nullable().optional(),
  lawfulness: score.nullable().optional(),
  feedbackHandling: score.nullable().optional(),
  onlineService: score.nullable().optional(),
  agenciesContacted: z.number().int().min(1).max(3).nullable().optional(),
  visits: z.number().int().min(0).max(2).nullable().optional(),
  extraPayment: z.boolean().nullable().optional(),
  comment: z.string().trim().max(2000, { message: bilingual('Góp ý tối đa 2000 ký tự', 'At most 2000 characters') }).optional(),
}).strict();
export type RatingBody = z.infer<typeof ratingBody>;

const nullableInt = z.number().int().nullable();

export const ratingView = z.object({
  dossierCode: z.string(),
  procedureCode: z.string(),
  overall: z.number().int(),
  timeliness: nullableInt, information: nullableInt, staffConduct: nullableInt, lawfulness: nullableInt,
  feedbackHandling: nullableInt, onlineService: nullableInt, agenciesContacted: nullableInt, visits: nullableInt,
  extraPayment: z.boolean().nullable(),
  comment: z.string().nullable(),
  ratedAt: z.string(),
});
export type RatingView = z.infer<typeof ratingView>;

export const ratingsQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ratingsSummary = z.object({
  count: z.number().int(),
  averageOverall: z.number().nullable(),
  dislikes: z.number().int(),
  extraPaymentReports: z.number().int(),
  averages: z.record(z.string(), z.number().nullable()),
});

export const ratingsResponse = z.object({ summary: ratingsSummary, items: z.array(ratingView) });

export const criteriaResponse = z.object({
  criteria: z.array(z.object({ key: z.string(), article: z.string(), vi: z.string(), en: z.string() })),
  scale: z.array(z.object({ value: z.number(), vi: z.string(), en: z.string() })),
});
