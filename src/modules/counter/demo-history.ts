import type { AppDeps } from '../../platform/http';
import { addDays, isWorkingDay, makeLocalInstant, toLocalDate } from '../../shared/calendar';
import { DEMO_COMMUNE_CODE } from '../admin-units';
import { getWorkingCalendar } from '../calendar';
import * as repo from './counter.repo';
import { queueTickets } from './counter.schema';
import { DEFAULT_QUEUE_GROUPS, formatTicketNumber, secondsBetween } from './queue-rules';

/** Seeded PRNG (mulberry32): the same demo history on every machine. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Tickets per group on a working day at a small commune's one-stop office (illustrative). */
const DAILY_LOAD: Record<string, number> = { ho_tich: 12, chung_thuc: 16, dat_dai: 4, cu_tru: 5, khac: 2 };
const DAYS = 20;

/**
 * The last 20 working days of the demo commune's queue: finished tickets and their
 * daily statistics, so the indicators have waiting times to show. Today stays empty.
 */
export async function seedDemoQueueHistory(deps: AppDeps): Promise<void> {
  const today = toLocalDate(deps.now());
  if ((await repo.selectStats(deps.db, DEMO_COMMUNE_CODE, addDays(today, -60), today)).length > 0) return;
  const calendar = await getWorkingCalendar(deps, DEMO_COMMUNE_CODE);
  const rnd = random(20250701);
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const days: string[] = [];
  for (let d = addDays(today, -1); days.length < DAYS; d = addDays(d, -1)) if (isWorkingDay(d, calendar)) days.push(d);
  for (const day of days) {
    const rows: (typeof queueTickets.$inferInsert)[] = [];
    for (const g of DEFAULT_QUEUE_GROUPS) {
      const n = Math.max(0, (DAILY_LOAD[g.key] ?? 2) + int(-3, 3));
      for (let seq = 1; seq <= n; seq++) {
        const createdAt = makeLocalInstant(day, 7 * 60 + 30 + Math.floor(((seq - 1) / n) * 8 * 60) + int(0, 20));
        const calledAt = new Date(createdAt.getTime() + int(2, 35) * 60_000);
        const skipped = rnd() < 0.07;
        const finishedAt = new Date(calledAt.getTime() + (skipped ? 2 : int(4, 20)) * 60_000);
        rows.push({
          id: crypto.randomUUID(), communeCode: DEMO_COMMUNE_CODE, groupKey: g.key, day, seq, number: formatTicketNumber(g.letter, seq),
          status: skipped ? 'skipped' : 'served', createdAt, calledAt, firstCalledAt: calledAt, finishedAt,
        });
      }
    }
    await deps.db.transaction(async (tx) => {
      if (rows.length) await tx.insert(queueTickets).values(rows);
      for (const r of rows) {
        const served = r.status === 'served';
        await repo.bumpStats(tx, DEMO_COMMUNE_CODE, day, r.groupKey, {
          tickets: 1, called: 1, served: served ? 1 : 0, skipped: served ? 0 : 1,
          waitSeconds: secondsBetween(r.createdAt, r.calledAt!), serviceSeconds: served ? secondsBetween(r.calledAt!, r.finishedAt!) : 0,
        });
      }
    });
  }
}
