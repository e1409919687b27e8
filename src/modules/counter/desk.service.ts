import type { Actor, StaffActor } from '../../platform/auth';
import { conflict, forbidden, notFound, unauthorized } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { enqueueOutbox } from '../../platform/outbox';
import { toLocalDate } from '../../shared/calendar';
import { assertCommuneAccess } from '../admin-units';
import { getDossierRecord } from '../dossiers';
import type { Db } from '../../platform/db';
import * as repo from './counter.repo';
import type { QueueCounterRow, QueueTicketRow } from './counter.schema';
import { getQueueBus, type QueueEvent } from './events';
import { NEAR_TURN_AHEAD, secondsBetween } from './queue-rules';
import { getQueueSnapshot, toCurrent } from './snapshot.service';

/** Who works a counter: the one-stop officers of the commune (and its admin, standing in). */
const deskRoles = ['officer', 'commune_admin'];

export function assertDeskStaff(actor: Actor | undefined, communeCode: string): StaffActor {
  if (!actor) throw unauthorized();
  if (actor.kind !== 'staff') throw forbidden();
  assertCommuneAccess(actor, communeCode);
  if (!deskRoles.includes(actor.role)) throw forbidden({ vi: 'Chỉ cán bộ một cửa được gọi số', en: 'Only one-stop officers call numbers' });
  return actor;
}

const counterNotFound = () => notFound('COUNTER_NOT_FOUND', { vi: 'Không tìm thấy quầy', en: 'Counter not found' });
const nothingCalled = () => conflict('NOTHING_CALLED', { vi: 'Quầy chưa gọi số nào', en: 'This counter has not called anyone' });

type DeskOp = (tx: Db, counter: QueueCounterRow, now: Date) => Promise<{ ticket: QueueTicketRow | null; events: QueueEvent[] }>;

/** Runs one counter operation in a transaction (counter row locked), then tells the displays. */
async function runDesk(deps: AppDeps, actor: Actor, communeCode: string, counterId: string, op: DeskOp) {
  assertDeskStaff(actor, communeCode);
  const now = deps.now();
  const { ticket, events } = await deps.db.transaction(async (tx) => {
    const counter = await repo.findCounter(tx, communeCode, counterId, true);
    if (!counter) throw counterNotFound();
    return op(tx, counter, now);
  });
  const bus = getQueueBus(deps);
  for (const e of events) bus.publish(communeCode, e);
  const snapshot = await getQueueSnapshot(deps, communeCode);
  bus.publish(communeCode, { type: 'snapshot', snapshot });
  return { ticket: ticket ? { ...toCurrent(ticket), status: ticket.status, dossierCode: ticket.dossierCode } : null, snapshot };
}

const callEvent = (t: QueueTicketRow, c: QueueCounterRow, recall: boolean, now: Date): QueueEvent => ({
  type: 'call', call: { number: t.number, groupKey: t.groupKey, counterNumber: c.number, counterName: c.name, recall, at: now.toISOString() },
});

/** "Gọi số tiếp theo": the oldest waiting ticket of the counter's groups; ticket null when nobody waits. */
export function callNext(deps: AppDeps, actor: Actor, communeCode: string, counterId: string) {
  return runDesk(deps, actor, communeCode, counterId, async (tx, counter, now) => {
    const busy = await repo.findCurrentTicket(tx, counter.id);
    if (busy) throw conflict('COUNTER_BUSY', { vi: `Quầy đang phục vụ số ${busy.number}: bấm "Xong" hoặc "Bỏ qua" trước`, en: `The counter is serving ${busy.number}: finish or skip it first` });
    const day = toLocalDate(now);
    const next = await repo.lockNextWaiting(tx, communeCode, day, counter.groupKeys);
    if (!next) return { ticket: null, events: [] };
    const ticket = await repo.updateTicket(tx, next.id, { status: 'called', calledAt: now, firstCalledAt: now, counterId: counter.id, calledBy: actor.accountId });
    await repo.bumpStats(tx, communeCode, next.day, next.groupKey, { called: 1, waitSeconds: secondsBetween(next.createdAt, now) });
    await notifyNearTurn(tx, communeCode, next, now);
    return { ticket, events: [callEvent(ticket, counter, false, now)] };
  });
}

/** Calls the same number again (the person has not come yet): the board shows and chimes it once more. */
export function recallCurrent(deps: AppDeps, actor: Actor, communeCode: string, counterId: string) {
  return runDesk(deps, actor, communeCode, counterId, async (tx, counter, now) => {
    const current = await repo.findCurrentTicket(tx, counter.id);
    if (!current) throw nothingCalled();
    const ticket = await repo.updateTicket(tx, current.id, { recalls: current.recalls + 1, calledAt: now });
    return { ticket, events: [callEvent(ticket, counter, true, now)] };
  });
}

/** The person did not come: the ticket ends as skipped and the counter is free. */
export function skipCurrent(deps: AppDeps, actor: Actor, communeCode: string, counterId: string) {
  return runDesk(deps, actor, communeCode, counterId, async (tx, counter, now) => {
    const current = await repo.findCurrentTicket(tx, counter.id);
    if (!current) throw nothingCalled();
    const ticket = await repo.updateTicket(tx, current.id, { status: 'skipped', finishedAt: now, phone: null });
    await repo.bumpStats(tx, communeCode, current.day, current.groupKey, { skipped: 1 });
    return { ticket, events: [] };
  });
}

/** Served; linked to the dossier received at the counter, if any (it must belong to this commune). */
export function serveCurrent(deps: AppDeps, actor: Actor, communeCode: string, counterId: string, dossierCode?: string) {
  return runDesk(deps, actor, communeCode, counterId, async (tx, counter, now) => {
    const current = await repo.findCurrentTicket(tx, counter.id);
    if (!current) throw nothingCalled();
    if (dossierCode) {
      const { dossier } = await getDossierRecord({ ...deps, db: tx }, actor, dossierCode);
      if (dossier.communeCode !== communeCode) throw notFound('DOSSIER_NOT_FOUND', { vi: `Không tìm thấy hồ sơ ${dossierCode}`, en: `Dossier ${dossierCode} not found` });
    }
    const ticket = await repo.updateTicket(tx, current.id, { status: 'served', finishedAt: now, phone: null, dossierCode: dossierCode ?? null });
    const started = current.calledAt ?? current.createdAt;
    await repo.bumpStats(tx, communeCode, current.day, current.groupKey, { served: 1, serviceSeconds: secondsBetween(started, now) });
    return { ticket, events: [] };
  });
}

/**
 * After a call, the person who now has exactly three before them gets one SMS, if they
 * left a phone (sent through the outbox in this transaction). Template 'queue.turn_near'
 * is owned by the notifications module; it names the counters serving the group.
 */
async function notifyNearTurn(tx: Db, communeCode: string, called: QueueTicketRow, now: Date): Promise<void> {
  const near = await repo.findWaitingAt(tx, communeCode, called.groupKey, called.day, NEAR_TURN_AHEAD);
  if (!near?.phone || near.nearNotified) return;
  const counters = (await repo.selectCounters(tx, communeCode)).filter((c) => c.groupKeys.includes(near.groupKey)).map((c) => c.number);
  await repo.updateTicket(tx, near.id, { nearNotified: true });
  await enqueueOutbox(tx, now, {
    topic: 'notification.send', communeCode, subjectRef: near.number,
    payload: {
      template: 'queue.turn_near', recipient: { phone: near.phone },
      params: { ticket: near.number, ahead: NEAR_TURN_AHEAD, counter: counters.join(' hoặc ') },
    },
  });
}
