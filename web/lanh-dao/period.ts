/**
 * Reporting periods are whole local months (Asia/Ho_Chi_Minh), 'YYYY-MM', at most 36 long: the same rule as the
 * server (src/modules/indicators/period.ts), which validates again. Pure helpers for the period picker.
 */
import { MAX_MONTHS, MONTH_PATTERN as MONTH, addMonths, monthsBetween } from '../../src/shared/months';

export { MAX_MONTHS, addMonths, monthsBetween };

/** The current month in Vietnam (UTC+7, no daylight saving) at `now`. */
export function currentMonth(now: Date): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 7);
}

/** The months a picker offers: the last MAX_MONTHS up to the current one, newest first. */
export function monthChoices(now: Date, count = MAX_MONTHS): string[] {
  const last = currentMonth(now);
  return Array.from({ length: count }, (_, i) => addMonths(last, -i));
}

/** The last `n` months up to the current one. */
export function lastMonths(now: Date, n: number): { from: string; to: string } {
  const to = currentMonth(now);
  return { from: addMonths(to, -(n - 1)), to };
}

export type PeriodProblem = 'from_after_to' | 'too_long' | 'bad_month';

export function checkPeriod(from: string, to: string): PeriodProblem | null {
  if (!MONTH.test(from) || !MONTH.test(to)) return 'bad_month';
  if (from > to) return 'from_after_to';
  if (monthsBetween(from, to) > MAX_MONTHS) return 'too_long';
  return null;
}

/** The period in a page's query (?tu=YYYY-MM&den=YYYY-MM); anything malformed is dropped (the server default applies). */
export function periodFromQuery(q: URLSearchParams): { from?: string; to?: string } {
  const from = q.get('tu') ?? undefined;
  const to = q.get('den') ?? undefined;
  return { from: from && MONTH.test(from) ? from : undefined, to: to && MONTH.test(to) ? to : undefined };
}

export function periodQuery(p: { from?: string; to?: string }): string {
  const q = new URLSearchParams();
  if (p.from) q.set('tu', p.from);
  if (p.to) q.set('den', p.to);
  const s = q.toString();
  return s ? `?${s}` : '';
}
