import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { bankNotify, FEE_PROCEDURE } from '../payments/test-support';
import { actAs, Clock, COMMUNE, L, longTokens, REJECT, removeAllDossiers, submitAs } from './indicators.test-support';

/**
 * The payments, satisfaction and counter panels on a small hand-built March 2027 (1 March is a Monday, no
 * holiday in the month). Each expected value is worked out by hand in the comments, from source-definitions.ts.
 */
const FULL = '2.000908'; // full online, same day, no fee
const PART = '1.004873'; // partial online, 3 working days, no fee
const EXEMPT = '2.000884'; // fee 10.000 đ, which the commune exempts below

const clock = new Clock(L('2027-02-26 08:00'));
let t: TestApp;
let auth: Awaited<ReturnType<typeof longTokens>>;
let village: string;
const code: Record<string, string> = {};
const C1 = '0900000001', C2 = '0900000002', C3 = '0900000003', O = 'demo.officer';

async function at(local: string, run: () => Promise<unknown>) {
  clock.set(local);
  return run();
}
const submit = async (name: string, as: string, procedureCode: string, villageId?: string) => (code[name] = await submitAs(t, auth, { as, procedureCode, villageId }));
const act = (who: string, name: string, payload: Record<string, unknown>) => actAs(t, auth, who, code[name]!, payload);
const inject = async (method: 'GET' | 'POST', url: string, who: string, payload?: unknown) => {
  const res = await t.app.inject({ method, url, headers: auth(who), ...(payload === undefined ? {} : { payload: payload as object }) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url} ${res.statusCode}: ${res.body}`);
  return res.json();
};
const paymentOf = (name: string, who: string) => inject('GET', `/api/dossiers/${encodeURIComponent(code[name]!)}/payment`, who);

/** Submitted, received, processed, approved and returned the same day, then rated by its owner. */
async function ratedDossier(name: string, day: string, owner: string, procedureCode: string, rating: Record<string, unknown>) {
  await at(`${day} 08:00`, () => submit(name, owner, procedureCode));
  await at(`${day} 08:30`, () => act(O, name, { type: 'receive' }));
  await at(`${day} 09:00`, () => act('demo.specialist', name, { type: 'start_processing' }));
  await at(`${day} 10:00`, () => act('demo.leader', name, { type: 'approve' }));
  await at(`${day} 11:00`, () => act(O, name, { type: 'return_result' }));
  await at(`${day} 15:00`, () => inject('POST', `/api/dossiers/${encodeURIComponent(code[name]!)}/rating`, owner, rating));
}

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  await removeAllDossiers(t);
  auth = await longTokens(t, ['demo.officer', 'demo.specialist', 'demo.leader', 'demo.admin', 'demo.volunteer', 'demo.province'], [C1, C2, C3]);
  village = (await t.app.inject({ method: 'GET', url: `/api/communes/${COMMUNE}/villages` })).json().items[0].id;
  await inject('POST', `/api/communes/${COMMUNE}/fee-rules`, 'demo.admin', {
    procedureCode: EXEMPT, kind: 'exemption', percent: 100, condition: { type: 'always' }, reasonVi: 'Miễn lệ phí (thử)', reasonEn: 'Fee waived (test)', legalBasis: 'Thử nghiệm',
  });
  // Payments. P8: February, paid online in March (counts in February: by the month of submission).
  await at('2027-02-26 09:00', () => submit('P8', C1, FEE_PROCEDURE));
  // P1: online, paid by bank transfer. P2: at the counter, paid in cash. P3: asked, unpaid. P4: never asked, unpaid.
  // P5: refused at reception, unpaid (still a fee-bearing dossier for QĐ 766 3.6). P6: exempt (left out). P7: no fee.
  await at('2027-03-01 09:00', () => submit('P1', C1, FEE_PROCEDURE, village));
  await at('2027-03-01 09:30', async () => {
    for (const name of ['P1', 'P8']) {
      const p = await paymentOf(name, C1);
      expect((await bankNotify(t, { transactionId: `FT27${name}${process.pid}`, amountVnd: p.amountVnd, description: `CK ${p.reference}` })).json()).toMatchObject({ paid: true });
    }
  });
  await at('2027-03-01 14:00', () => submit('P2', O, FEE_PROCEDURE));
  await at('2027-03-01 14:05', () => inject('POST', `/api/dossiers/${encodeURIComponent(code.P2!)}/payment/cash`, O, { amountVnd: 25000 }));
  await at('2027-03-02 09:00', () => submit('P3', C2, FEE_PROCEDURE, village));
  await at('2027-03-02 09:10', () => paymentOf('P3', C2));
  await at('2027-03-02 10:00', () => submit('P4', C2, FEE_PROCEDURE));
  await at('2027-03-03 09:00', () => submit('P5', C3, FEE_PROCEDURE));
  await at('2027-03-03 10:00', () => act(O, 'P5', REJECT));
  await at('2027-03-03 11:00', () => submit('P6', C3, EXEMPT));
  await at('2027-03-03 11:10', async () => expect((await paymentOf('P6', C3)).status).toBe('exempt'));
  // Ratings (each dossier ends on time, the day it was received). 4–5 = satisfied, 1–2 = dislike.
  await ratedDossier('R1', '2027-03-08', C1, FULL, { overall: 5, timeliness: 5, staffConduct: 4, agenciesContacted: 1, visits: 0, comment: 'Nhanh, gọn' });
  await ratedDossier('R2', '2027-03-08', C2, FULL, { overall: 4, timeliness: 3, visits: 1 });
  await ratedDossier('R3', '2027-03-09', C3, FULL, { overall: 2, timeliness: 2, staffConduct: 1, visits: 2, extraPayment: true, comment: 'Phải chờ lâu' });
  await ratedDossier('R4', '2027-03-09', C1, PART, { overall: 1, timeliness: 1, agenciesContacted: 2 });
  await ratedDossier('R5', '2027-03-10', C2, PART, { overall: 3, comment: '   ' });
  await ratedDossier('R6', '2027-03-10', C3, PART, { overall: 5 });
  await queueDay();
  clock.set('2027-03-15 10:00');
}, 180_000);

afterAll(async () => t?.close());

/** Mon 15/03: three kiosk tickets, two served, one skipped (times in the comments). */
async function queueDay() {
  const base = `/api/communes/${COMMUNE}/queue`;
  const snapshot = await inject('GET', base, O);
  const counter = (n: number) => snapshot.counters.find((c: { number: number }) => c.number === n).id as string;
  const desk = (n: number, op: string) => inject('POST', `${base}/counters/${counter(n)}/${op}`, O, op === 'serve' ? {} : undefined);
  await at('2027-03-15 08:00', () => inject('POST', `${base}/tickets`, O, { groupKey: 'ho_tich' })); // A: waits 20 min, served in 10
  await at('2027-03-15 08:05', () => inject('POST', `${base}/tickets`, O, { groupKey: 'ho_tich' })); // B: waits 30 min, skipped
  await at('2027-03-15 08:10', () => inject('POST', `${base}/tickets`, O, { groupKey: 'chung_thuc' })); // C: waits 2 min, served in 8
  await at('2027-03-15 08:12', () => desk(2, 'call-next'));
  await at('2027-03-15 08:20', () => desk(1, 'call-next'));
  await at('2027-03-15 08:20', () => desk(2, 'serve'));
  await at('2027-03-15 08:30', () => desk(1, 'serve'));
  await at('2027-03-15 08:35', () => desk(1, 'call-next'));
  await at('2027-03-15 08:40', () => desk(1, 'skip'));
}

async function dashboard(from: string, to: string, who = 'demo.leader') {
  return inject('GET', `/api/indicators/communes/${COMMUNE}/dashboard?from=${from}&to=${to}`, who);
}
type Panel = { id: string; status: string; indicators: { id: string; value: number | null; numerator: number | null; denominator: number | null; status: string }[]; data: Record<string, unknown> };
const panel = (d: { panels: Panel[] }, id: string) => d.panels.find((p) => p.id === id)!;
const value = (p: Panel, id: string) => p.indicators.find((i) => i.id === id)!;

describe('online payment (QĐ 766 indicator 3.6)', () => {
  it('divides the dossiers paid online by the fee-bearing dossiers submitted in the month, leaving out exempt ones', async () => {
    const p = panel(await dashboard('2027-03', '2027-03'), 'payments');
    // Fee-bearing in March: P1..P6 = 6, less P6 (exempt) = 5; paid online: P1 → 1 ÷ 5 = 20%.
    expect(value(p, 'paid_online_share')).toMatchObject({ status: 'ok', numerator: 1, denominator: 5, value: 20 });
    expect(p.data.amountsVnd).toEqual({ paidOnline: 25000, paidAtCounter: 25000 });
    expect(p.data.months).toEqual([{ month: '2027-03', feeBearing: 5, paidOnline: 1, paidAtCounter: 1, unpaid: 3, paidOnlineShare: 20 }]);
    // By village: P1 and P3 named the first village → 1 ÷ 2 = 50%.
    expect((p.data.villages as { villageId: string }[]).find((v) => v.villageId === village)).toMatchObject({ feeBearing: 2, paidOnline: 1, paidOnlineShare: 50 });
    expect((p.data.procedures as { code: string }[]).find((x) => x.code === FEE_PROCEDURE)).toMatchObject({ feeBearing: 5, paidOnline: 1, paidAtCounter: 1, unpaid: 3 });
  });

  it('counts a dossier in the month it was submitted, and scores Decision 766 component 3.6', async () => {
    const d = await dashboard('2027-02', '2027-03');
    const p = panel(d, 'payments');
    // February: P8, paid online in March → 1 ÷ 1. Both months: 2 ÷ 6 = 33,3%.
    expect((p.data.months as unknown[])[0]).toMatchObject({ month: '2027-02', feeBearing: 1, paidOnline: 1, paidOnlineShare: 100 });
    expect(value(p, 'paid_online_share')).toMatchObject({ numerator: 2, denominator: 6, value: 33.3 });
    const c36 = d.index766.groups.flatMap((g: { components: { id: string }[] }) => g.components).find((c: { id: string }) => c.id === '3.6');
    expect(c36).toMatchObject({ status: 'computed', rate: 33.3, points: 2 }); // 6 × 33,3% = 2,0
  });
});

describe('satisfaction (ND 61/2018 Art. 31)', () => {
  it('gives the satisfaction rate, dislikes, comments and unofficial-cost reports of the month', async () => {
    const p = panel(await dashboard('2027-03', '2027-03'), 'satisfaction');
    // 6 ratings; overall 4–5: R1 R2 R6 = 3 → 50%; 1–2: R3 R4 = 2 → 33,3%; comments R1 R3 (R5 only spaces) = 2; one extra payment.
    expect(value(p, 'satisfaction_rate')).toMatchObject({ numerator: 3, denominator: 6, value: 50 });
    expect(value(p, 'dissatisfied_share')).toMatchObject({ numerator: 2, denominator: 6, value: 33.3 });
    expect(value(p, 'rating_count').value).toBe(6);
    expect(value(p, 'rating_comments').value).toBe(2);
    expect(value(p, 'extra_payment_reports').value).toBe(1);
  });

  it('rates each criterion over those who answered it, and lists the worst-rated procedures first', async () => {
    const p = panel(await dashboard('2027-03', '2027-03'), 'satisfaction');
    const c = (key: string) => (p.data.criteria as { key: string }[]).find((x) => x.key === key);
    expect(c('timeliness')).toMatchObject({ answered: 4, satisfied: 1, rate: 25 }); // 5 3 2 1 → only the 5
    expect(c('staffConduct')).toMatchObject({ answered: 2, satisfied: 1, rate: 50 }); // 4 and 1
    expect(c('agenciesContacted')).toMatchObject({ answered: 2, satisfied: 1, rate: 50 }); // one agency: R1 of R1 R4
    expect(c('visits')).toMatchObject({ answered: 3, satisfied: 2, rate: 66.7 }); // 0 1 2 trips → two at most one
    // PART: 1 3 5 → 1 of 3 satisfied (33,3%), mean 3; FULL: 5 4 2 → 2 of 3 (66,7%), mean 3,7.
    expect((p.data.worstProcedures as unknown[]).map((x) => (x as { code: string }).code)).toEqual([PART, FULL]);
    expect((p.data.worstProcedures as unknown[])[0]).toMatchObject({ ratings: 3, satisfied: 1, satisfactionRate: 33.3, averageOverall: 3, dislikes: 1 });
  });

  it('scores Decision 766 component 5.4 from the late dossiers and the dislikes', async () => {
    const d = await dashboard('2027-03', '2027-03');
    const c54 = d.index766.groups.flatMap((g: { components: { id: string }[] }) => g.components).find((c: { id: string }) => c.id === '5.4');
    // Ended in March: R1..R6 = 6, none late; 2 dislikes → 100 − 0 − 33,3 = 66,7% → 6 × 66,7 ÷ 90 = 4,4 points.
    expect(c54).toMatchObject({ status: 'computed', rate: 66.7, points: 4.4 });
  });
});

describe('counter queue', () => {
  it('gives waiting and service times per month, group and day', async () => {
    const p = panel(await dashboard('2027-03', '2027-03'), 'counter');
    // Waits 20 + 30 + 2 = 52 min over 3 calls = 17,3; longest 30; service 10 + 8 = 18 min over 2 served = 9.
    expect(value(p, 'queue_tickets').value).toBe(3);
    expect(value(p, 'queue_avg_wait')).toMatchObject({ value: 17.3, numerator: 52, denominator: 3 });
    expect(value(p, 'queue_max_wait').value).toBe(30);
    expect(value(p, 'queue_avg_service')).toMatchObject({ value: 9, numerator: 18, denominator: 2 });
    const group = (k: string) => (p.data.groups as { groupKey: string }[]).find((g) => g.groupKey === k);
    expect(group('ho_tich')).toMatchObject({ tickets: 2, called: 2, served: 1, skipped: 1, avgWaitMinutes: 25, maxWaitMinutes: 30, avgServiceMinutes: 10 });
    expect(group('chung_thuc')).toMatchObject({ tickets: 1, served: 1, avgWaitMinutes: 2, avgServiceMinutes: 8 });
    expect(p.data.days).toEqual([{ day: '2027-03-15', tickets: 3, called: 3, served: 2, skipped: 1, avgWaitMinutes: 17.3, maxWaitMinutes: 30, avgServiceMinutes: 9 }]);
  });

  it('says "no data yet" for a month without tickets, payments or ratings, instead of a number', async () => {
    const d = await dashboard('2027-05', '2027-05');
    for (const id of ['counter', 'satisfaction', 'payments']) {
      const p = panel(d, id);
      expect(p).toMatchObject({ status: 'no_data_yet', data: null });
      for (const i of p.indicators) expect(i).toMatchObject({ status: 'no_data_yet', value: null });
    }
  });
});

describe('province view of the panels', () => {
  it('puts the communes side by side, with the same figures as the commune', async () => {
    const d = await inject('GET', '/api/indicators/provinces/51/dashboard?from=2027-03&to=2027-03', 'demo.province');
    const row = (id: string) => (panel(d, id).data.communes as { communeCode: string }[]).find((c) => c.communeCode === COMMUNE);
    expect(row('payments')).toMatchObject({ communeName: expect.stringContaining('Trà Bồng'), feeBearing: 5, paidOnline: 1, paidOnlineShare: 20 });
    expect(row('satisfaction')).toMatchObject({ ratings: 6, satisfied: 3, satisfactionRate: 50 });
    expect(row('counter')).toMatchObject({ tickets: 3, avgWaitMinutes: 17.3 });
    expect((panel(d, 'payments').data.communes as unknown[]).length).toBe(d.scope.communeCount);
  });
});
