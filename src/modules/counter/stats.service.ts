import type { AppDeps } from '../../platform/http';
import * as repo from './counter.repo';

export interface QueueStatsRow {
  day: string;
  groupKey: string;
  tickets: number;
  called: number;
  served: number;
  skipped: number;
  /** Mean wait from taking the ticket to the first call; null when nobody was called. */
  avgWaitSeconds: number | null;
  maxWaitSeconds: number;
  /** Mean time at the counter from the (last) call to "served"; null when nobody was served. */
  avgServiceSeconds: number | null;
}

/**
 * Waiting and service times per service group and per local day [from, to], for the
 * indicators (kept by every queue operation in queue_daily_stats).
 */
export async function getQueueStats(deps: AppDeps, communeCode: string, from: string, to: string): Promise<QueueStatsRow[]> {
  const rows = await repo.selectStats(deps.db, communeCode, from, to);
  return rows.map((r) => ({
    day: r.day, groupKey: r.groupKey, tickets: r.tickets, called: r.called, served: r.served, skipped: r.skipped,
    avgWaitSeconds: r.called ? Math.round(Number(r.waitSecondsTotal) / r.called) : null,
    maxWaitSeconds: r.waitSecondsMax,
    avgServiceSeconds: r.served ? Math.round(Number(r.serviceSecondsTotal) / r.served) : null,
  }));
}
