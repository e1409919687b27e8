import type { Actor } from '../../platform/auth';
import { conflict, forbidden, unprocessable } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { enqueueOutbox } from '../../platform/outbox';
import { formatLocalDateTime } from '../../shared/calendar';
import {
  applyToState,
  deriveState,
  nationalStatusCode,
  refusalReason,
  type ActionPayload,
  type DossierAction,
  type DossierState,
} from '../../shared/dossier';
import { assertFilesUsable, linkFilesToDossier } from '../files';
import { assertCanViewDossier, toActionActor } from './access';
import { completeAt, dueFrom } from './deadlines';
import type { ActionBody } from './dossiers.contracts';
import * as repo from './dossiers.repo';
import { lookupUrl } from './links';
import { getPublicCache } from './public-lookup';
import { toDomainActions } from './views';

/**
 * Appends one action to the dossier's log, if the rules allow it now, and
 * recomputes the projection in the same transaction. A refused action changes
 * nothing. A retried request with the same Idempotency-Key appends nothing.
 */
export async function applyDossierAction(deps: AppDeps, actor: Actor, code: string, body: ActionBody, idempotencyKey?: string): Promise<void> {
  const attachmentIds = 'attachments' in body ? (body.attachments ?? []) : [];
  // Supplied papers and the electronic result must be the actor's own uploads (files module).
  await assertFilesUsable(deps, actor, [{ path: 'attachments', ids: attachmentIds }]);
  await deps.db.transaction(async (tx) => {
    const d = await repo.findDossierByCode(tx, code, true);
    assertCanViewDossier(actor, d, code);
    if (idempotencyKey && (await repo.findActionByIdempotencyKey(tx, d.id, idempotencyKey))) return;
    const rows = await repo.listActions(tx, d.id);
    const log = toDomainActions(rows);
    const state = deriveState(log);
    assertAllowed(state, body, toActionActor(actor, d));
    const now = deps.now();
    const txDeps = { ...deps, db: tx };
    const payload = await buildPayload(txDeps, d, state, log, body, now);
    const action: DossierAction = { type: body.type, at: now.toISOString(), actorRole: actorRole(actor), actorId: actor.accountId, note: body.note ?? null, payload };
    const next = applyToState(state, action);
    await repo.insertActions(tx, [{
      dossierId: d.id, seq: rows.length + 1, type: body.type, at: now, actorId: actor.accountId, actorRole: action.actorRole,
      actorName: actor.kind === 'staff' ? actor.fullName : null, note: action.note, payload,
      attachments: 'attachments' in body ? (body.attachments ?? null) : null, idempotencyKey: idempotencyKey ?? null,
    }]);
    await linkFilesToDossier(tx, attachmentIds, { dossierCode: d.code, communeCode: d.communeCode, citizenId: d.citizenId, at: now });
    await repo.updateProjection(tx, d.id, projection(next, rows.length + 1, now));
    await enqueueOutbox(tx, now, notificationFor(deps, d, body, next));
  });
  // After commit and before the response: the public lookup must not serve the old status.
  getPublicCache(deps).invalidate(code, Date.now());
}

function assertAllowed(state: DossierState, body: ActionBody, who: ReturnType<typeof toActionActor>): void {
  const reason = refusalReason(state, body.type, who);
  if (!reason) return;
  if (reason === 'not_allowed_for_role') {
    throw forbidden({ vi: 'Vai trò của bạn không được thực hiện thao tác này', en: 'Your role may not take this action' });
  }
  const texts: Record<string, { vi: string; en: string }> = {
    wrong_status: { vi: 'Thao tác này không hợp lệ ở trạng thái hiện tại của hồ sơ', en: 'This action is not allowed in the current status' },
    already_reappointed: { vi: 'Hồ sơ chỉ được hẹn lại một lần (NĐ 61/2018 Điều 19)', en: 'A dossier can be reappointed only once (ND 61/2018 Art. 19)' },
    no_running_deadline: { vi: 'Hồ sơ không có thời hạn đang chạy', en: 'The dossier has no running deadline' },
  };
  throw conflict('ACTION_NOT_ALLOWED', texts[reason] ?? texts.wrong_status!);
}

async function buildPayload(deps: AppDeps, d: repo.DossierRow, state: DossierState, log: DossierAction[], body: ActionBody, now: Date): Promise<ActionPayload | null> {
  switch (body.type) {
    case 'receive':
      return { dueAt: (await dueFrom(deps, d, completeAt(d, log))).toISOString() };
    case 'supplement':
      // After reception the full period restarts from the complete dossier (ND 61/2018 Art. 19.4).
      return state.resumeStatus === 'submitted' ? {} : { dueAt: (await dueFrom(deps, d, now)).toISOString() };
    case 'request_supplement':
      return { missingDocuments: body.missingDocuments };
    case 'reject':
      return { reasons: body.reasons };
    case 'reappoint':
      return { newDueAt: checkNewDueAt(state, body.newDueAt, now).toISOString(), previousDueAt: state.dueAt };
    default:
      return null;
  }
}

function checkNewDueAt(state: DossierState, iso: string, now: Date): Date {
  const next = new Date(iso);
  const current = state.dueAt ? new Date(state.dueAt) : now;
  if (next.getTime() <= Math.max(current.getTime(), now.getTime())) {
    throw unprocessable('NEW_DATE_TOO_EARLY', {
      vi: 'Ngày hẹn mới phải sau ngày hẹn hiện tại',
      en: 'The new appointment must be after the current one',
    });
  }
  return next;
}

function actorRole(actor: Actor): DossierAction['actorRole'] {
  return actor.kind === 'citizen' ? 'citizen' : actor.role;
}

function projection(s: DossierState, version: number, now: Date) {
  return {
    status: s.status,
    nationalStatus: nationalStatusCode(s),
    receivedAt: s.receivedAt ? new Date(s.receivedAt) : null,
    dueAt: s.dueAt ? new Date(s.dueAt) : null,
    finishedAt: s.finishedAt ? new Date(s.finishedAt) : null,
    version,
    updatedAt: now,
  };
}

const templateByAction: Record<ActionBody['type'], string> = {
  receive: 'dossier.received',
  request_supplement: 'dossier.supplement_requested',
  supplement: 'dossier.supplemented',
  start_processing: 'dossier.in_progress',
  approve: 'dossier.result_ready',
  reject: 'dossier.rejected',
  return_result: 'dossier.returned',
  withdraw: 'dossier.withdrawn',
  reappoint: 'dossier.reappointed',
};

/** Every status change reaches the citizen (ND 224/2026 Art. 15.1g: real-time status notices). */
function notificationFor(deps: AppDeps, d: repo.DossierRow, body: ActionBody, next: DossierState) {
  const note = body.type === 'request_supplement' ? body.missingDocuments.join('; ') : body.type === 'reject' ? body.reasons.join('; ') : (body.note ?? '');
  return {
    topic: 'notification.send',
    communeCode: d.communeCode,
    subjectRef: d.code,
    payload: {
      template: templateByAction[body.type],
      recipient: { phone: d.applicantPhone },
      params: { code: d.code, note, dueAt: next.dueAt ? formatLocalDateTime(new Date(next.dueAt)) : '', link: lookupUrl(deps, d.code) },
    },
  };
}

