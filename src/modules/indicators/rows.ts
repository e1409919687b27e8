import { emptyTotals, mean, percent, type Totals } from './measures';

/** Pure builders of the chart and table rows of the dashboards, from summed counters. */
export interface TrendPoint {
  month: string;
  submitted: number;
  online: number;
  fullOnline: number;
  partialOnline: number;
  assisted: number;
  onlineShare: number | null;
  fullOnlineShare: number | null;
  assistedShare: number | null;
  resolved: number;
  early: number;
  onTime: number;
  late: number;
  onTimeOrEarlyShare: number | null;
  avgProcessingDays: number | null;
  apologies: number;
}

export function trendPoint(month: string, t: Totals = emptyTotals()): TrendPoint {
  return {
    month,
    submitted: t.submitted,
    online: t.online,
    fullOnline: t.fullOnline,
    partialOnline: t.online - t.fullOnline,
    assisted: t.assisted,
    onlineShare: percent(t.online, t.submitted),
    fullOnlineShare: percent(t.fullOnline, t.submitted),
    assistedShare: percent(t.assisted, t.submitted),
    resolved: t.resolved,
    early: t.early,
    onTime: t.onTime,
    late: t.late,
    onTimeOrEarlyShare: percent(t.early + t.onTime, t.resolved),
    avgProcessingDays: mean(t.processingWdSum, t.withResult),
    apologies: t.apologies,
  };
}

/** The figures every row of a comparison table carries (village, procedure, commune). */
export interface ScopeFigures {
  submitted: number;
  online: number;
  onlineShare: number | null;
  fullOnlineShare: number | null;
  assisted: number;
  assistedShare: number | null;
  resolved: number;
  onTimeOrEarlyShare: number | null;
  lateShare: number | null;
  avgProcessingDays: number | null;
  apologies: number;
}

export function scopeFigures(t: Totals = emptyTotals()): ScopeFigures {
  return {
    submitted: t.submitted,
    online: t.online,
    onlineShare: percent(t.online, t.submitted),
    fullOnlineShare: percent(t.fullOnline, t.submitted),
    assisted: t.assisted,
    assistedShare: percent(t.assisted, t.submitted),
    resolved: t.resolved,
    onTimeOrEarlyShare: percent(t.early + t.onTime, t.resolved),
    lateShare: percent(t.late, t.resolved),
    avgProcessingDays: mean(t.processingWdSum, t.withResult),
    apologies: t.apologies,
  };
}

/**
 * Ranks rows by a figure, best first; rows without a value come last and share no rank.
 * Equal values share a rank (1, 2, 2, 4).
 */
export function rankBy<T>(rows: T[], value: (r: T) => number | null, higherIsBetter = true): (T & { rank: number | null })[] {
  const sorted = [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === null ? (vb === null ? 0 : 1) : -1;
    return higherIsBetter ? vb - va : va - vb;
  });
  let rank = 0;
  let previous: number | null = null;
  return sorted.map((r, i) => {
    const v = value(r);
    if (v === null) return { ...r, rank: null };
    if (v !== previous) rank = i + 1;
    previous = v;
    return { ...r, rank };
  });
}
