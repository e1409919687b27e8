import { computeDueAt, type WorkingCalendar } from '../../../shared/calendar';
import {
  applyToState,
  deriveState,
  refusalReason,
  type ActionActor,
  type ActorRole,
  type DossierAction,
  type PostableActionType,
} from '../../../shared/dossier';
import type { Random } from './random';

const HOUR = 3600_000;

export interface DemoPlan {
  channel: 'in_person' | 'online';
  onBehalf: 'officer' | 'volunteer' | null;
  submittedAt: Date;
  processingDays: number;
  /** Work still open on the desk: the log stops after this many actions (recent dossiers). */
  stopAfter?: number;
  /** A forgotten dossier: processing starts but nobody decides, so it runs overdue. */
  stuck?: boolean;
  /** Papers were asked for and the citizen has not brought them yet. */
  awaitingSupplement?: boolean;
}

const roleOf: Record<PostableActionType, ActorRole> = {
  receive: 'officer',
  request_supplement: 'specialist',
  supplement: 'citizen',
  start_processing: 'specialist',
  approve: 'leader',
  reject: 'leader',
  return_result: 'officer',
  withdraw: 'citizen',
  reappoint: 'specialist',
};

/**
 * A plausible life of one dossier up to `now`, built step by step through the
 * same rules the API enforces, so demo data can never hold a forbidden state.
 */
export function planDemoActions(rnd: Random, plan: DemoPlan, calendar: WorkingCalendar, now: Date): DossierAction[] {
  const log: DossierAction[] = [{ type: 'submit', at: plan.submittedAt.toISOString(), actorRole: plan.onBehalf ?? 'citizen' }];
  const due = (from: Date) => computeDueAt(from, plan.processingDays, calendar).toISOString();
  const push = (type: PostableActionType, at: Date, payload?: DossierAction['payload'], note?: string): boolean => {
    if (at.getTime() > now.getTime()) return false;
    if (plan.stopAfter !== undefined && log.length >= plan.stopAfter) return false;
    const who: ActionActor = { role: roleOf[type], isOwner: true, isSubmitter: false };
    if (refusalReason(deriveState(log), type, who)) return false;
    log.push({ type, at: at.toISOString(), actorRole: roleOf[type], payload: payload ?? null, note: note ?? null });
    return true;
  };
  // Online dossiers are picked up within the morning or afternoon they arrive.
  let t = plan.submittedAt.getTime() + (plan.channel === 'online' ? rnd.int(10, 90) * 60_000 : 0);
  if (!push('receive', new Date(t), { dueAt: due(plan.submittedAt) })) return log;
  if (plan.awaitingSupplement || rnd.chance(0.12)) {
    t += 2 * HOUR;
    if (!push('request_supplement', new Date(t), { missingDocuments: ['Bản sao giấy khai sinh'] })) return log;
    if (plan.awaitingSupplement) return log;
    t += rnd.int(20, 72) * HOUR;
    if (!push('supplement', new Date(t), { dueAt: due(new Date(t)) })) return log;
  }
  t += rnd.int(1, 4) * HOUR;
  if (!push('start_processing', new Date(t))) return log;
  if (plan.stuck) return log;
  return finishDemo(rnd, log, t, push);
}

type Push = (type: PostableActionType, at: Date, payload?: DossierAction['payload'], note?: string) => boolean;

function finishDemo(rnd: Random, log: DossierAction[], t: number, push: Push): DossierAction[] {
  const state = log.reduce(applyToState, deriveState([]));
  const dueAt = new Date(state.dueAt ?? t).getTime();
  const roll = rnd.next();
  if (roll < 0.03) {
    push('reject', new Date(t + 3 * HOUR), { reasons: ['Hồ sơ không thuộc thẩm quyền giải quyết của xã'] });
    return log;
  }
  if (roll < 0.05) {
    push('withdraw', new Date(t + 5 * HOUR), null, 'Công dân xin rút hồ sơ');
    return log;
  }
  const late = roll > 0.9;
  if (late && rnd.chance(0.5)) {
    const newDue = new Date(dueAt + 3 * 24 * HOUR);
    push('reappoint', new Date(Math.max(t, dueAt - 20 * HOUR)), { newDueAt: newDue.toISOString() }, 'Cần xác minh thêm thông tin');
  }
  const approveAt = late ? dueAt + rnd.int(20, 70) * HOUR : Math.max(t + HOUR, dueAt - rnd.int(1, 30) * HOUR);
  if (!push('approve', new Date(approveAt))) return log;
  push('return_result', new Date(approveAt + rnd.int(2, 40) * HOUR));
  return log;
}
