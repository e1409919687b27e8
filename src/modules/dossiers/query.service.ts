import type { Actor } from '../../platform/auth';
import { forbidden } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { writeAudit } from '../../platform/audit';
import { deriveState } from '../../shared/dossier';
import { DUE_TIME_MINUTES, makeLocalInstant, nextWorkingDay, toLocalDate } from '../../shared/calendar';
import { getWorkingCalendar } from '../calendar';
import { maskIdNumber, maskPhone } from '../../shared/validation';
import { findProcedure } from '../procedures';
import { assertCanViewDossier, toActionActor } from './access';
import { expectedDueAt } from './deadlines';
import type { DossierView } from './dossiers.contracts';
import * as repo from './dossiers.repo';
import { toDomainActions, toDossierView } from './views';

/** The full dossier for its owner or for staff of its commune; staff views are audited (ND 13/2023). */
export async function getDossierView(deps: AppDeps, actor: Actor, code: string): Promise<DossierView> {
  const d = await repo.findDossierByCode(deps.db, code);
  assertCanViewDossier(actor, d, code);
  const rows = await repo.listActions(deps.db, d.id);
  const log = toDomainActions(rows);
  const procedure = await findProcedure(deps, d.procedureCode);
  if (actor.kind === 'staff') {
    await writeAudit(deps.db, actor, deps.now(), { action: 'dossier.view', entity: 'dossier', entityId: d.code, communeCode: d.communeCode });
  }
  return toDossierView({
    dossier: d,
    actions: rows,
    procedureName: procedure?.name ?? d.procedureCode,
    expectedDueAt: await expectedDueAt(deps, d, deriveState(log), log),
    actor: toActionActor(actor, d),
    // The owner sees their own data; staff see it masked until they press "show".
    revealPersonalData: actor.kind === 'citizen',
    now: deps.now(),
  });
}

/** Staff pressed "show": the full ID number and phone, and an audit row saying who saw them. */
export async function revealApplicant(deps: AppDeps, actor: Actor, code: string) {
  const d = await repo.findDossierByCode(deps.db, code);
  assertCanViewDossier(actor, d, code);
  if (actor.kind !== 'staff') throw forbidden();
  await writeAudit(deps.db, actor, deps.now(), {
    action: 'dossier.reveal_personal_data', entity: 'dossier', entityId: d.code, communeCode: d.communeCode,
    details: { fields: ['idNumber', 'phone'] },
  });
  return { idNumber: d.applicantIdNumber, phone: d.applicantPhone };
}

export interface ListQuery {
  status?: string; procedureCode?: string; channel?: string; assisted?: string; villageId?: string;
  communeCode?: string; dueBefore?: string; limit: number; offset: number;
}

/** Staff inbox (scoped to their commune or province) or a citizen's own dossiers; personal data masked. */
export async function listDossierSummaries(deps: AppDeps, actor: Actor, q: ListQuery) {
  const filter: repo.ListFilter = {
    status: q.status, procedureCode: q.procedureCode, channel: q.channel, onBehalf: q.assisted,
    villageId: q.villageId, dueBefore: q.dueBefore ? new Date(q.dueBefore) : undefined, limit: q.limit, offset: q.offset,
  };
  if (actor.kind === 'citizen') filter.citizenId = actor.accountId;
  else if (actor.communeCode) filter.communeCodes = [actor.communeCode];
  else filter.provinceCode = actor.provinceCode;
  if (q.communeCode && actor.kind === 'staff') {
    filter.communeCodes = actor.communeCode ? (q.communeCode === actor.communeCode ? [q.communeCode] : []) : [q.communeCode];
  }
  if (filter.communeCodes?.length === 0) return [];
  const rows = await repo.listDossiers(deps.db, filter);
  const now = deps.now();
  const soonLimit = await endOfNextWorkingDay(deps, actor, now);
  return rows.map((d) => {
    const due = d.dueAt?.getTime();
    const running = due !== undefined && d.finishedAt === null && d.status !== 'awaiting_supplement';
    return {
      code: d.code, procedureCode: d.procedureCode, status: d.status as DossierView['status'], nationalStatusCode: d.nationalStatus,
      channel: d.channel, onBehalf: d.onBehalf, applicantName: d.applicantName,
      applicantPhone: maskPhone(d.applicantPhone), applicantIdNumber: maskIdNumber(d.applicantIdNumber),
      villageId: d.villageId, submittedAt: d.submittedAt.toISOString(), dueAt: d.dueAt?.toISOString() ?? null,
      overdue: running && due < now.getTime(),
      dueSoon: running && due >= now.getTime() && due <= soonLimit,
    };
  });
}


/** "Due within 1 working day": by the end of office hours of the next working day. */
async function endOfNextWorkingDay(deps: AppDeps, actor: Actor, now: Date): Promise<number> {
  const calendar = await getWorkingCalendar(deps, actor.kind === 'staff' ? actor.communeCode : null);
  return makeLocalInstant(nextWorkingDay(toLocalDate(now), calendar), DUE_TIME_MINUTES).getTime();
}
