/**
 * Reporting months 'YYYY-MM' (local Asia/Ho_Chi_Minh months), shared by the indicators module and the dashboards:
 * the server validates a period with the same rules the period picker applies.
 */
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** The longest period a dashboard or report covers. */
export const MAX_MONTHS = 36;

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}
