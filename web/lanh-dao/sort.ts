/**
 * Sorting of the ranking tables: numbers by value, text with the Vietnamese collation (Đ after D, tones ignored
 * first), and rows without a value always last, whichever the direction (a commune with no dossiers is not "best").
 * Stable: equal rows keep their order. Pure.
 */
export type SortDir = 'asc' | 'desc';
export type SortValue = number | string | null | undefined;

// Letters first, then tones (secondary differences): "Sơn Hà" and "Sơn Hạ" never tie, so a reversed sort is the mirror image.
const collator = new Intl.Collator('vi', { numeric: true });

export function compareValues(a: SortValue, b: SortValue, dir: SortDir): number {
  const aMissing = a === null || a === undefined || a === '';
  const bMissing = b === null || b === undefined || b === '';
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  const sign = dir === 'asc' ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return sign * (a - b);
  return sign * collator.compare(String(a), String(b));
}

export function sortRows<T>(rows: readonly T[], value: (row: T) => SortValue, dir: SortDir): T[] {
  return rows
    .map((row, i) => ({ row, i, v: value(row) }))
    .sort((x, y) => compareValues(x.v, y.v, dir) || x.i - y.i)
    .map((x) => x.row);
}
