import { toLocalDate } from '../../shared/calendar';
import { applyToState, deriveState, type DossierAction } from '../../shared/dossier';

export type Timeliness = 'early' | 'on_time' | 'late';

export const timelinessLabels: Record<Timeliness, string> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
};

/**
 * Pure: a handover against the appointment in force (Mẫu 05, column "Kết quả giải
 * quyết hồ sơ"): after the due instant is late; on the due day is on time; any
 * earlier day is early.
 */
export function classifyTimeliness(at: Date, due: Date): Timeliness {
  if (at.getTime() > due.getTime()) return 'late';
  return toLocalDate(at) === toLocalDate(due) ? 'on_time' : 'early';
}

export interface Party {
  unit: string;
  name: string | null;
}

export interface HandoverRow {
  from: Party;
  to: Party;
  at: Date;
  /** null where the deadline does not run (reception, supplement pause). */
  timeliness: Timeliness | null;
  note: string;
}

const roleUnits: Record<string, string> = {
  officer: 'Bộ phận Một cửa',
  specialist: 'Công chức chuyên môn',
  leader: 'Lãnh đạo UBND xã',
  commune_admin: 'Quản trị hệ thống',
  volunteer: 'Tổ công nghệ số cộng đồng',
  citizen: 'Người nộp hồ sơ',
  system: 'Hệ thống',
};

const partyOf = (a: DossierAction & { actorName?: string | null }, applicant: string): Party =>
  a.actorRole === 'citizen' ? { unit: roleUnits.citizen!, name: applicant } : { unit: roleUnits[a.actorRole] ?? a.actorRole, name: a.actorName ?? null };

type NamedAction = DossierAction & { actorName?: string | null };

/**
 * Pure: one row per handover of the dossier, folded from the action log (TT 01/2018
 * Mẫu 05: who handed over, who received, when, and whether it was on time). The
 * holder is whoever last acted on it; a decision goes back to the one-stop unit.
 */
export function buildHandoverRows(log: readonly NamedAction[], applicant: string, fmt: (d: Date) => string): HandoverRow[] {
  const citizen: Party = { unit: roleUnits.citizen!, name: applicant };
  const oneStop: Party = { unit: roleUnits.officer!, name: null };
  const rows: HandoverRow[] = [];
  let state = deriveState([]);
  let holder: Party = citizen;
  for (const a of log) {
    const due = state.dueAt ? new Date(state.dueAt) : null;
    const at = new Date(a.at);
    const actor = partyOf(a, applicant);
    const timely = due ? classifyTimeliness(at, due) : null;
    const next = applyToState(state, a);
    const p = a.payload ?? {};
    const push = (from: Party, to: Party, note: string, t: Timeliness | null = timely) => rows.push({ from, to, at, timeliness: t, note });
    switch (a.type) {
      case 'receive':
        push(citizen, actor, `Tiếp nhận; hẹn trả ${next.dueAt ? fmt(new Date(next.dueAt)) : ''}`.trim(), null);
        holder = actor;
        break;
      case 'start_processing':
        push(holder, actor, 'Chuyển xử lý, thẩm định');
        holder = actor;
        break;
      case 'request_supplement':
        push(actor, citizen, `Yêu cầu bổ sung: ${(p.missingDocuments ?? []).join('; ')}`, null);
        break;
      case 'supplement':
        push(citizen, a.actorRole === 'citizen' ? holder : actor, `Đã bổ sung${next.dueAt ? `; hẹn trả mới ${fmt(new Date(next.dueAt))}` : ''}`, null);
        break;
      case 'approve':
        push(holder, actor, 'Trình ký, phê duyệt kết quả');
        holder = oneStop;
        break;
      case 'return_result':
        push({ unit: oneStop.unit, name: actor.name }, citizen, 'Trả kết quả');
        break;
      case 'reject':
        push(actor, citizen, `Từ chối: ${(p.reasons ?? []).join('; ')}`);
        break;
      case 'reappoint':
        push(actor, citizen, `Xin lỗi, hẹn lại ${p.newDueAt ? fmt(new Date(p.newDueAt)) : ''}: ${a.note ?? ''}`);
        break;
      case 'withdraw':
        push(a.actorRole === 'citizen' ? citizen : actor, oneStop, 'Rút hồ sơ, dừng giải quyết', null);
        break;
      case 'submit':
        break;
    }
    state = next;
  }
  return rows;
}
