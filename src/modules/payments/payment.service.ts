import QRCode from 'qrcode';
import type { Actor, StaffActor } from '../../platform/auth';
import { writeAudit } from '../../platform/audit';
import { conflict, forbidden, unprocessable } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { amountInWordsVi } from '../../shared/vietqr';
import { bankAppLink, gatewayMethod, vietQrMethod } from './methods';
import * as repo from './payments.repo';
import { recordIncomingPayment } from './reconcile.service';
import { findBank } from './reference-data';
import { currentStatus, ensurePaymentRequest, loadVisibleDossier } from './request.service';

/** GET /api/dossiers/{code}/payment: exactly what the payment step needs to show a payable code. */
export async function getPaymentSummary(deps: AppDeps, actor: Actor | undefined, code: string) {
  const d = await loadVisibleDossier(deps, actor, code);
  const req = await ensurePaymentRequest(deps, d);
  const status = await currentStatus(deps, d, req);
  const account = await repo.findAccount(deps.db, d.communeCode);
  // A code is offered only while something is due; no account configured means pay at the counter.
  const start = status === 'unpaid' && account ? vietQrMethod.start(deps, req, account) : undefined;
  return {
    amountVnd: req.amountVnd,
    status,
    vietqr: start?.method === 'vietqr' ? { payload: start.payload, imageUrl: start.imageUrl } : null,
    reference: req.reference,
  };
}

/** Everything else the payment page shows: why this amount, where the money goes, the receipt. */
export async function getPaymentDetails(deps: AppDeps, actor: Actor | undefined, code: string) {
  const d = await loadVisibleDossier(deps, actor, code);
  const req = await ensurePaymentRequest(deps, d);
  const status = await currentStatus(deps, d, req);
  const account = await repo.findAccount(deps.db, d.communeCode);
  const bank = account ? findBank(account.bankBin) : undefined;
  return {
    dossierCode: d.code, status, reference: req.reference, baseFeeVnd: req.baseFeeVnd, amountVnd: req.amountVnd,
    amountInWordsVi: amountInWordsVi(req.amountVnd), adjustments: req.adjustments,
    account: account ? { bankBin: account.bankBin, bankName: bank?.name ?? '', bankShortName: bank?.shortName ?? '', accountNumber: account.accountNumber, accountName: account.accountName } : null,
    transferNote: req.reference,
    bankAppLink: status === 'unpaid' && account ? bankAppLink(deps.config.PAYMENT_BANK_APP_LINK, account, req) : null,
    gatewayAvailable: status === 'unpaid' && gatewayMethod.available(deps, account),
    paidVnd: req.paidVnd ?? null, paidAt: req.paidAt?.toISOString() ?? null, method: req.method ?? null, receiptNo: req.receiptNo ?? null,
    receiptUrl: req.status === 'paid' ? `/api/dossiers/${encodeURIComponent(d.code)}/payment/receipt.pdf` : null,
  };
}

/** The VietQR code as a PNG (error correction M, as banking apps scan it from a screen or paper). */
export async function paymentQrPng(deps: AppDeps, actor: Actor | undefined, code: string): Promise<Buffer> {
  const summary = await getPaymentSummary(deps, actor, code);
  if (!summary.vietqr) throw conflict('NOTHING_TO_PAY', { vi: 'Hồ sơ này không có khoản cần thanh toán bằng mã QR', en: 'There is nothing to pay by QR for this dossier' });
  return QRCode.toBuffer(summary.vietqr.payload, { type: 'png', errorCorrectionLevel: 'M', margin: 4, width: 480 });
}

export async function startGatewayPayment(deps: AppDeps, actor: Actor | undefined, code: string): Promise<{ redirectUrl: string }> {
  const d = await loadVisibleDossier(deps, actor, code);
  const req = await ensurePaymentRequest(deps, d);
  if ((await currentStatus(deps, d, req)) !== 'unpaid') throw conflict('NOTHING_TO_PAY', { vi: 'Hồ sơ này không có khoản cần thanh toán', en: 'There is nothing to pay for this dossier' });
  if (!gatewayMethod.available(deps, undefined)) throw unprocessable('GATEWAY_UNAVAILABLE', { vi: 'Chưa cấu hình cổng thanh toán', en: 'No payment gateway is configured' });
  const start = gatewayMethod.start(deps, req, undefined);
  return { redirectUrl: start.method === 'gateway' ? start.redirectUrl : '' };
}

/** Counter intake: the officer takes the exact fee in cash; an Idempotency-Key makes a retried click one payment. */
export async function recordCashPayment(deps: AppDeps, actor: StaffActor, code: string, amountVnd: number, idempotencyKey?: string) {
  if (actor.role !== 'officer') throw forbidden({ vi: 'Chỉ cán bộ Một cửa thu tiền tại quầy', en: 'Only the one-stop officer takes cash' });
  const d = await loadVisibleDossier(deps, actor, code);
  const req = await ensurePaymentRequest(deps, d);
  const status = await currentStatus(deps, d, req);
  if (status === 'paid' && idempotencyKey) {
    const replay = await repo.findTransactionByExternalId(deps.db, `counter:${d.code}:${idempotencyKey}`);
    if (replay) return { receiptNo: req.receiptNo, replayed: true };
  }
  if (status !== 'unpaid') throw conflict('NOTHING_TO_PAY', { vi: 'Hồ sơ này không có khoản cần thu', en: 'Nothing is due for this dossier' });
  if (amountVnd !== req.amountVnd) throw unprocessable('AMOUNT_MISMATCH', { vi: `Số tiền phải thu là ${req.amountVnd} đ`, en: `The amount due is ${req.amountVnd} đ` });
  const result = await recordIncomingPayment(deps, {
    source: 'counter', externalId: `counter:${d.code}:${idempotencyKey ?? crypto.randomUUID()}`, amountVnd,
    description: `Tiền mặt tại Bộ phận Một cửa (${actor.fullName})`, reference: req.reference, paidAt: deps.now(),
  });
  await writeAudit(deps.db, actor, deps.now(), { action: 'payment.cash', entity: 'dossier', entityId: d.code, communeCode: d.communeCode, details: { amountVnd } });
  const after = await repo.findRequestById(deps.db, req.id);
  return { receiptNo: after?.receiptNo ?? null, replayed: result.duplicate };
}
