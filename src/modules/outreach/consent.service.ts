import { createHash, randomInt } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { conflict, notFound, tooManyRequests, unprocessable } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { enqueueOutbox } from '../../platform/outbox';
import { canAccessCommune, findCommuneRef } from '../admin-units';
import { DEMO_CITIZEN_PHONES } from '../auth';
import { getScopedPerson } from '../households';
import { findProcedure } from '../procedures';
import { canonicalJson, findAttachmentMeta } from '../sync';
import { resolveFieldScope, type FieldScope } from '../teams';
import { buildConsentNotice, consentSmsPurpose, purposeLabels, type ConsentPurposeCode } from '../../shared/field/consent-notice';
import type { ConsentInput } from './outreach.contracts';
import { consents, type ConsentRow } from './outreach.schema';

/** Long enough to read the code out at the door on a slow network; short enough not to linger. */
export const CONSENT_CODE_TTL_SECONDS = 600;
const MAX_CODE_ATTEMPTS = 5;
const MAX_CODES_PER_15_MIN = 3;

export const consentNotFound = () => notFound('CONSENT_NOT_FOUND', { vi: 'Không tìm thấy bản ghi đồng ý', en: 'No such consent record' });
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const hashCode = (id: string, code: string) => sha256(`consent:${id}:${code}`);

/**
 * Records a citizen's consent. By one-time code: the code goes to the citizen's own phone
 * through the outbox, in the same transaction, and the member types it back (verify). By
 * signature: the drawn signature (uploaded on its own) is the proof; until it arrives the
 * consent waits. Call inside the caller's transaction.
 */
export async function createConsent(deps: AppDeps, db: Db, scope: FieldScope, input: ConsentInput, now: Date): Promise<{ row: ConsentRow; devCode?: string }> {
  if (!input.purposes.some((p) => p.accepted)) throw unprocessable('NOTHING_AGREED', { vi: 'Người dân chưa đồng ý mục đích nào', en: 'No purpose was agreed to' });
  const person = input.personId ? await getScopedPerson({ db, scope }, input.personId) : undefined;
  // Through the caller's transaction: on PGlite a query outside it would wait for it forever.
  const procedure = input.procedureCode ? await findProcedure({ ...deps, db }, input.procedureCode) : undefined;
  if (input.procedureCode && !procedure) throw unprocessable('UNKNOWN_PROCEDURE', { vi: `Không có thủ tục mã ${input.procedureCode}`, en: `No procedure ${input.procedureCode}` });
  const id = input.id ?? crypto.randomUUID();
  if (await findConsentRow(db, id)) throw conflict('CONSENT_EXISTS', { vi: 'Mã bản ghi đồng ý đã tồn tại', en: 'A consent with this id exists' });
  const communeName = findCommuneRef(scope.communeCode)?.fullName ?? scope.communeCode;
  const memberName = scope.member?.fullName ?? scope.actor.fullName;
  const purposes = input.purposes as { code: ConsentPurposeCode; accepted: boolean }[];
  const notice = buildConsentNotice({ subjectName: input.subject.fullName, communeName, memberName, procedureName: procedure?.name ?? null, purposes });
  const base: typeof consents.$inferInsert = {
    id, communeCode: scope.communeCode, villageId: person?.villageId ?? null, personId: person?.id ?? null, subjectName: input.subject.fullName,
    subjectPhone: input.subject.phone, procedureCode: procedure?.code ?? null, purposes, noticeVi: notice.vi, noticeEn: notice.en,
    noticeHash: sha256(`${notice.vi}\n${notice.en}`), method: input.method, status: 'awaiting_code', capturedBy: scope.actor.accountId,
    capturedByName: memberName, createdAt: now,
  };
  if (input.method === 'signature') return { row: await insertSignatureConsent(db, scope, base, input.signatureAttachmentId!, now) };
  await assertCodeQuota(db, input.subject.phone, now);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const row = { ...base, otpHash: hashCode(id, code), otpExpiresAt: new Date(now.getTime() + CONSENT_CODE_TTL_SECONDS * 1000) };
  await db.insert(consents).values(row);
  await enqueueOutbox(db, now, {
    topic: 'notification.send', communeCode: scope.communeCode, subjectRef: `consent:${id}`,
    payload: { template: 'consent.otp', recipient: { phone: input.subject.phone }, params: { commune: communeName, purpose: consentSmsPurpose(purposes, procedure?.name ?? null), code, minutes: CONSENT_CODE_TTL_SECONDS / 60 } },
  });
  await writeAudit(db, scope.actor, now, { action: 'consent.request', entity: 'consent', entityId: id, communeCode: scope.communeCode, details: { method: 'otp' } });
  const devCode = deps.config.XASO_DEMO && DEMO_CITIZEN_PHONES.includes(input.subject.phone) ? code : undefined;
  return { row: (await findConsentRow(db, id))!, devCode };
}

async function insertSignatureConsent(db: Db, scope: FieldScope, base: typeof consents.$inferInsert, attachmentId: string, now: Date): Promise<ConsentRow> {
  const att = await findAttachmentMeta(db, attachmentId);
  if (att && (att.uploadedBy !== base.capturedBy || att.contentType !== 'image/png')) {
    throw unprocessable('SIGNATURE_INVALID', { vi: 'Ảnh chữ ký phải là ảnh PNG chụp trên máy của bạn', en: 'The signature must be a PNG uploaded from your device' });
  }
  const row = { ...base, status: 'awaiting_signature' as const, signatureAttachmentId: attachmentId };
  await db.insert(consents).values(row);
  if (att) await markSigned(db, base.id!, att.sha256, now);
  await writeAudit(db, scope.actor, now, { action: 'consent.record', entity: 'consent', entityId: base.id!, communeCode: base.communeCode, details: { method: 'signature' } });
  return (await findConsentRow(db, base.id!))!;
}

/** The proof, hashed: what was shown, what was agreed, how, and when. Anyone holding the record can recompute it. */
export function evidenceOf(c: Pick<ConsentRow, 'id' | 'subjectPhone' | 'purposes' | 'noticeHash' | 'method' | 'capturedBy' | 'signatureSha256'>, givenAt: Date): string {
  return sha256(canonicalJson({ id: c.id, phone: c.subjectPhone, purposes: c.purposes, notice: c.noticeHash, method: c.method, by: c.capturedBy, signature: c.signatureSha256 ?? null, givenAt: givenAt.toISOString() }));
}

async function markSigned(db: Db, id: string, signatureSha256: string, now: Date): Promise<void> {
  const c = (await findConsentRow(db, id))!;
  await db.update(consents).set({ status: 'given', signatureSha256, givenAt: now, evidenceHash: evidenceOf({ ...c, signatureSha256 }, now) }).where(eq(consents.id, id));
}

/** Called when a signature upload lands: every consent waiting for it becomes given. */
export async function completeSignatureConsents(db: Db, attachment: { id: string; sha256: string; contentType: string; uploadedBy: string }, now: Date): Promise<number> {
  if (attachment.contentType !== 'image/png') return 0;
  // Only the member who took the consent can supply its signature.
  const waiting = await db.select({ id: consents.id }).from(consents)
    .where(and(eq(consents.signatureAttachmentId, attachment.id), eq(consents.status, 'awaiting_signature'), eq(consents.capturedBy, attachment.uploadedBy)));
  for (const w of waiting) await markSigned(db, w.id, attachment.sha256, now);
  return waiting.length;
}

async function assertCodeQuota(db: Db, phone: string, now: Date): Promise<void> {
  const since = new Date(now.getTime() - 15 * 60_000);
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(consents).where(and(eq(consents.subjectPhone, phone), eq(consents.method, 'otp'), gt(consents.createdAt, since)));
  if ((row?.n ?? 0) >= MAX_CODES_PER_15_MIN) {
    throw tooManyRequests({ vi: 'Đã gửi quá nhiều mã cho số này. Thử lại sau 15 phút hoặc dùng chữ ký', en: 'Too many codes sent to this number. Try in 15 minutes or use a signature' });
  }
}

export async function findConsentRow(db: Db, id: string, forUpdate = false): Promise<ConsentRow | undefined> {
  const q = db.select().from(consents).where(eq(consents.id, id)).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

/** The member types the code the citizen read out. Wrong five times, or late: the code is dead. */
export async function verifyConsentCode(deps: AppDeps, actor: Actor | undefined, id: string, code: string) {
  const scope = await resolveFieldScope(deps, actor);
  const now = deps.now();
  const outcome = await deps.db.transaction(async (tx) => {
    const c = await findConsentRow(tx, id, true);
    if (!c || c.capturedBy !== scope.actor.accountId) throw consentNotFound();
    if (c.status === 'given') return 'given' as const;
    if (c.status !== 'awaiting_code') throw conflict('CONSENT_NOT_AWAITING_CODE', { vi: 'Bản ghi này không chờ mã xác nhận', en: 'This consent is not waiting for a code' });
    if (!c.otpExpiresAt || c.otpExpiresAt <= now || c.otpAttempts >= MAX_CODE_ATTEMPTS) {
      await tx.update(consents).set({ status: 'expired' }).where(eq(consents.id, id));
      return 'expired' as const;
    }
    if (c.otpHash !== hashCode(id, code)) {
      await tx.update(consents).set({ otpAttempts: c.otpAttempts + 1 }).where(eq(consents.id, id));
      return 'wrong' as const;
    }
    await tx.update(consents).set({ status: 'given', givenAt: now, otpHash: null, evidenceHash: evidenceOf(c, now) }).where(eq(consents.id, id));
    await writeAudit(tx, actor, now, { action: 'consent.given', entity: 'consent', entityId: id, communeCode: c.communeCode, details: { method: 'otp' } });
    return 'given' as const;
  });
  if (outcome === 'expired') throw unprocessable('CONSENT_CODE_EXPIRED', { vi: 'Mã đã hết hạn hoặc nhập sai quá nhiều lần; gửi mã mới', en: 'The code expired or was mistyped too often; send a new one' });
  if (outcome === 'wrong') throw unprocessable('CONSENT_CODE_WRONG', { vi: 'Mã xác nhận không đúng', en: 'The code is wrong' });
  return toConsentView((await findConsentRow(deps.db, id))!);
}

export function toConsentView(c: ConsentRow, devCode?: string) {
  return {
    id: c.id, status: c.status, method: c.method, subjectName: c.subjectName, subjectPhone: c.subjectPhone, personId: c.personId, procedureCode: c.procedureCode,
    purposes: c.purposes.map((p) => ({ ...p, labelVi: purposeLabels[p.code as ConsentPurposeCode]?.vi ?? p.code, labelEn: purposeLabels[p.code as ConsentPurposeCode]?.en ?? p.code })),
    noticeVi: c.noticeVi, noticeEn: c.noticeEn, noticeHash: c.noticeHash, signatureSha256: c.signatureSha256, givenAt: c.givenAt?.toISOString() ?? null,
    evidenceHash: c.evidenceHash, capturedByName: c.capturedByName, dossierCode: c.dossierCode, createdAt: c.createdAt.toISOString(),
    otpExpiresAt: c.otpExpiresAt?.toISOString() ?? null, ...(devCode ? { devCode } : {}),
  };
}

/** The consent behind a dossier, for the officer who processes it or the team; reading it is audited. */
export async function getConsentOfDossier(deps: AppDeps, actor: Actor | undefined, dossierCode: string) {
  const [c] = await deps.db.select().from(consents).where(eq(consents.dossierCode, dossierCode));
  if (!c || !canAccessCommune(actor, c.communeCode)) throw consentNotFound();
  await writeAudit(deps.db, actor, deps.now(), { action: 'consent.view', entity: 'consent', entityId: c.id, communeCode: c.communeCode, details: { dossierCode } });
  return toConsentView(c);
}

export async function getConsent(deps: AppDeps, actor: Actor | undefined, id: string) {
  const scope = await resolveFieldScope(deps, actor);
  const c = await findConsentRow(deps.db, id);
  if (!c || c.communeCode !== scope.communeCode || (c.capturedBy !== scope.actor.accountId && !scope.canResolveConflicts)) throw consentNotFound();
  await writeAudit(deps.db, actor, deps.now(), { action: 'consent.view', entity: 'consent', entityId: id, communeCode: c.communeCode });
  return toConsentView(c);
}
