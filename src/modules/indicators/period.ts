import { toLocalDate } from '../../shared/calendar';
import { MAX_MONTHS, addMonths, monthsBetween } from '../../shared/months';
import type { MonthRange } from './measures';

/** Reporting periods are whole local months (Asia/Ho_Chi_Minh), 'YYYY-MM'. Pure helpers. */
export { MONTH_PATTERN, MAX_MONTHS, addMonths, monthsBetween } from '../../shared/months';

export function listMonths(from: string, to: string): string[] {
  const n = monthsBetween(from, to);
  return Array.from({ length: Math.max(0, n) }, (_, i) => addMonths(from, i));
}

export function currentMonth(now: Date): string {
  return toLocalDate(now).slice(0, 7);
}

export type PeriodProblem = 'from_after_to' | 'too_long';

/** The period asked for, defaulting to the 12 months up to the current one; or what is wrong with it. */
export function resolvePeriod(now: Date, from?: string, to?: string): { from: string; to: string } | PeriodProblem {
  const end = to ?? (from ? addMonths(from, 11) : currentMonth(now));
  const start = from ?? addMonths(end, -11);
  if (start > end) return 'from_after_to';
  if (monthsBetween(start, end) > MAX_MONTHS) return 'too_long';
  return { from: start, to: end };
}

export function toMonthRange(p: { from: string; to: string }): MonthRange {
  return { from: `${p.from}-01`, to: `${p.to}-01` };
}

/** 'dd/MM/yyyy' of the first and last day of the period, as printed on reports. */
export function describePeriod(p: { from: string; to: string }): { first: string; last: string } {
  const [fy, fm] = p.from.split('-');
  const next = addMonths(p.to, 1);
  const lastDay = new Date(Date.UTC(Number(next.slice(0, 4)), Number(next.slice(5, 7)) - 1, 0)).getUTCDate();
  const [ty, tm] = p.to.split('-');
  return { first: `01/${fm}/${fy}`, last: `${String(lastDay).padStart(2, '0')}/${tm}/${ty}` };
}
