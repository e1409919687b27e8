import { and, eq, isNull, or } from 'drizzle-orm';
import type { Actor } from '../../platform/auth';
import { writeAudit } from '../../platform/audit';
import { forbidden, unprocessable } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { submitDossier } from '../dossiers';
import { getScopedPerson, type WriteCtx } from '../households';
import { recordChanges as publishChanges } from '../sync';
import { assertVillageInScope, resolveFieldScope, type FieldScope } from '../teams';
import { REQUIRED_FOR_SUBMISSION } from '../../shared/field/consent-notice';
import { consentNotFound, findConsentRow } from './consent.service';
import type { AssistedSubmissionBody } from './outreach.contracts';
import { consents, supportActs, type ConsentRow } from './outreach.schema';
import { logSupportAct } from './support.service';

/** A consent is for one visit: it must be used within a day of being given. */
const CONSENT_VALID_MS = 24 * 3600_000;

/**
 * From the support log, a member files a dossier for a citizen. The consent comes first and
 * must cover acting for them and using their data, for this phone; then the dossier is filed
 * through the dossiers module as the member (channel online, on behalf of a volunteer), the
 * consent is keyed to its code, and the act is logged. The dossier's idempotency key is
 * derived from the consent, so one consent makes at most one dossier, and a retry after a
 * lost answer (or a crash between the two steps) finishes the job instead of filing twice.
 */
export async function submitAssisted(deps: AppDeps, actor: Actor | undefined, body: AssistedSubmissionBody) {
  const scope = await resolveFieldScope(deps, actor);
  if (scope.actor.role !== 'volunteer' || !scope.member) {
    throw forbidden({ vi: 'Chỉ thành viên tổ công nghệ số nộp hồ sơ hỗ trợ', en: 'Only team members file assisted dossiers' });
  }
  const consent = await findConsentRow(deps.db, body.consentId);
  if (!consent || consent.communeCode !== scope.communeCode || consent.capturedBy !== scope.actor.accountId) throw consentNotFound();
  assertConsentCovers(consent, body, deps.now());
  const villageId = body.dossier.villageId ?? (consent.personId ? (await getScopedPerson({ db: deps.db, scope }, consent.personId)).villageId : undefined);
  // Checked before filing: a dossier must never exist without the act and consent linked to it.
  if (!villageId) throw unprocessable('VILLAGE_REQUIRED', { vi: 'Chọn thôn của người được hỗ trợ', en: 'Choose the village of the person helped' });
  assertVillageInScope(scope, villageId);
  // The village goes on the dossier (indicators per village) and on the support act (campaign progress).
  const dossier = await submitDossier(deps, scope.actor, { ...body.dossier, villageId, communeCode: scope.communeCode }, `consent-${consent.id}`);
  const supportActId = await linkConsentAndAct(deps, scope, consent, body, dossier.code, villageId);
  const { replayed: _r, ...result } = dossier;
  return { dossier: result, consentId: consent.id, supportActId };
}

function assertConsentCovers(c: ConsentRow, body: AssistedSubmissionBody, now: Date): void {
  if (c.status !== 'given' || !c.givenAt) {
    throw unprocessable('CONSENT_NOT_GIVEN', { vi: 'Người dân chưa xác nhận đồng ý (mã OTP hoặc chữ ký)', en: 'The citizen has not confirmed consent yet (code or signature)' });
  }
  const missing = REQUIRED_FOR_SUBMISSION.filter((code) => !c.purposes.some((p) => p.code === code && p.accepted));
  if (missing.length) {
    throw unprocessable('CONSENT_PURPOSE_MISSING', { vi: 'Người dân chưa đồng ý cho nộp hồ sơ thay và dùng thông tin cá nhân', en: 'The citizen did not agree to assisted filing and the use of their data' });
  }
  if (c.subjectPhone !== body.dossier.applicant.phone) {
    throw unprocessable('CONSENT_OTHER_PERSON', { vi: 'Số điện thoại người nộp khác số đã xác nhận đồng ý', en: "The applicant's phone differs from the one that consented" });
  }
  if (c.procedureCode && c.procedureCode !== body.dossier.procedureCode) {
    throw unprocessable('CONSENT_OTHER_PROCEDURE', { vi: 'Sự đồng ý dành cho một thủ tục khác', en: 'The consent was for another procedure' });
  }
  if (!c.dossierCode && now.getTime() - c.givenAt.getTime() > CONSENT_VALID_MS) {
    throw unprocessable('CONSENT_TOO_OLD', { vi: 'Sự đồng ý đã quá một ngày; xin đồng ý lại', en: 'The consent is over a day old; ask again' });
  }
}

async function linkConsentAndAct(deps: AppDeps, scope: FieldScope, consent: ConsentRow, body: AssistedSubmissionBody, code: string, villageId: string | undefined): Promise<string> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const linked = await tx.update(consents).set({ dossierCode: code })
      .where(and(eq(consents.id, consent.id), or(isNull(consents.dossierCode), eq(consents.dossierCode, code)))).returning({ id: consents.id });
    if (linked.length === 0) throw unprocessable('CONSENT_USED', { vi: 'Sự đồng ý này đã dùng cho hồ sơ khác', en: 'This consent was used for another dossier' });
    const [done] = await tx.select({ id: supportActs.id }).from(supportActs).where(eq(supportActs.dossierCode, code));
    if (done) return done.id;
    const ctx: WriteCtx = { db: tx, scope, now, deviceAt: now, commandId: null, changes: [] };
    const started = body.supportActId ? await linkExistingAct(ctx, body.supportActId, code) : undefined;
    if (started) {
      await publishChanges(tx, scope.communeCode, ctx.changes, now);
      return started;
    }
    const id = body.supportActId ?? crypto.randomUUID();
    await logSupportAct(ctx, {
      id, personId: consent.personId ?? undefined, villageId: consent.personId ? undefined : villageId, place: body.place,
      kinds: ['dossier_submitted_online'], outcome: 'done', durationMinutes: body.durationMinutes, attachmentIds: [], dossierCode: code,
    });
    await writeAudit(tx, scope.actor, now, { action: 'dossier.assisted_submit', entity: 'dossier', entityId: code, communeCode: scope.communeCode, details: { consentId: consent.id } });
    await publishChanges(tx, scope.communeCode, ctx.changes, now);
    return id;
  });
}

/** The member started from an act already in the log (logged offline before filing): link it. */
async function linkExistingAct(ctx: WriteCtx, actId: string, code: string): Promise<string | undefined> {
  const [act] = await ctx.db.select().from(supportActs).where(eq(supportActs.id, actId));
  if (!act) return undefined;
  if (act.communeCode !== ctx.scope.communeCode || !ctx.scope.villageIds.includes(act.villageId)) {
    throw unprocessable('SUPPORT_ACT_UNKNOWN', { vi: 'Không tìm thấy lượt hỗ trợ trong địa bàn của bạn', en: 'No such support act in your area' });
  }
  if (act.dossierCode && act.dossierCode !== code) throw unprocessable('SUPPORT_ACT_USED', { vi: 'Lượt hỗ trợ này đã gắn với hồ sơ khác', en: 'This act is linked to another dossier' });
  await ctx.db.update(supportActs).set({ dossierCode: code }).where(eq(supportActs.id, actId));
  ctx.changes.push({ entity: 'support_act', entityId: actId, villageId: act.villageId, op: 'upsert' });
  return actId;
}
