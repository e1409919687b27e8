import type { AppDeps } from '../src/platform/http';
import { buildCommuneDashboard, buildProvinceDashboard } from '../src/modules/indicators';
import type { Reader } from '../src/modules/indicators/aggregates.repo';

/**
 * One dashboard, two readers: the incrementally maintained aggregates (subject) and the naive
 * GROUP BY over the raw tables (ceiling), on the same data in the same run, and whether they give
 * the same figures.
 */
export interface Timing {
  median: number;
  min: number;
  runs: number[];
}

export interface DashboardMeasure {
  label: string;
  fast: Timing;
  naive: Timing;
  same: boolean;
}

export interface DashboardPlan {
  label: string;
  build: (reader: Reader) => Promise<unknown>;
  runs: number;
  /** The naive reader takes seconds to minutes at full scale: few runs, and the province's without a warm-up. */
  naiveRuns: number;
  naiveWarmup: number;
}

export const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString('en')} ms`;

async function time(fn: () => Promise<unknown>, runs: number, warmup: number): Promise<{ t: Timing; last: unknown }> {
  let last: unknown;
  for (let i = 0; i < warmup; i++) last = await fn();
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await fn();
    all.push(performance.now() - t0);
  }
  const sorted = [...all].sort((a, b) => a - b);
  return { t: { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, runs: all }, last };
}

/** The two readers must give the same dashboard, apart from the moment it was made. */
export function sameFigures(a: unknown, b: unknown): boolean {
  const strip = (x: unknown) => JSON.stringify(x, (k, v) => (k === 'asOf' ? undefined : v));
  return strip(a) === strip(b);
}

/** The aggregates reader is timed first (warm-up 1), then the naive one; their last answers are compared. */
export async function measureDashboard(p: DashboardPlan): Promise<DashboardMeasure> {
  const fast = await time(() => p.build('aggregates'), p.runs, 1);
  const naive = await time(() => p.build('naive'), p.naiveRuns, p.naiveWarmup);
  return { label: p.label, fast: fast.t, naive: naive.t, same: sameFigures(fast.last, naive.last) };
}

export function dashboardPlans(deps: AppDeps, province: string, communes: string[], commune: string, period: { from: string; to: string }, quick: boolean): DashboardPlan[] {
  return [
    {
      label: `Commune dashboard (${commune}, ${period.from}…${period.to})`,
      build: (r) => buildCommuneDashboard(deps, commune, period, r), runs: 9, naiveRuns: 3, naiveWarmup: 1,
    },
    {
      label: `Province dashboard (${province}, ${communes.length} communes, ${period.from}…${period.to})`,
      build: (r) => buildProvinceDashboard(deps, province, period, r), runs: 9, naiveRuns: 1, naiveWarmup: quick ? 1 : 0,
    },
  ];
}
