import { z } from 'zod';
import { bilingual } from '../../shared/bilingual';
import { bi, indicatorValue, num } from './contract-kit';
import { sourcePanel } from './panels.contracts';
import { MONTH_PATTERN } from './period';

/** The shape of each source panel's `data` (payments, satisfaction, counter, teams, readiness) for the dashboards. */
export * from './panels.contracts';
export { indicatorValue };

/** Request and response schemas of the indicator endpoints: the response schemas are the presenters. */
const month = z.string().regex(MONTH_PATTERN, { message: bilingual('Tháng có dạng YYYY-MM, ví dụ 2026-10', 'A month is YYYY-MM, e.g. 2026-10') });

export const periodQuery = z.object({ from: month.optional(), to: month.optional() }).strict();
export const reportQuery = z.object({ from: month.optional(), to: month.optional(), lang: z.enum(['vi', 'en']).default('vi') }).strict();
export const overdueQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
}).strict();

export const communeParams = z.object({
  communeCode: z.string().regex(/^\d{5}$/, { message: bilingual('Mã xã gồm 5 chữ số', 'The commune code has 5 digits') }),
});
export const provinceParams = z.object({
  provinceCode: z.string().regex(/^\d{2}$/, { message: bilingual('Mã tỉnh gồm 2 chữ số', 'The province code has 2 digits') }),
});

const period = z.object({ from: z.string(), to: z.string(), months: z.array(z.string()), first: z.string(), last: z.string() });
const freshness = z.object({ mode: z.literal('live'), asOf: z.string(), lastChangeAt: z.string().nullable(), note: bi });

const trendPoint = z.object({
  month: z.string(), submitted: z.number(), online: z.number(), fullOnline: z.number(), partialOnline: z.number(),
  assisted: z.number(), onlineShare: num, fullOnlineShare: num, assistedShare: num, resolved: z.number(), early: z.number(),
  onTime: z.number(), late: z.number(), onTimeOrEarlyShare: num, avgProcessingDays: num, apologies: z.number(),
});
const trend = z.object({ target: z.object({ onlineShare: z.number(), source: z.string() }), points: z.array(trendPoint) });

const figures = {
  submitted: z.number(), online: z.number(), onlineShare: num, fullOnlineShare: num, assisted: z.number(), assistedShare: num,
  resolved: z.number(), onTimeOrEarlyShare: num, lateShare: num, avgProcessingDays: num, apologies: z.number(),
};


const indexComponent = z.object({
  id: z.string(), name: bi, maxPoints: num, status: z.enum(['computed', 'not_measured_here', 'no_data_yet', 'no_dossiers']),
  rate: num, points: num, formula: bi, source: z.string(),
});
const index766 = z.object({
  groups: z.array(z.object({ id: z.string(), name: bi, maxPoints: z.number(), components: z.array(indexComponent) })),
  totalMax: z.literal(100), score: z.number(), measuredMax: z.number(), notMeasuredMax: z.number(), note: bi,
});

export const overdueItem = z.object({
  code: z.string(), procedureCode: z.string(), procedureName: z.string(), villageName: z.string().nullable(), status: z.string(),
  applicantName: z.string(), dueAt: z.string(), workingDaysOverdue: z.number(), reappointed: z.boolean(),
});

export const communeDashboard = z.object({
  scope: z.object({ kind: z.literal('commune'), communeCode: z.string(), communeName: z.string(), provinceCode: z.string(), provinceName: z.string() }),
  period, freshness, headline: z.array(indicatorValue), trend,
  villages: z.array(z.object({ villageId: z.string().nullable(), name: z.string().nullable(), overdueNow: z.number(), ...figures })),
  procedures: z.array(z.object({ code: z.string(), name: z.string(), field: z.string(), level: z.string(), ...figures })),
  overdue: z.object({ count: z.number(), items: z.array(overdueItem) }),
  panels: z.array(sourcePanel),
  index766,
});

export const provinceDashboard = z.object({
  scope: z.object({ kind: z.literal('province'), provinceCode: z.string(), provinceName: z.string(), communeCount: z.number() }),
  period, freshness, headline: z.array(indicatorValue), trend,
  communes: z.array(z.object({ communeCode: z.string(), communeName: z.string(), overdueNow: z.number(), rank: num, ...figures })),
  panels: z.array(sourcePanel),
});

export const overdueList = z.object({ count: z.number(), items: z.array(overdueItem), freshness });

export const definitionsResponse = z.object({
  indicators: z.array(z.object({ id: z.string(), label: bi, unit: z.string(), formula: bi, source: z.string() })),
  onlineTarget: z.object({ percent: z.number(), source: z.string() }),
});

/** Open data: headline figures of a commune, counts and shares only, nothing about a person. */
export const publicFigures = z.object({
  communeCode: z.string(), communeName: z.string(), provinceName: z.string(),
  period, freshness, indicators: z.array(indicatorValue),
  months: z.array(z.object({ month: z.string(), submitted: z.number(), online: z.number(), onlineShare: num, resolved: z.number(), onTimeOrEarlyShare: num })),
  licence: z.string(),
});
