import { createHash } from 'node:crypto';
import type { Actor } from '../../platform/auth';
import { AppError, badRequest, forbidden, unprocessable } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { enqueueOutbox } from '../../platform/outbox';
import { formatLocalDateTime } from '../../shared/calendar';
import { deriveState, nationalChannelCode, nationalStatusCode, type Channel, type DossierAction } from '../../shared/dossier';
import { validateFormFields } from '../../shared/forms';
import { findCommune, findVillage } from '../admin-units';
import { upsertCitizen } from '../auth';
import { getEffectiveProcedure } from '../procedures';
import { assertFilesUsable, fileRefsInFields, linkFilesToDossier } from '../files';
import { dueFrom } from './deadlines';
import { formatDossierCode, localDayKey } from './dossier-code';
import type { SubmitDossierBody } from './dossiers.contracts';
import * as repo from './dossiers.repo';
import { lookupUrl } from './links';

interface Submitter {
  accountId: string;
  role: string;
  name: string | null;
  channel: Channel;
  onBehalf: 'officer' | 'volunteer' | null;
  /** Counter intake: the officer checks the papers and receives on the spot. */
  receiveNow: boolean;
}

class IdempotentReplay extends Error {}

export interface SubmitResult {
  code: string;
  status: ReturnType<typeof deriveState>['status'];
  dueAt: string | null;
  nationalStatusCode: number;
  channel: Channel;
  nationalChannelCode: number;
  lookupUrl: string;
  replayed: boolean;
}

export async function submitDossier(deps: AppDeps, actor: Actor, body: SubmitDossierBody, idempotencyKey?: string): Promise<SubmitResult> {
  const requestHash = hashRequest(body);
  const submitter = resolveSubmitter(actor, body);
  const commune = await findCommune(deps, body.communeCode);
  if (!commune) throw unprocessable('UNKNOWN_COMMUNE', { vi: `Không có xã/phường mã ${body.communeCode}`, en: `No commune with code ${body.communeCode}` });
  const procedure = await findOfferedProcedure(deps, body.procedureCode, body.communeCode);
  const problems = validateFormFields(procedure.form, body.fields);
  if (problems.length) throw badRequest('FORM_INVALID', { vi: 'Thông tin trong tờ khai chưa đúng', en: 'Some form fields are not valid' }, problems);
  // Attached photos/PDFs must be the submitter's own uploads (files module).
  await assertFilesUsable(deps, actor, fileRefsInFields(procedure.form, body.fields));
  if (body.villageId && !(await findVillage(deps, body.communeCode, body.villageId))) {
    throw unprocessable('UNKNOWN_VILLAGE', { vi: 'Thôn/tổ dân phố không thuộc xã này', en: 'The village is not in this commune' });
  }
  const citizenId = actor.kind === 'citizen' ? actor.accountId : (await upsertCitizen(deps.db, body.applicant.phone, deps.now(), body.applicant.fullName)).id;
  try {
    return await insertNewDossier(deps, { body, submitter, commune, procedure, citizenId, idempotencyKey, requestHash });
  } catch (err) {
    if (!(err instanceof IdempotentReplay) && !isUniqueViolation(err)) throw err;
    if (!idempotencyKey) throw err;
    return replay(deps, actor.accountId, idempotencyKey, requestHash);
  }
}

interface NewDossier {
  body: SubmitDossierBody;
  submitter: Submitter;
  commune: { code: string; agencyCode: string };
  procedure: { code: string; name: string; processingDays: number; feeVnd: number; form: { fields: { key: string; type: string }[] } };
  citizenId: string;
  idempotencyKey?: string;
  requestHash: string;
}

async function insertNewDossier(deps: AppDeps, n: NewDossier): Promise<SubmitResult> {
  const now = deps.now();
  const id = crypto.randomUUID();
  const actions: DossierAction[] = [{ type: 'submit', at: now.toISOString(), actorRole: n.submitter.role as DossierAction['actorRole'] }];
  const base = { communeCode: n.commune.code, processingDays: n.procedure.processingDays, submittedAt: now } as repo.DossierRow;
  const dueAt = await dueFrom(deps, base, now);
  if (n.submitter.receiveNow) actions.push({ type: 'receive', at: now.toISOString(), actorRole: 'officer', payload: { dueAt: dueAt.toISOString() } });
  const state = deriveState(actions);
  const code = await deps.db.transaction(async (tx) => {
    const seq = await repo.nextDailySequence(tx, n.commune.code, localDayKey(now));
    const code = formatDossierCode(n.commune.agencyCode, now, seq);
    const inserted = await repo.insertDossierIfNew(tx, {
      id, code, communeCode: n.commune.code, procedureCode: n.procedure.code, villageId: n.body.villageId ?? null,
      applicantName: n.body.applicant.fullName, applicantIdNumber: n.body.applicant.idNumber, applicantPhone: n.body.applicant.phone,
      applicantAddress: n.body.applicant.address ?? null, citizenId: n.citizenId, fields: n.body.fields,
      channel: n.submitter.channel, onBehalf: n.submitter.onBehalf, submittedBy: n.submitter.accountId, submittedByRole: n.submitter.role,
      processingDays: n.procedure.processingDays, feeVnd: n.procedure.feeVnd, idempotencyKey: n.idempotencyKey ?? null,
      requestHash: n.requestHash, submittedAt: now, status: state.status, nationalStatus: nationalStatusCode(state),
      receivedAt: state.receivedAt ? now : null, dueAt: state.dueAt ? dueAt : null, finishedAt: null, version: actions.length, updatedAt: now,
    });
    // Same key raced in: undo the whole transaction (and the sequence number) and answer with the first dossier.
    if (!inserted) throw new IdempotentReplay();
    await linkFilesToDossier(tx, fileRefsInFields(n.procedure.form, n.body.fields).flatMap((r) => r.ids), { dossierCode: code, communeCode: n.commune.code, citizenId: n.citizenId, at: now });
    await repo.insertActions(tx, actions.map((a, i) => ({
      dossierId: id, seq: i + 1, type: a.type, at: now, actorId: n.submitter.accountId, actorRole: a.actorRole,
      actorName: n.submitter.name, payload: a.payload ?? null,
    })));
    await enqueueOutbox(tx, now, {
      topic: 'notification.send', communeCode: n.commune.code, subjectRef: code,
      payload: {
        template: n.submitter.receiveNow ? 'dossier.received' : 'dossier.submitted',
        recipient: { phone: n.body.applicant.phone },
        params: { code, procedure: n.procedure.name, dueAt: formatLocalDateTime(dueAt), link: lookupUrl(deps, code) },
      },
    });
    return code;
  });
  return {
    code, status: state.status, dueAt: dueAt.toISOString(), nationalStatusCode: nationalStatusCode(state),
    channel: n.submitter.channel, nationalChannelCode: nationalChannelCode(n.submitter.channel), lookupUrl: lookupUrl(deps, code), replayed: false,
  };
}

async function replay(deps: AppDeps, accountId: string, key: string, requestHash: string): Promise<SubmitResult> {
  const existing = await repo.findDossierByIdempotencyKey(deps.db, accountId, key);
  if (!existing) throw new Error('idempotent replay without a stored dossier');
  if (existing.requestHash !== requestHash) {
    throw unprocessable('IDEMPOTENCY_KEY_REUSED', {
      vi: 'Mã Idempotency-Key này đã dùng cho một hồ sơ khác',
      en: 'This Idempotency-Key was already used with a different request',
    });
  }
  const state = { status: existing.status } as ReturnType<typeof deriveState>;
  const dueAt = existing.dueAt ?? (await dueFrom(deps, existing, existing.submittedAt));
  return {
    code: existing.code, status: state.status, dueAt: dueAt.toISOString(), nationalStatusCode: existing.nationalStatus,
    channel: existing.channel, nationalChannelCode: nationalChannelCode(existing.channel), lookupUrl: lookupUrl(deps, existing.code), replayed: true,
  };
}

function resolveSubmitter(actor: Actor, body: SubmitDossierBody): Submitter {
  if (actor.kind === 'citizen') {
    if (body.channel) throw badRequest('CHANNEL_NOT_ALLOWED', { vi: 'Công dân nộp trực tuyến, không chọn kênh', en: 'Citizens submit online; channel is for staff' });
    return { accountId: actor.accountId, role: 'citizen', name: null, channel: 'online', onBehalf: null, receiveNow: false };
  }
  if (actor.communeCode !== body.communeCode) throw forbidden({ vi: 'Bạn chỉ nộp hồ sơ cho xã của mình', en: 'You can only file dossiers for your own commune' });
  if (actor.role === 'officer') {
    // Counter intake (ND 61/2018 Art. 16–17): paper in hand, checked and received at once.
    const channel = body.channel ?? 'in_person';
    return { accountId: actor.accountId, role: 'officer', name: actor.fullName, channel, onBehalf: 'officer', receiveNow: true };
  }
  if (actor.role === 'volunteer') {
    // Assisted submission by the community digital-technology team: it is an online dossier.
    if (body.channel) throw badRequest('CHANNEL_NOT_ALLOWED', { vi: 'Hồ sơ hỗ trợ nộp là hồ sơ trực tuyến', en: 'Assisted submissions are online' });
    return { accountId: actor.accountId, role: 'volunteer', name: actor.fullName, channel: 'online', onBehalf: 'volunteer', receiveNow: false };
  }
  throw forbidden({ vi: 'Vai trò của bạn không nộp hồ sơ', en: 'Your role does not file dossiers' });
}

async function findOfferedProcedure(deps: AppDeps, code: string, communeCode: string) {
  try {
    return await getEffectiveProcedure(deps, code, communeCode);
  } catch (err) {
    if (err instanceof AppError && err.status === 404) {
      throw unprocessable('UNKNOWN_PROCEDURE', { vi: `Xã không giải quyết thủ tục mã ${code}`, en: `Procedure ${code} is not offered here` });
    }
    throw err;
  }
}

function hashRequest(body: SubmitDossierBody): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}
