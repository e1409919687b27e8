import type { AppDeps } from '../../platform/http';
import { unprocessable } from '../../platform/errors';
import { toLocalDate } from '../../shared/calendar';
import { requireCommuneRef } from '../admin-units';
import { listQueueGroups } from './config.service';
import * as repo from './counter.repo';
import { getQueueBus } from './events';
import { formatTicketNumber } from './queue-rules';
import { getQueueSnapshot } from './snapshot.service';

export interface TakeTicketInput {
  groupKey: string;
  phone?: string;
}

/**
 * The kiosk at the door: a number for the chosen group, and how many wait before it.
 * A retried press with the same Idempotency-Key returns the same ticket.
 */
export async function takeTicket(deps: AppDeps, communeCode: string, input: TakeTicketInput, idempotencyKey?: string) {
  requireCommuneRef(communeCode);
  const group = (await listQueueGroups(deps, communeCode)).find((g) => g.key === input.groupKey);
  if (!group) {
    throw unprocessable('QUEUE_GROUP_UNKNOWN', { vi: 'Nhóm dịch vụ không có ở xã này', en: 'This commune has no such service group' });
  }
  const now = deps.now();
  const day = toLocalDate(now);
  const result = await deps.db.transaction(async (tx) => {
    if (idempotencyKey) {
      const existing = await repo.findTicketByKey(tx, communeCode, idempotencyKey);
      if (existing) return { ticket: existing, ahead: await repo.countWaitingAhead(tx, existing), replayed: true };
    }
    const ahead = (await repo.countWaitingByGroup(tx, communeCode, day)).get(group.key) ?? 0;
    const seq = await repo.nextSequence(tx, communeCode, group.key, day);
    const ticket = {
      id: crypto.randomUUID(), communeCode, groupKey: group.key, day, seq, number: formatTicketNumber(group.letter, seq),
      phone: input.phone ?? null, status: 'waiting' as const, createdAt: now, idempotencyKey: idempotencyKey ?? null,
    };
    await repo.insertTicketIfNew(tx, ticket);
    await repo.bumpStats(tx, communeCode, day, group.key, { tickets: 1 });
    return { ticket: { ...ticket, nearNotified: false }, ahead, replayed: false };
  });
  if (!result.replayed) getQueueBus(deps).publish(communeCode, { type: 'snapshot', snapshot: await getQueueSnapshot(deps, communeCode) });
  const t = result.ticket;
  return {
    id: t.id, number: t.number, groupKey: group.key, groupName: group.name, groupNameEn: group.nameEn,
    ahead: result.ahead, createdAt: t.createdAt.toISOString(), smsRequested: t.phone !== null,
  };
}
