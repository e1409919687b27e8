/** Calendar days 'YYYY-MM-DD' (local dates, no time zone arithmetic needed). Pure. */
export function addDays(day: string, n: number): string {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * Rows per day from the first to the last day present, the missing days made by `empty` (a day without activity is a
 * real zero, and a chart that skipped it would draw a busy week as a busy month). Sorted by day.
 */
export function fillDays<R extends { day: string }>(rows: readonly R[], empty: (day: string) => R): R[] {
  if (!rows.length) return [];
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const sorted = [...byDay.keys()].sort();
  const out: R[] = [];
  for (let day = sorted[0]!; day <= sorted[sorted.length - 1]!; day = addDays(day, 1)) out.push(byDay.get(day) ?? empty(day));
  return out;
}
