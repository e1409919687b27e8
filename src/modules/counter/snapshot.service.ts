import type { AppDeps } from '../../platform/http';
import { toLocalDate } from '../../shared/calendar';
import { requireCommuneRef } from '../admin-units';
import { listQueueGroups } from './config.service';
import type { QueueSnapshot } from './counter.contracts';
import * as repo from './counter.repo';
import type { QueueTicketRow } from './counter.schema';

export const toCurrent = (t: QueueTicketRow) => ({ id: t.id, number: t.number, groupKey: t.groupKey, calledAt: (t.calledAt ?? t.createdAt).toISOString(), recalls: t.recalls });

/** Today's queue of a commune: waiting per group, the number at each counter, the last calls. Numbers only. */
export async function getQueueSnapshot(deps: AppDeps, communeCode: string): Promise<QueueSnapshot> {
  requireCommuneRef(communeCode);
  const day = toLocalDate(deps.now());
  const [groups, waiting, counters, called, recent] = [
    await listQueueGroups(deps, communeCode),
    await repo.countWaitingByGroup(deps.db, communeCode, day),
    await repo.selectCounters(deps.db, communeCode),
    await repo.selectCalledTickets(deps.db, communeCode, day),
    await repo.recentCalls(deps.db, communeCode, day, 6),
  ];
  const byCounter = new Map(called.map((t) => [t.counterId, t]));
  const counterById = new Map(counters.map((c) => [c.id, c]));
  return {
    communeCode,
    day,
    groups: groups.map((g) => ({ ...g, waiting: waiting.get(g.key) ?? 0 })),
    counters: counters.map((c) => {
      const t = byCounter.get(c.id);
      return { id: c.id, number: c.number, name: c.name, groupKeys: c.groupKeys, current: t ? toCurrent(t) : null };
    }),
    recentCalls: recent.flatMap((t) => {
      const c = t.counterId ? counterById.get(t.counterId) : undefined;
      return c && t.calledAt ? [{ number: t.number, counterNumber: c.number, counterName: c.name, at: t.calledAt.toISOString() }] : [];
    }),
  };
}
