/** Test helpers of the payments module (imported by tests only). */
import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { PNG } from 'pngjs';
import { signBody } from './methods';
import { bearer, type TestApp } from '../../../tests/support/test-app';
import { DEMO_PAYMENT_WEBHOOK_SECRET } from '../../server/config';
import { newKey, submitBody, validFields } from '../../../tests/support/fixtures';

/** 2.000927 "Sửa lỗi sai sót trong giao dịch": 25,000 đ, text answers only. */
export const FEE_PROCEDURE = '2.000927';

export async function submitFeeDossier(t: TestApp, phone = '0900000001', procedureCode = FEE_PROCEDURE, fields?: Record<string, unknown>) {
  const body = await submitBody(t, { procedureCode, fields: fields ?? (await validFields(t, procedureCode)), applicant: { fullName: 'Trần Thị Bình', idNumber: '051090012345', phone } });
  const res = await t.app.inject({ method: 'POST', url: '/api/dossiers', payload: body, headers: { ...bearer(await t.citizenToken(phone)), 'idempotency-key': newKey() } });
  if (res.statusCode !== 201) throw new Error(`submit failed ${res.statusCode}: ${res.body}`);
  return res.json() as { code: string };
}

/** Uploads a small real PNG as the citizen, for forms with a required photo. */
export async function uploadPhoto(t: TestApp, phone: string): Promise<string> {
  const png = await QRCode.toBuffer('giay chung sinh', { type: 'png' });
  const res = await t.app.inject({ method: 'POST', url: '/api/files', payload: png, headers: { ...bearer(await t.citizenToken(phone)), 'content-type': 'image/png' } });
  if (res.statusCode !== 201) throw new Error(`upload failed ${res.statusCode}: ${res.body}`);
  return res.json().id as string;
}

export async function payment(t: TestApp, code: string, token: string) {
  return t.app.inject({ method: 'GET', url: `/api/dossiers/${encodeURIComponent(code)}/payment`, headers: bearer(token) });
}

/** A bank notification signed as the bank would (or with a wrong secret). */
export function bankNotify(t: TestApp, body: Record<string, unknown>, secret = DEMO_PAYMENT_WEBHOOK_SECRET) {
  const raw = JSON.stringify(body);
  return t.app.inject({ method: 'POST', url: '/api/payments/webhooks/bank', payload: raw, headers: { 'content-type': 'application/json', 'x-xaso-signature': signBody(raw, secret) } });
}

export function decodeQrPng(png: Buffer): string | undefined {
  const img = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data;
}
