import { z } from 'zod';
import { bi, indicatorValue, num } from './contract-kit';

/**
 * The `data` of each source panel, strict, so the dashboards can draw every panel from `indicators` + `data`
 * without guessing (issue 6). Shares are percents with one decimal (null: nothing to divide by), durations are
 * minutes with one decimal, months are 'YYYY-MM' and days 'YYYY-MM-DD' (Asia/Ho_Chi_Minh). Every list of months
 * covers the whole period, zeros included; other lists hold only what has data. A commune panel breaks figures down
 * by village and procedure (or service group, member…); a province panel puts the communes side by side.
 */
const month = z.string();
const villageKey = { villageId: z.string().nullable(), name: z.string().nullable() };
const communeKey = { communeCode: z.string(), communeName: z.string() };

// Payments (QĐ 766 indicator 3.6): fee-bearing dossiers by the month they were submitted.
const paymentFigures = { feeBearing: z.number(), paidOnline: z.number(), paidAtCounter: z.number(), unpaid: z.number(), paidOnlineShare: num };
const amountsVnd = z.object({ paidOnline: z.number(), paidAtCounter: z.number() }).strict();
export const paymentsCommuneData = z.object({
  months: z.array(z.object({ month, ...paymentFigures }).strict()),
  villages: z.array(z.object({ ...villageKey, ...paymentFigures }).strict()),
  procedures: z.array(z.object({ code: z.string(), name: z.string(), ...paymentFigures }).strict()),
  amountsVnd,
}).strict();
export const paymentsProvinceData = z.object({
  months: z.array(z.object({ month, ...paymentFigures }).strict()),
  communes: z.array(z.object({ ...communeKey, ...paymentFigures }).strict()),
  amountsVnd,
}).strict();

// Satisfaction (ND 61/2018 Art. 31): ratings by the month they were given; satisfied = 4–5 of 5, dislike = 1–2.
const ratingFigures = {
  ratings: z.number(), satisfied: z.number(), satisfactionRate: num, dislikes: z.number(), dislikeShare: num,
  averageOverall: num, comments: z.number(), extraPaymentReports: z.number(),
};
const criterion = z.object({
  key: z.string(), article: z.string(), label: bi, answered: z.number(), satisfied: z.number(), rate: num,
}).strict();
const procedureRating = z.object({ code: z.string(), name: z.string(), ...ratingFigures }).strict();
const scale = z.object({ max: z.literal(5), satisfiedFrom: z.literal(4), dislikeAtMost: z.literal(2), worstMinRatings: z.number() }).strict();
export const satisfactionCommuneData = z.object({
  scale,
  criteria: z.array(criterion),
  months: z.array(z.object({ month, ...ratingFigures }).strict()),
  villages: z.array(z.object({ ...villageKey, ...ratingFigures }).strict()),
  /** Every rated procedure, worst satisfaction rate first. */
  procedures: z.array(procedureRating),
  /** The worst, among procedures with at least `scale.worstMinRatings` ratings (at most 5). */
  worstProcedures: z.array(procedureRating),
}).strict();
export const satisfactionProvinceData = z.object({
  scale,
  criteria: z.array(criterion),
  months: z.array(z.object({ month, ...ratingFigures }).strict()),
  communes: z.array(z.object({ ...communeKey, ...ratingFigures }).strict()),
  worstProcedures: z.array(procedureRating),
}).strict();

// Counter queue: waiting (ticket → first call) and service (last call → served) times.
const queueFigures = {
  tickets: z.number(), called: z.number(), served: z.number(), skipped: z.number(),
  avgWaitMinutes: num, maxWaitMinutes: num, avgServiceMinutes: num,
};
export const counterCommuneData = z.object({
  months: z.array(z.object({ month, ...queueFigures }).strict()),
  groups: z.array(z.object({ groupKey: z.string(), name: bi, ...queueFigures }).strict()),
  days: z.array(z.object({ day: z.string(), ...queueFigures }).strict()),
}).strict();
export const counterProvinceData = z.object({
  months: z.array(z.object({ month, ...queueFigures }).strict()),
  communes: z.array(z.object({ ...communeKey, ...queueFigures }).strict()),
}).strict();

// Team work (support log): acts by month, day, kind, place, outcome, member and village; campaign progress.
const activity = { acts: z.number(), done: z.number(), peopleHelped: z.number(), householdsVisited: z.number(), minutes: z.number() };
const counted = { label: bi, acts: z.number(), done: z.number() };
const campaign = z.object({
  id: z.string(), communeCode: z.string(), name: z.string(), startsOn: z.string(), endsOn: z.string(),
  status: z.enum(['upcoming', 'running', 'ended']),
  totals: z.array(z.object({ metric: z.string(), label: bi, target: z.number(), achieved: z.number(), percent: num }).strict()),
}).strict();
const teamStrength = { teams: z.number(), members: z.number() };
export const teamsCommuneData = z.object({
  team: z.object(teamStrength).strict(),
  months: z.array(z.object({ month, ...activity }).strict()),
  days: z.array(z.object({ day: z.string(), ...activity }).strict()),
  kinds: z.array(z.object({ kind: z.string(), ...counted }).strict()),
  places: z.array(z.object({ place: z.string(), ...counted }).strict()),
  outcomes: z.array(z.object({ outcome: z.string(), ...counted }).strict()),
  /** Staff dashboards only: the member's name as logged (never on the open-data page). */
  members: z.array(z.object({ memberId: z.string(), name: z.string(), ...activity }).strict()),
  villages: z.array(z.object({ ...villageKey, ...activity }).strict()),
  campaigns: z.array(campaign),
}).strict();
export const teamsProvinceData = z.object({
  months: z.array(z.object({ month, ...activity }).strict()),
  days: z.array(z.object({ day: z.string(), ...activity }).strict()),
  kinds: z.array(z.object({ kind: z.string(), ...counted }).strict()),
  communes: z.array(z.object({ ...communeKey, ...teamStrength, ...activity }).strict()),
  campaigns: z.array(campaign),
}).strict();

// Readiness (household registry, as of now): the funnel of adults, smartphones and fibre.
const funnelStep = z.object({
  step: z.enum(['no_device', 'smartphone', 'vneid_level2', 'portal_account', 'online_once', 'on_their_own']),
  label: bi,
  /** Adults at this step having passed every step before it ('no_device' stands alone). */
  count: z.number(),
  share: num,
  /** Adults meeting this step's criterion whatever the steps before. */
  alone: z.number(),
}).strict();
const readinessFigures = {
  households: z.number(), fibreHouseholds: z.number(), fibreShare: num, adults: z.number(), smartphoneShare: num,
  basicPhone: z.number(), notRecorded: z.number(), funnel: z.array(funnelStep),
};
export const readinessCommuneData = z.object({
  asOf: z.string(), adultAge: z.number(), ...readinessFigures,
  villages: z.array(z.object({ ...villageKey, ...readinessFigures }).strict()),
}).strict();
export const readinessProvinceData = z.object({
  asOf: z.string(), adultAge: z.number(), ...readinessFigures,
  communes: z.array(z.object({ ...communeKey, ...readinessFigures }).strict()),
}).strict();

const panelBase = {
  label: bi, status: z.enum(['ok', 'no_data_yet']), reason: bi.nullable(), indicators: z.array(indicatorValue), freshAt: z.string().nullable(),
};
const panel = <I extends string, D extends z.ZodTypeAny>(id: I, data: D) => z.object({ id: z.literal(id), ...panelBase, data: data.nullable() }).strict();

/** One panel of a commune dashboard; `data` is null when status is 'no_data_yet'. */
export const communeSourcePanel = z.discriminatedUnion('id', [
  panel('payments', paymentsCommuneData), panel('satisfaction', satisfactionCommuneData), panel('counter', counterCommuneData),
  panel('teams', teamsCommuneData), panel('readiness', readinessCommuneData),
]);
/** One panel of a province dashboard: the communes side by side. */
export const provinceSourcePanel = z.discriminatedUnion('id', [
  panel('payments', paymentsProvinceData), panel('satisfaction', satisfactionProvinceData), panel('counter', counterProvinceData),
  panel('teams', teamsProvinceData), panel('readiness', readinessProvinceData),
]);
/**
 * What both dashboards declare for `panels`: a commune panel or a province panel, each strict. One type for
 * both, so a client can draw either with the same component; narrow by `id` and by the dashboard it came from.
 */
export const sourcePanel = z.union([communeSourcePanel, provinceSourcePanel]);

export type PaymentsCommuneData = z.infer<typeof paymentsCommuneData>;
export type PaymentsProvinceData = z.infer<typeof paymentsProvinceData>;
export type SatisfactionCommuneData = z.infer<typeof satisfactionCommuneData>;
export type SatisfactionProvinceData = z.infer<typeof satisfactionProvinceData>;
export type CounterCommuneData = z.infer<typeof counterCommuneData>;
export type CounterProvinceData = z.infer<typeof counterProvinceData>;
export type TeamsCommuneData = z.infer<typeof teamsCommuneData>;
export type TeamsProvinceData = z.infer<typeof teamsProvinceData>;
export type ReadinessCommuneData = z.infer<typeof readinessCommuneData>;
export type ReadinessProvinceData = z.infer<typeof readinessProvinceData>;
