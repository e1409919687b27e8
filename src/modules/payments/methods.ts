import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AppDeps } from '../../platform/http';
import { buildVietQrPayload } from '../../shared/vietqr';
import type { AccountRow, RequestRow } from './payments.repo';
import { findBank } from './reference-data';

/**
 * Two ways to pay behind one interface: a dynamic VietQR code to the commune's own
 * account (any Vietnamese banking app), or a hosted payment gateway (redirect, then
 * a signed return and a signed server-to-server notify) for provinces that use one.
 * Either way, money is only counted when a notification is matched (reconcile.service.ts).
 */
export type PaymentStart =
  | { method: 'vietqr'; payload: string; imageUrl: string; bankAppLink: string | null }
  | { method: 'gateway'; redirectUrl: string };

export interface PaymentMethod {
  id: 'vietqr' | 'gateway';
  available(deps: AppDeps, account: AccountRow | undefined): boolean;
  start(deps: AppDeps, request: RequestRow, account: AccountRow | undefined): PaymentStart;
}

export const qrImagePath = (dossierCode: string) => `/api/dossiers/${encodeURIComponent(dossierCode)}/payment/qr.png`;

/** NAPAS VietQR, dynamic: amount fixed, the reference as bill number and as the transfer note. */
export function vietQrPayload(account: AccountRow, request: RequestRow): string {
  return buildVietQrPayload({
    bankBin: account.bankBin, accountNumber: account.accountNumber, amountVnd: request.amountVnd,
    reference: request.reference, purpose: request.reference, merchantName: account.accountName,
  });
}

/** "Open in bank app": the VietQR deep-link service's universal link (PAYMENT_BANK_APP_LINK; 'off' disables it). */
export function bankAppLink(base: string, account: AccountRow, request: RequestRow): string | null {
  const bank = findBank(account.bankBin);
  if (base === 'off' || !bank) return null;
  const q = new URLSearchParams({ ba: `${account.accountNumber}@${bank.code.toLowerCase()}`, am: String(request.amountVnd), tn: request.reference, bn: account.accountName });
  return `${base}?${q.toString()}`;
}

export const vietQrMethod: PaymentMethod = {
  id: 'vietqr',
  available: (_deps, account) => Boolean(account),
  start: (deps, request, account) => ({
    method: 'vietqr', payload: vietQrPayload(account!, request), imageUrl: qrImagePath(request.dossierCode),
    bankAppLink: bankAppLink(deps.config.PAYMENT_BANK_APP_LINK, account!, request),
  }),
};

/** HMAC-SHA256 (hex) over the parameters sorted by name, `k=v` joined by `&`, the signature itself left out. */
export function signParams(params: Record<string, string>, secret: string): string {
  const canonical = Object.keys(params).filter((k) => k !== 'signature').sort().map((k) => `${k}=${params[k]}`).join('&');
  return createHmac('sha256', secret).update(canonical).digest('hex');
}

export function verifyParams(params: Record<string, string>, secret: string): boolean {
  const given = Buffer.from(params.signature ?? '', 'hex');
  const expected = Buffer.from(signParams(params, secret), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function gatewayConfigured(deps: AppDeps): boolean {
  const c = deps.config;
  return Boolean(c.PAYMENT_GATEWAY_URL && c.PAYMENT_GATEWAY_MERCHANT_ID && c.PAYMENT_GATEWAY_SECRET);
}

export const gatewayMethod: PaymentMethod = {
  id: 'gateway',
  available: (deps) => gatewayConfigured(deps),
  start(deps, request) {
    const c = deps.config;
    const params: Record<string, string> = {
      merchant: c.PAYMENT_GATEWAY_MERCHANT_ID!, orderId: request.reference, amount: String(request.amountVnd),
      returnUrl: `${c.publicBaseUrl}/api/payments/gateway/return`, notifyUrl: `${c.publicBaseUrl}/api/payments/gateway/notify`,
      ts: String(Math.floor(deps.now().getTime() / 1000)),
    };
    const q = new URLSearchParams({ ...params, signature: signParams(params, c.PAYMENT_GATEWAY_SECRET!) });
    return { method: 'gateway', redirectUrl: `${c.PAYMENT_GATEWAY_URL}?${q.toString()}` };
  },
};

/** Bank webhook: `x-xaso-signature: sha256=<hex HMAC-SHA256 of the raw body>`. */
export function verifyBodySignature(rawBody: string, header: string | undefined, secret: string): boolean {
  const hex = header?.startsWith('sha256=') ? header.slice(7) : header;
  if (!hex || !/^[0-9a-fA-F]{64}$/.test(hex)) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(hex, 'hex'), expected);
}

export function signBody(rawBody: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}
