import type { StaffActor } from '../../platform/auth';
import { writeAudit } from '../../platform/audit';
import { conflict, notFound, unprocessable } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { assertCommuneAccess } from '../admin-units';
import * as repo from './payments.repo';
import { markPaid } from './reconcile.service';
import { ensurePaymentRequest } from './request.service';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Incoming payments of the commune and the dossier each belongs to; `review=open` is the review list. */
export async function listPayments(deps: AppDeps, actor: StaffActor, communeCode: string, q: { review?: 'open' | 'resolved'; limit: number; offset: number }) {
  assertCommuneAccess(actor, communeCode);
  const rows = await repo.listTransactions(deps.db, communeCode, q.review, q.limit, q.offset);
  return rows.map(({ t, dossierCode, dueVnd }) => ({
    id: t.id, source: t.source, outcome: t.outcome, amountVnd: t.amountVnd, dueVnd: dueVnd ?? null, dossierCode: dossierCode ?? null,
    description: t.description, paidAt: iso(t.paidAt), receivedAt: t.receivedAt.toISOString(), reviewStatus: t.reviewStatus,
    resolution: t.resolution ?? null, resolutionNote: t.resolutionNote ?? null, resolvedAt: iso(t.resolvedAt),
  }));
}

export interface ResolveBody {
  action: 'accept' | 'reject';
  /** For an unknown reference: the dossier staff identified (e.g. from the payer's name). */
  dossierCode?: string;
  note: string;
}

/**
 * Staff decide an item of the review list. `accept` counts the money for the dossier
 * (e.g. the citizen topped up a partial transfer, or staff found the dossier of an
 * unknown reference) and issues the receipt; `reject` closes it (refund handled
 * outside xaso). A notification with a bad signature can only be rejected. Audited.
 */
export async function resolveReview(deps: AppDeps, actor: StaffActor, communeCode: string, id: number, body: ResolveBody) {
  assertCommuneAccess(actor, communeCode);
  const receiptNo = await deps.db.transaction(async (tx) => {
    const txDeps = { ...deps, db: tx };
    const t = await repo.findTransaction(tx, id, true);
    if (!t || t.communeCode !== communeCode) throw notFound('PAYMENT_NOT_FOUND', { vi: 'Không tìm thấy khoản thanh toán', en: 'Payment not found' });
    if (t.reviewStatus !== 'open') throw conflict('ALREADY_RESOLVED', { vi: 'Khoản này đã được xử lý', en: 'This item was already resolved' });
    const resolved = { reviewStatus: 'resolved' as const, resolutionNote: body.note, resolvedBy: actor.accountId, resolvedAt: deps.now() };
    if (body.action === 'reject') {
      await repo.updateTransaction(tx, id, { ...resolved, resolution: 'rejected' });
      return null;
    }
    if (t.outcome === 'bad_signature') throw conflict('UNVERIFIED_PAYMENT', { vi: 'Thông báo có chữ ký sai không thể ghi nhận là đã nộp', en: 'A notification with a bad signature cannot count as a payment' });
    const request = await requestFor(txDeps, t, communeCode, body.dossierCode);
    if (request.status !== 'unpaid') throw conflict('NOTHING_TO_PAY', { vi: 'Hồ sơ này không còn khoản cần thu', en: 'Nothing is due for this dossier' });
    const dossier = (await repo.findDossierById(tx, request.dossierId))!;
    await repo.updateTransaction(tx, id, { ...resolved, resolution: 'accepted', requestId: request.id, referenceFound: request.reference });
    return markPaid(txDeps, request, dossier, { ...t, requestId: request.id }, `${t.source}_reviewed`);
  });
  await writeAudit(deps.db, actor, deps.now(), { action: `payment.review_${body.action}`, entity: 'payment_transaction', entityId: String(id), communeCode, details: { dossierCode: body.dossierCode ?? null } });
  return { id, resolution: body.action === 'accept' ? ('accepted' as const) : ('rejected' as const), receiptNo };
}

async function requestFor(deps: AppDeps, t: repo.TransactionRow, communeCode: string, dossierCode?: string): Promise<repo.RequestRow> {
  if (t.requestId && !dossierCode) return (await repo.findRequestById(deps.db, t.requestId, true))!;
  if (!dossierCode) throw unprocessable('DOSSIER_REQUIRED', { vi: 'Cần chọn hồ sơ cho khoản tiền này', en: 'Choose the dossier this payment belongs to' });
  const d = await repo.findDossierByCode(deps.db, dossierCode);
  if (!d || d.communeCode !== communeCode) throw notFound('DOSSIER_NOT_FOUND', { vi: `Không tìm thấy hồ sơ ${dossierCode}`, en: `Dossier ${dossierCode} not found` });
  const r = await ensurePaymentRequest(deps, d);
  return (await repo.findRequestById(deps.db, r.id, true))!;
}
