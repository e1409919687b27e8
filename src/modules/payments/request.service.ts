import type { Actor } from '../../platform/auth';
import { notFound } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { toLocalDate } from '../../shared/calendar';
import { canAccessCommune } from '../admin-units';
import { computeFee, type FeeRule } from './fee-rules';
import * as repo from './payments.repo';
import { paymentReference } from './reference';

export type PaymentStatus = 'free' | 'exempt' | 'unpaid' | 'under_review' | 'paid' | 'cancelled';

export const dossierNotFound = (code: string) => notFound('DOSSIER_NOT_FOUND', { vi: `Không tìm thấy hồ sơ ${code}`, en: `Dossier ${code} not found` });

/** The owner citizen or staff of the dossier's commune (or province); anyone else gets 404. */
export async function loadVisibleDossier(deps: AppDeps, actor: Actor | undefined, code: string): Promise<repo.DossierRow> {
  const d = await repo.findDossierByCode(deps.db, code);
  const visible = d && actor && (actor.kind === 'citizen' ? d.citizenId === actor.accountId : canAccessCommune(actor, d.communeCode));
  if (!d || !visible) throw dossierNotFound(code);
  return d;
}

export function toFeeRule(r: repo.RuleRow): FeeRule {
  return {
    id: r.id, procedureCode: r.procedureCode, kind: r.kind, percent: r.percent, condition: r.condition, reasonVi: r.reasonVi,
    reasonEn: r.reasonEn, legalBasis: r.legalBasis, validFrom: r.validFrom, validTo: r.validTo, active: r.active,
  };
}

/**
 * What the dossier owes, computed once from the fee fixed at submission and the rules
 * in force, then kept: later rule edits never change an amount a citizen was shown.
 */
export async function ensurePaymentRequest(deps: AppDeps, d: repo.DossierRow): Promise<repo.RequestRow> {
  const existing = await repo.findRequestByDossierId(deps.db, d.id);
  if (existing) return existing;
  const rules = (await repo.listRulesFor(deps.db, d.communeCode, d.procedureCode)).map(toFeeRule);
  const fee = computeFee({ procedureCode: d.procedureCode, channel: d.channel, fields: d.fields, submittedOn: toLocalDate(d.submittedAt), baseFeeVnd: d.feeVnd }, rules);
  const now = deps.now();
  await repo.insertRequestIfAbsent(deps.db, {
    id: crypto.randomUUID(), dossierId: d.id, dossierCode: d.code, communeCode: d.communeCode, reference: paymentReference(d.communeCode, d.code),
    baseFeeVnd: fee.baseFeeVnd, amountVnd: fee.amountVnd, adjustments: fee.adjustments, status: fee.status, createdAt: now, updatedAt: now,
  });
  return (await repo.findRequestByDossierId(deps.db, d.id))!;
}

/** The status the citizen sees: a refused or withdrawn dossier owes nothing more; a mismatched payment is being checked. */
export function displayStatus(req: repo.RequestRow, dossierStatus: string, openReview: boolean): PaymentStatus {
  if (req.status !== 'unpaid') return req.status;
  if (openReview) return 'under_review';
  if (dossierStatus === 'rejected' || dossierStatus === 'withdrawn') return 'cancelled';
  return 'unpaid';
}

export async function currentStatus(deps: AppDeps, d: repo.DossierRow, req: repo.RequestRow): Promise<PaymentStatus> {
  return displayStatus(req, d.status, req.status === 'unpaid' && (await repo.hasOpenReview(deps.db, req.id)));
}
