/**
 * Vietnamese sort order. PGlite has no ICU, so SQL ORDER BY on names is byte order
 * (stack notes C5): human-facing lists are sorted here instead.
 */
const collator = new Intl.Collator('vi', { numeric: true });

export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

export function sortByVietnamese<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((x, y) => compareVietnamese(key(x), key(y)));
}
