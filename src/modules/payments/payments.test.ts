import { QRPay } from 'vietnam-qr-pay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseVietQrPayload } from '../../shared/vietqr';
import { toLocalDate } from '../../shared/calendar';
import { bearer, createTestApp, type TestApp } from '../../../tests/support/test-app';
import { demoCommuneCode, validFields } from '../../../tests/support/fixtures';
import { otherCommuneToken } from '../notifications/test-support';
import { DEMO_ACCOUNT } from './payments.seed';
import { decodeQrPng, FEE_PROCEDURE, payment, submitFeeDossier, uploadPhoto } from './test-support';

let t: TestApp;
let commune: string;
beforeAll(async () => {
  t = await createTestApp();
  commune = await demoCommuneCode(t);
});
afterAll(async () => t.close());

const token = (who: string) => (who.startsWith('09') ? t.citizenToken(who) : t.staffToken(who));
const get = async (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: bearer(await token(who)) });
const send = async (method: 'POST' | 'PUT', who: string, url: string, payload: object) => t.app.inject({ method, url, headers: bearer(await token(who)), payload });

describe('GET /api/dossiers/{code}/payment', () => {
  it('returns exactly {amountVnd, status, vietqr, reference} to the owner and to staff of the commune, 404 to anyone else', async () => {
    const { code } = await submitFeeDossier(t, '0900000001');
    const owner = await payment(t, code, await t.citizenToken('0900000001'));
    expect(owner.statusCode).toBe(200);
    expect(Object.keys(owner.json()).sort()).toEqual(['amountVnd', 'reference', 'status', 'vietqr']);
    expect(Object.keys(owner.json().vietqr).sort()).toEqual(['imageUrl', 'payload']);
    expect(owner.json()).toMatchObject({ amountVnd: 25000, status: 'unpaid' });
    expect(owner.json().reference).toMatch(/^XS21115\d{10}[0-9A-Z]$/);
    expect((await payment(t, code, await t.staffToken('demo.officer'))).json()).toEqual(owner.json());
    expect((await payment(t, code, await t.staffToken('demo.province'))).statusCode).toBe(200);
    expect((await payment(t, code, await t.citizenToken('0900000002'))).statusCode).toBe(404);
    expect((await payment(t, code, await otherCommuneToken(t))).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/dossiers/${encodeURIComponent(code)}/payment` })).statusCode).toBe(404);
  });

  it('round-trips: the payload decodes with vietnam-qr-pay, CRC valid, with the commune account, amount and reference', async () => {
    const { code } = await submitFeeDossier(t, '0900000003');
    const p = (await payment(t, code, await t.citizenToken('0900000003'))).json();
    const other = new QRPay(p.vietqr.payload);
    expect(other.isValid).toBe(true);
    expect(other.provider.guid).toBe('A000000727');
    expect(other.initMethod).toBe('12');
    expect(other.consumer).toMatchObject({ bankBin: DEMO_ACCOUNT.bankBin, bankNumber: DEMO_ACCOUNT.accountNumber });
    expect(other.amount).toBe(String(p.amountVnd));
    expect(other.additionalData.billNumber).toBe(p.reference);
    expect(other.additionalData.purpose).toBe(p.reference);
    expect(parseVietQrPayload(p.vietqr.payload)).toMatchObject({ amountVnd: 25000, reference: p.reference, merchantName: 'UBND XA TRA BONG' });

    const png = await get('0900000003', p.vietqr.imageUrl);
    expect(png.headers['content-type']).toBe('image/png');
    expect(decodeQrPng(png.rawPayload)).toBe(p.vietqr.payload);
    expect((await get('0900000004', p.vietqr.imageUrl)).statusCode).toBe(404);
  });

  it('explains the amount, the account and the "open in bank app" link on the details page', async () => {
    const { code } = await submitFeeDossier(t, '0900000003');
    const d = (await get('0900000003', `/api/dossiers/${encodeURIComponent(code)}/payment/details`)).json();
    expect(d).toMatchObject({
      status: 'unpaid', baseFeeVnd: 25000, amountVnd: 25000, amountInWordsVi: 'Hai mươi lăm nghìn đồng', adjustments: [],
      account: { bankBin: '970405', bankShortName: 'Agribank', accountNumber: DEMO_ACCOUNT.accountNumber, accountName: DEMO_ACCOUNT.accountName },
      gatewayAvailable: false, receiptUrl: null,
    });
    expect(d.transferNote).toBe(d.reference);
    const link = new URL(d.bankAppLink);
    expect(link.searchParams.get('ba')).toBe(`${DEMO_ACCOUNT.accountNumber}@agribank`);
    expect(link.searchParams.get('am')).toBe('25000');
    expect(link.searchParams.get('tn')).toBe(d.reference);
  });
});

describe('exemptions and reductions', () => {
  it('exempts a birth registered on time, with the reason and the article of the law, and offers no code', async () => {
    const fields = { ...(await validFields(t, '1.001193')), childDateOfBirth: toLocalDate(new Date(Date.now() - 10 * 86_400_000)), birthCertificatePhoto: [await uploadPhoto(t, '0900000005')] };
    const { code } = await submitFeeDossier(t, '0900000005', '1.001193', fields);
    const p = (await payment(t, code, await t.citizenToken('0900000005'))).json();
    expect(p).toMatchObject({ amountVnd: 0, status: 'exempt', vietqr: null });
    const d = (await get('0900000005', `/api/dossiers/${encodeURIComponent(code)}/payment/details`)).json();
    expect(d.adjustments).toMatchObject([{ kind: 'exemption', reasonVi: expect.stringContaining('đúng hạn'), legalBasis: expect.stringContaining('Điều 11') }]);
  });

  it('lets the commune admin add the province’s online reduction, which new dossiers get with its reason', async () => {
    const rule = {
      procedureCode: FEE_PROCEDURE, kind: 'reduction', percent: 40, condition: { type: 'channel', channel: 'online' },
      reasonVi: 'Nộp trực tuyến được giảm 40% lệ phí', reasonEn: 'Filed online: 40% off', legalBasis: 'Nghị quyết HĐND tỉnh (ví dụ)',
    };
    expect((await send('POST', 'demo.officer', `/api/communes/${commune}/fee-rules`, rule)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/communes/${commune}/fee-rules`, headers: bearer(await otherCommuneToken(t, 'commune_admin')), payload: rule })).statusCode).toBe(404);
    expect((await send('POST', 'demo.admin', `/api/communes/${commune}/fee-rules`, { ...rule, procedureCode: '9.999999' })).statusCode).toBe(422);
    expect((await send('POST', 'demo.admin', `/api/communes/${commune}/fee-rules`, { ...rule, condition: { type: 'moon_phase' } })).statusCode).toBe(400);
    const before = await submitFeeDossier(t, '0900000006');
    expect((await payment(t, before.code, await t.citizenToken('0900000006'))).json().amountVnd).toBe(25000);
    const saved = await send('POST', 'demo.admin', `/api/communes/${commune}/fee-rules`, rule);
    expect(saved.json()).toMatchObject({ scope: 'commune', editable: true, percent: 40 });

    const after = await submitFeeDossier(t, '0900000006');
    expect((await payment(t, after.code, await t.citizenToken('0900000006'))).json()).toMatchObject({ amountVnd: 15000, status: 'unpaid' });
    const d = (await get('0900000006', `/api/dossiers/${encodeURIComponent(after.code)}/payment/details`)).json();
    expect(d.adjustments).toMatchObject([{ kind: 'reduction', percent: 40, amountVnd: -10000, reasonVi: rule.reasonVi }]);
    // A dossier asked for before the rule keeps the amount it was shown; switching the rule off stops it.
    expect((await payment(t, before.code, await t.citizenToken('0900000006'))).json().amountVnd).toBe(25000);
    const off = await send('PUT', 'demo.admin', `/api/communes/${commune}/fee-rules/${saved.json().id}`, { ...rule, active: false });
    expect(off.json().active).toBe(false);
    expect((await payment(t, (await submitFeeDossier(t, '0900000006')).code, await t.citizenToken('0900000006'))).json().amountVnd).toBe(25000);
    const list = (await get('demo.officer', `/api/communes/${commune}/fee-rules`)).json().items;
    const national = list.find((r: { scope: string }) => r.scope === 'national');
    expect(national).toMatchObject({ editable: false });
    expect((await send('PUT', 'demo.admin', `/api/communes/${commune}/fee-rules/${national.id}`, rule)).statusCode).toBe(404);
  });
});

describe('receiving account', () => {
  it('is set by the commune admin only, to a bank that takes VietQR transfers', async () => {
    const body = { bankBin: '970415', accountNumber: '113366668888', accountName: 'UBND XA TRA BONG' };
    expect((await send('PUT', 'demo.officer', `/api/communes/${commune}/payment-account`, body)).statusCode).toBe(403);
    expect((await send('PUT', 'demo.admin', `/api/communes/${commune}/payment-account`, { ...body, bankBin: '123456' })).statusCode).toBe(422);
    expect((await send('PUT', 'demo.admin', `/api/communes/${commune}/payment-account`, { ...body, accountNumber: '1133 6666' })).statusCode).toBe(400);
    const res = await send('PUT', 'demo.admin', `/api/communes/${commune}/payment-account`, body);
    expect(res.json().account).toMatchObject({ bankShortName: 'VietinBank', accountNumber: '113366668888' });
    const { code } = await submitFeeDossier(t, '0900000007');
    expect(new QRPay((await payment(t, code, await t.citizenToken('0900000007'))).json().vietqr.payload).consumer.bankBin).toBe('970415');
    await send('PUT', 'demo.admin', `/api/communes/${commune}/payment-account`, DEMO_ACCOUNT);
  });
});
