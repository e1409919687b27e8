import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db';
import { processOutboxOnce } from '../../platform/outbox';
import { readPdf } from '../../platform/pdf/pdf-test-utils';
import { bearer, createTestApp, type TestApp } from '../../../tests/support/test-app';
import { demoCommuneCode, newKey } from '../../../tests/support/fixtures';
import { notificationHandlers } from '../notifications';
import { otherCommuneToken } from '../notifications/test-support';
import { DEMO_ACCOUNT } from './payments.seed';
import { bankNotify, payment, submitFeeDossier } from './test-support';

let t: TestApp;
let commune: string;
beforeAll(async () => {
  t = await createTestApp();
  commune = await demoCommuneCode(t);
});
afterAll(async () => t.close());

let seq = 0;
const txn = () => `FT26${process.pid}${++seq}`;
const officer = async () => bearer(await t.staffToken('demo.officer'));

async function unpaidDossier(phone = '0900000001') {
  const { code } = await submitFeeDossier(t, phone);
  const p = (await payment(t, code, await t.citizenToken(phone))).json() as { reference: string; amountVnd: number };
  return { code, ...p };
}

async function reviewList() {
  const res = await t.app.inject({ method: 'GET', url: `/api/communes/${commune}/payments?review=open`, headers: await officer() });
  return res.json().items as { id: number; outcome: string; dossierCode: string | null; amountVnd: number; description: string }[];
}

async function transactionsOf(code: string) {
  return queryRows<{ id: number; outcome: string }>(t.deps.db, sql`select t.id, t.outcome from payment_transactions t join payment_requests r on r.id = t.request_id where r.dossier_code = ${code}`);
}

describe('bank notification webhook', () => {
  it('refuses a bad signature: 401, kept for review, never paid', async () => {
    const d = await unpaidDossier();
    const res = await bankNotify(t, { transactionId: txn(), amountVnd: d.amountVnd, description: `CK ${d.reference}` }, 'not-the-bank-secret-at-all');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('BAD_SIGNATURE');
    expect((await payment(t, d.code, await t.citizenToken('0900000001'))).json().status).toBe('unpaid');
    const item = (await reviewList()).find((i) => i.outcome === 'bad_signature' && i.description.includes(d.reference));
    expect(item).toMatchObject({ dossierCode: null });
    const accept = await t.app.inject({ method: 'POST', url: `/api/communes/${commune}/payments/${item!.id}/resolve`, headers: await officer(), payload: { action: 'accept', dossierCode: d.code, note: 'thử chấp nhận' } });
    expect(accept.statusCode).toBe(409);
    const unsigned = await t.app.inject({ method: 'POST', url: '/api/payments/webhooks/bank', payload: { transactionId: txn(), amountVnd: 1, description: 'x' } });
    expect(unsigned.statusCode).toBe(401);
  });

  it('marks the dossier paid when reference and amount match, once however often the bank repeats it', async () => {
    const d = await unpaidDossier('0900000002');
    const body = { transactionId: txn(), amountVnd: d.amountVnd, description: `MBVCB.8812.${d.reference}.CT tu 0912345678 TRAN THI BINH`, accountNumber: DEMO_ACCOUNT.accountNumber, paidAt: '2026-11-20T03:04:05Z' };
    const first = await bankNotify(t, body);
    expect(first.json()).toEqual({ outcome: 'matched', duplicate: false, dossierCode: d.code, paid: true });
    const replay = await bankNotify(t, body);
    expect(replay.json()).toEqual({ outcome: 'matched', duplicate: true, dossierCode: d.code, paid: true });
    expect(await transactionsOf(d.code)).toHaveLength(1);
    const p = (await payment(t, d.code, await t.citizenToken('0900000002'))).json();
    expect(p).toMatchObject({ status: 'paid', vietqr: null });
    const details = (await t.app.inject({ method: 'GET', url: `/api/dossiers/${encodeURIComponent(d.code)}/payment/details`, headers: bearer(await t.citizenToken('0900000002')) })).json();
    expect(details).toMatchObject({ paidVnd: 25000, paidAt: '2026-11-20T03:04:05.000Z', method: 'bank_webhook', bankAppLink: null });
    expect(details.receiptNo).toMatch(/^21115-2026-\d{6}$/);
    // The commune sees which dossier the money belongs to, the phone in the note hidden.
    const row = (await t.app.inject({ method: 'GET', url: `/api/communes/${commune}/payments`, headers: await officer() })).json().items.find((i: { dossierCode: string }) => i.dossierCode === d.code);
    expect(row).toMatchObject({ outcome: 'matched', reviewStatus: 'none', amountVnd: 25000 });
    expect(row.description).not.toContain('0912345678');
  });

  it('sends a partial payment and an overpayment to the review list, never to "paid"', async () => {
    const under = await unpaidDossier('0900000003');
    expect((await bankNotify(t, { transactionId: txn(), amountVnd: under.amountVnd - 5000, description: `IBFT ${under.reference}` })).json()).toMatchObject({ outcome: 'underpaid', paid: false });
    const over = await unpaidDossier('0900000003');
    expect((await bankNotify(t, { transactionId: txn(), amountVnd: over.amountVnd + 1, description: `IBFT ${over.reference}` })).json()).toMatchObject({ outcome: 'overpaid', paid: false });
    for (const d of [under, over]) {
      expect((await payment(t, d.code, await t.citizenToken('0900000003'))).json()).toMatchObject({ status: 'under_review', vietqr: null });
    }
    const list = await reviewList();
    expect(list.find((i) => i.dossierCode === under.code)).toMatchObject({ outcome: 'underpaid', amountVnd: 20000 });
    expect(list.find((i) => i.dossierCode === over.code)).toMatchObject({ outcome: 'overpaid', amountVnd: 25001 });
    // The citizen is told the money arrived and is being checked.
    const queued = await queryRows<{ payload: { template: string; params: { due: string } } }>(t.deps.db, sql`select payload from outbox_messages where subject_ref = ${under.code} order by id desc limit 1`);
    expect(queued[0]!.payload).toMatchObject({ template: 'payment.needs_review', params: { amount: '20.000 đ', due: '25.000 đ' } });

    // Staff accept the partial one (the citizen paid the rest at the counter): it counts, with a receipt.
    const id = list.find((i) => i.dossierCode === under.code)!.id;
    const accepted = await t.app.inject({ method: 'POST', url: `/api/communes/${commune}/payments/${id}/resolve`, headers: await officer(), payload: { action: 'accept', note: 'Công dân nộp bổ sung 5.000 đ tiền mặt' } });
    expect(accepted.json()).toMatchObject({ resolution: 'accepted', receiptNo: expect.stringMatching(/^21115-/) });
    expect((await payment(t, under.code, await t.citizenToken('0900000003'))).json().status).toBe('paid');
    const again = await t.app.inject({ method: 'POST', url: `/api/communes/${commune}/payments/${id}/resolve`, headers: await officer(), payload: { action: 'reject', note: 'bấm nhầm' } });
    expect(again.statusCode).toBe(409);
    expect((await t.app.inject({ method: 'POST', url: `/api/communes/${commune}/payments/${id}/resolve`, headers: bearer(await otherCommuneToken(t)), payload: { action: 'reject', note: 'không phải xã tôi' } })).statusCode).toBe(404);
  });

  it('puts a transfer with an unknown reference in the review list; staff can assign it to the right dossier', async () => {
    const d = await unpaidDossier('0900000004');
    const res = await bankNotify(t, { transactionId: txn(), amountVnd: d.amountVnd, description: 'TRAN THI BINH nop le phi ho so sua loi giao dich', accountNumber: DEMO_ACCOUNT.accountNumber });
    expect(res.json()).toMatchObject({ outcome: 'unknown_reference', dossierCode: null, paid: false });
    const typo = await bankNotify(t, { transactionId: txn(), amountVnd: d.amountVnd, description: `CK ${d.reference.slice(0, -1)}${d.reference.endsWith('A') ? 'B' : 'A'}` });
    expect(typo.json().outcome).toBe('unknown_reference'); // one wrong character: the check character rejects it
    const item = (await reviewList()).find((i) => i.description.includes('TRAN THI BINH nop le phi'))!;
    const noDossier = await t.app.inject({ method: 'POST', url: `/api/communes/${commune}/payments/${item.id}/resolve`, headers: await officer(), payload: { action: 'accept', note: 'đã gọi điện xác nhận' } });
    expect(noDossier.statusCode).toBe(422);
    const ok = await t.app.inject({ method: 'POST', url: `/api/communes/${commune}/payments/${item.id}/resolve`, headers: await officer(), payload: { action: 'accept', dossierCode: d.code, note: 'đã gọi điện xác nhận' } });
    expect(ok.statusCode).toBe(200);
    expect((await payment(t, d.code, await t.citizenToken('0900000004'))).json().status).toBe('paid');
    const audit = await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from audit_log where action = 'payment.review_accept' and entity_id = ${String(item.id)}`);
    expect(audit[0]!.n).toBe(1);
  });
});

describe('statement import (CSV)', () => {
  it('matches credits like the webhook, skips debits, and does not count a transfer the webhook already reported', async () => {
    const a = await unpaidDossier('0900000005');
    const b = await unpaidDossier('0900000005');
    const already = txn();
    expect((await bankNotify(t, { transactionId: already, amountVnd: b.amountVnd, description: `IBFT ${b.reference}` })).json().outcome).toBe('matched');
    const csv = [
      'NGÂN HÀNG NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN VIỆT NAM;;;;',
      `Số tài khoản: ${DEMO_ACCOUNT.accountNumber};;;;`,
      'Ngày giao dịch;Số tham chiếu;Số tiền ghi nợ;Số tiền ghi có;Nội dung',
      `21/11/2026 09:12;FT-STMT-${seq}-1;;25.000;"${a.reference.toLowerCase()} nop phi, ho so"`,
      `21/11/2026 10:00;${already};;25.000;IBFT ${b.reference}`,
      `21/11/2026 11:30;FT-STMT-${seq}-2;15.000;;PHI QUAN LY TAI KHOAN`,
      `21/11/2026 14:45;FT-STMT-${seq}-3;;50.000;CHUYEN TIEN KHONG GHI NOI DUNG`,
    ].join('\n');
    const res = await t.app.inject({ method: 'POST', url: `/api/communes/${commune}/payments/statement`, headers: await officer(), payload: { csv } });
    expect(res.json()).toMatchObject({ lines: 4, matched: 1, duplicates: 1, skipped: 1, review: 1 });
    expect(res.json().results[0]).toMatchObject({ line: 4, outcome: 'matched', dossierCode: a.code, amountVnd: 25000 });
    const again = await t.app.inject({ method: 'POST', url: `/api/communes/${commune}/payments/statement`, headers: await officer(), payload: { csv } });
    expect(again.json()).toMatchObject({ matched: 0, duplicates: 3, skipped: 1 });
    expect(await transactionsOf(a.code)).toHaveLength(1);
    const details = (await t.app.inject({ method: 'GET', url: `/api/dossiers/${encodeURIComponent(a.code)}/payment/details`, headers: bearer(await t.citizenToken('0900000005')) })).json();
    expect(details).toMatchObject({ status: 'paid', method: 'statement', paidAt: '2026-11-21T02:12:00.000Z' });

    expect((await t.app.inject({ method: 'POST', url: `/api/communes/${commune}/payments/statement`, headers: await officer(), payload: { csv: 'a,b\n1,2' } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: `/api/communes/${commune}/payments/statement`, headers: bearer(await t.staffToken('demo.specialist')), payload: { csv } })).statusCode).toBe(403);
  });
});

describe('receipt', () => {
  it('is a PDF with the amount in Vietnamese words, for the owner and staff, once paid', async () => {
    const d = await unpaidDossier('0900000006');
    const url = `/api/dossiers/${encodeURIComponent(d.code)}/payment/receipt.pdf`;
    expect((await t.app.inject({ method: 'GET', url, headers: bearer(await t.citizenToken('0900000006')) })).statusCode).toBe(409);
    await bankNotify(t, { transactionId: 'FT-RECEIPT-1', amountVnd: d.amountVnd, description: `IBFT ${d.reference}`, paidAt: '2026-11-20T08:30:00Z' });
    const res = await t.app.inject({ method: 'GET', url, headers: bearer(await t.citizenToken('0900000006')) });
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = await readPdf(res.rawPayload);
    expect(pdf.text).toContain('BIÊN LAI THU PHÍ, LỆ PHÍ');
    expect(pdf.text).toContain('Hai mươi lăm nghìn đồng');
    expect(pdf.text).toContain('25.000 đ');
    expect(pdf.text).toContain(d.code);
    expect(pdf.text).toContain('Trần Thị Bình');
    expect(pdf.text).toContain('FT-RECEIPT-1');
    expect(pdf.text).toContain('15 giờ 30 phút, ngày 20/11/2026');
    expect(pdf.qrCodes).toEqual([`${t.deps.config.publicBaseUrl}/tra-cuu/${encodeURIComponent(d.code)}`]);
    expect((await t.app.inject({ method: 'GET', url, headers: await officer() })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url, headers: bearer(await t.citizenToken('0900000007')) })).statusCode).toBe(404);

    // The citizen is told, through the outbox, on their channel.
    while (await processOutboxOnce({ db: t.deps.db, handlers: notificationHandlers(t.deps), now: t.deps.now, log: { info() {}, warn() {} } }));
    const dev = (await t.app.inject({ method: 'GET', url: '/api/dev/messages?phone=0900000006&limit=200' })).json();
    const msg = dev.items.find((m: { template: string; subjectRef: string }) => m.template === 'payment.received' && m.subjectRef === d.code);
    expect(msg.bodyVi).toMatch(new RegExp(`^Đã nhận 25\\.000 đ lệ phí hồ sơ ${d.code.replace(/\./g, '\\.')}\\. Biên lai số 21115-2026-\\d{6}:`));
  });
});

describe('cash at the counter', () => {
  it('is recorded by the officer for the exact amount, once per Idempotency-Key', async () => {
    const d = await unpaidDossier('0900000008');
    const url = `/api/dossiers/${encodeURIComponent(d.code)}/payment/cash`;
    const key = newKey();
    expect((await t.app.inject({ method: 'POST', url, headers: bearer(await t.staffToken('demo.specialist')), payload: { amountVnd: 25000 } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url, headers: await officer(), payload: { amountVnd: 20000 } })).statusCode).toBe(422);
    const first = await t.app.inject({ method: 'POST', url, headers: { ...(await officer()), 'idempotency-key': key }, payload: { amountVnd: 25000 } });
    expect(first.json()).toMatchObject({ replayed: false, receiptNo: expect.stringMatching(/^21115-/) });
    const retry = await t.app.inject({ method: 'POST', url, headers: { ...(await officer()), 'idempotency-key': key }, payload: { amountVnd: 25000 } });
    expect(retry.json()).toEqual({ replayed: true, receiptNo: first.json().receiptNo });
    expect(await transactionsOf(d.code)).toHaveLength(1);
    expect((await t.app.inject({ method: 'POST', url, headers: await officer(), payload: { amountVnd: 25000 } })).statusCode).toBe(409);
  });
});
