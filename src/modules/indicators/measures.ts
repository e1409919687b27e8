/** Summed counters of a scope (commune, village, procedure, month…) over a period. Pure types and helpers. */
export interface Totals {
  /** Dossiers submitted in the period (by submission day, Asia/Ho_Chi_Minh). */
  submitted: number;
  /** Of them: online (channel 2, KenhThucHien), of a full-online procedure, filed by a volunteer. */
  online: number;
  fullOnline: number;
  assisted: number;
  /** Of them: of a procedure with a fee. */
  feeBearing: number;
  /** Dossiers received in the period, and of them online. */
  received: number;
  receivedOnline: number;
  /** Received dossiers whose processing ended in the period (766 §2.1), by timeliness. */
  resolved: number;
  early: number;
  onTime: number;
  late: number;
  /** Of the resolved: ended with a result; the sum of their processing times in working days. */
  withResult: number;
  processingWdSum: number;
  /** Apology letters (reappointments) issued in the period. */
  apologies: number;
  /** Last change to any counter of the scope. */
  updatedAt: Date | null;
}

export interface MonthRange {
  /** First day of the first month, 'YYYY-MM-01'. */
  from: string;
  /** First day of the last month, 'YYYY-MM-01'. */
  to: string;
}

export function emptyTotals(): Totals {
  return {
    submitted: 0, online: 0, fullOnline: 0, assisted: 0, feeBearing: 0, received: 0, receivedOnline: 0, resolved: 0,
    early: 0, onTime: 0, late: 0, withResult: 0, processingWdSum: 0, apologies: 0, updatedAt: null,
  };
}

/** A share in percent with one decimal, or null when there is nothing to divide by. */
export function percent(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}

/** A mean with one decimal, or null without observations. */
export function mean(sum: number, count: number): number | null {
  if (count <= 0) return null;
  return Math.round((sum / count) * 10) / 10;
}

/** Later of two freshness instants (null = never changed). */
export function latest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a.getTime() >= b.getTime() ? a : b;
}

/** Adds `b` into `a` (counters summed, freshness the later of the two). */
export function addInto(a: Totals, b: Totals): void {
  for (const k of Object.keys(a) as (keyof Totals)[]) {
    if (k === 'updatedAt') a.updatedAt = latest(a.updatedAt, b.updatedAt);
    else a[k] += b[k];
  }
}
