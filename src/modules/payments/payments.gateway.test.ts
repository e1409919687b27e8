import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../server/app';
import { loadConfig } from '../../server/config';
import { bearer, createTestApp, type TestApp } from '../../../tests/support/test-app';
import { signParams, verifyParams } from './methods';
import { payment, submitFeeDossier } from './test-support';

const SECRET = 'gateway-secret-0123456789';
let t: TestApp;
let app: App;

beforeAll(async () => {
  t = await createTestApp();
  const config = loadConfig({ XASO_DEMO: '1', LOG_LEVEL: 'silent', PAYMENT_GATEWAY_URL: 'https://cong-thanh-toan.example/checkout', PAYMENT_GATEWAY_MERCHANT_ID: 'XA21115', PAYMENT_GATEWAY_SECRET: SECRET });
  ({ app } = await buildApp({ database: t.database, config, logger: false }));
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await t.close();
});

/** What the gateway sends back, signed with the shared secret. */
function signed(p: Record<string, string>) {
  return { ...p, signature: signParams(p, SECRET) };
}

describe('hosted payment gateway', () => {
  it('redirects with a signed order, and counts the payment once on the signed notify', async () => {
    const { code } = await submitFeeDossier(t, '0900000001');
    const citizen = bearer(await t.citizenToken('0900000001'));
    const details = (await app.inject({ method: 'GET', url: `/api/dossiers/${encodeURIComponent(code)}/payment/details`, headers: citizen })).json();
    expect(details.gatewayAvailable).toBe(true);
    const start = await app.inject({ method: 'POST', url: `/api/dossiers/${encodeURIComponent(code)}/payment/gateway`, headers: citizen });
    const url = new URL(start.json().redirectUrl);
    expect(url.origin + url.pathname).toBe('https://cong-thanh-toan.example/checkout');
    const order = Object.fromEntries(url.searchParams);
    expect(verifyParams(order, SECRET)).toBe(true);
    expect(order).toMatchObject({ merchant: 'XA21115', orderId: details.reference, amount: '25000' });
    expect(order.notifyUrl).toMatch(/\/api\/payments\/gateway\/notify$/);

    const notice = signed({ orderId: details.reference, amount: '25000', txnId: 'GW-0001', status: 'success', ts: '1795000000' });
    const first = await app.inject({ method: 'POST', url: '/api/payments/gateway/notify', payload: notice });
    expect(first.json()).toEqual({ accepted: true, result: { outcome: 'matched', duplicate: false, dossierCode: code, paid: true } });
    expect((await app.inject({ method: 'POST', url: '/api/payments/gateway/notify', payload: notice })).json().result.duplicate).toBe(true);
    const back = await app.inject({ method: 'GET', url: `/api/payments/gateway/return?${new URLSearchParams(notice)}` });
    expect(back.statusCode).toBe(302);
    expect(back.headers.location).toBe(`${t.deps.config.publicBaseUrl}/tra-cuu/${encodeURIComponent(code)}?thanh-toan=da-thanh-toan`);
    expect((await payment(t, code, await t.citizenToken('0900000001'))).json().status).toBe('paid');
    const after = (await app.inject({ method: 'GET', url: `/api/dossiers/${encodeURIComponent(code)}/payment/details`, headers: citizen })).json();
    expect(after).toMatchObject({ method: 'gateway', paidAt: new Date(1795000000 * 1000).toISOString() });
  });

  it('rejects a tampered notice and ignores a failed payment', async () => {
    const { code } = await submitFeeDossier(t, '0900000002');
    const ref = (await payment(t, code, await t.citizenToken('0900000002'))).json().reference;
    const genuine = signed({ orderId: ref, amount: '25000', txnId: 'GW-0002', status: 'success', ts: '1795000000' });
    const tampered = await app.inject({ method: 'POST', url: '/api/payments/gateway/notify', payload: { ...genuine, amount: '2500' } });
    expect(tampered.statusCode).toBe(401);
    const failed = await app.inject({ method: 'POST', url: '/api/payments/gateway/notify', payload: signed({ orderId: ref, amount: '25000', txnId: 'GW-0003', status: 'failed', ts: '1795000000' }) });
    expect(failed.json()).toEqual({ accepted: true, result: null });
    expect((await payment(t, code, await t.citizenToken('0900000002'))).json().status).toBe('unpaid');
    const review = (await app.inject({ method: 'GET', url: `/api/communes/21115/payments?review=open`, headers: bearer(await t.staffToken('demo.officer')) })).json().items;
    expect(review.some((i: { outcome: string; amountVnd: number }) => i.outcome === 'bad_signature' && i.amountVnd === 2500)).toBe(true);
  });

  it('does not exist where no gateway is configured', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/payments/gateway/notify', payload: signed({ orderId: 'XS1', amount: '1', txnId: 'x', status: 'success', ts: '1' }) });
    expect(res.statusCode).toBe(404);
  });
});
