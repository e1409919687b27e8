import { QRPay } from 'vietnam-qr-pay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processOutboxOnce } from '../../platform/outbox';
import { readPdf } from '../../platform/pdf/pdf-test-utils';
import { bearer, createTestApp, type TestApp } from '../../../tests/support/test-app';
import { act } from '../../../tests/support/fixtures';
import { notificationHandlers } from '../notifications';
import { decodeQrPng, payment, submitFeeDossier } from './test-support';

/**
 * The "done when", in demo mode as `npm start` runs it: the citizen's messages
 * appear on the local channel, the dossier shows a payable VietQR code, a simulated
 * bank notification marks it paid and produces the receipt.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const deliver = async () => {
  while (await processOutboxOnce({ db: t.deps.db, handlers: notificationHandlers(t.deps), now: t.deps.now, log: { info() {}, warn() {} } }));
};
const devMessages = async (phone: string) => (await t.app.inject({ method: 'GET', url: `/api/dev/messages?phone=${phone}&limit=200` })).json().items as { template: string; subjectRef: string | null; bodyVi: string; channel: string }[];

describe('demo journey: from submission to receipt', () => {
  it('shows every message on the local channel, a payable code, and a receipt after a simulated bank transfer', async () => {
    const phone = '0900000009';
    const { code } = await submitFeeDossier(t, phone);
    expect((await act(t, 'demo.officer', code, { type: 'receive' })).statusCode).toBe(200);
    expect((await act(t, 'demo.specialist', code, { type: 'start_processing' })).statusCode).toBe(200);
    await deliver();
    const before = await devMessages(phone);
    expect(before.some((m) => m.template === 'otp' && m.channel === 'sms')).toBe(true);
    expect(before.filter((m) => m.subjectRef === code).map((m) => m.template).sort()).toEqual(['dossier.in_progress', 'dossier.received', 'dossier.submitted']);

    const citizen = bearer(await t.citizenToken(phone));
    const p = (await payment(t, code, await t.citizenToken(phone))).json();
    expect(p).toMatchObject({ status: 'unpaid', amountVnd: 25000 });
    expect(new QRPay(p.vietqr.payload)).toMatchObject({ isValid: true, amount: '25000' });
    expect(decodeQrPng((await t.app.inject({ method: 'GET', url: p.vietqr.imageUrl, headers: citizen })).rawPayload)).toBe(p.vietqr.payload);

    const sim = await t.app.inject({ method: 'POST', url: '/api/dev/payments/simulate', payload: { dossierCode: code } });
    expect(sim.json()).toEqual({ outcome: 'matched', duplicate: false, dossierCode: code, paid: true });
    expect((await payment(t, code, await t.citizenToken(phone))).json()).toMatchObject({ status: 'paid', vietqr: null });
    const receipt = await t.app.inject({ method: 'GET', url: `/api/dossiers/${encodeURIComponent(code)}/payment/receipt.pdf`, headers: citizen });
    expect((await readPdf(receipt.rawPayload)).text).toContain('Bằng chữ: Hai mươi lăm nghìn đồng');

    await deliver();
    const paidMsg = (await devMessages(phone)).find((m) => m.subjectRef === code && m.template === 'payment.received');
    expect(paidMsg?.bodyVi).toContain('Đã nhận 25.000 đ lệ phí hồ sơ');
  });

  it('starts with a believable payment history in the demo commune', async () => {
    const officer = bearer(await t.staffToken('demo.officer'));
    const review = (await t.app.inject({ method: 'GET', url: '/api/communes/21115/payments?review=open', headers: officer })).json().items;
    expect(review.map((i: { outcome: string }) => i.outcome).sort()).toEqual(expect.arrayContaining(['underpaid', 'unknown_reference']));
    const all = (await t.app.inject({ method: 'GET', url: '/api/communes/21115/payments?limit=200', headers: officer })).json().items;
    const paid = all.filter((i: { outcome: string }) => i.outcome === 'matched');
    expect(paid.length).toBeGreaterThan(20);
    expect(new Set(paid.map((i: { source: string }) => i.source))).toEqual(new Set(['bank_webhook', 'counter']));
    const one = paid.find((i: { source: string }) => i.source === 'bank_webhook');
    const pdf = await t.app.inject({ method: 'GET', url: `/api/dossiers/${encodeURIComponent(one.dossierCode)}/payment/receipt.pdf`, headers: officer });
    expect(pdf.statusCode).toBe(200);
    const account = (await t.app.inject({ method: 'GET', url: '/api/communes/21115/payment-account', headers: officer })).json();
    expect(account.account).toMatchObject({ bankShortName: 'Agribank' });
  });

  it('does not offer the simulation outside demo mode', async () => {
    const { buildApp } = await import('../../server/app');
    const { loadConfig } = await import('../../server/config');
    const { app } = await buildApp({ database: t.database, config: loadConfig({ XASO_DEMO: '0', LOG_LEVEL: 'silent' }), logger: false });
    expect((await app.inject({ method: 'POST', url: '/api/dev/payments/simulate', payload: { dossierCode: 'x-251122-0001' } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/api/payments/webhooks/bank', payload: { transactionId: 'x', amountVnd: 1, description: 'x' } })).statusCode).toBe(404);
    await app.close();
  });
});
