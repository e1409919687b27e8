import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { diffAggregatesWithNaive } from './maintenance.repo';
import { actAs, Clock, COMMUNE, L, longTokens, REJECT, removeAllDossiers, REQUEST, submitAs } from './indicators.test-support';

/**
 * Each indicator on a small hand-built dataset in March 2027 (no holiday in that month: every
 * weekday is a working day; 1 March is a Monday). The expected values are worked out by hand in the
 * comments, from the rules cited in definitions.ts.
 */
const FULL = '2.000908'; // full online, same day (0 working days), no fee
const PART = '1.004873'; // partial online, 3 working days, no fee
const FEE = '2.000884'; // partial online, same day, fee 10.000 đ

const clock = new Clock(L('2027-02-26 08:00'));
let t: TestApp;
let auth: Awaited<ReturnType<typeof longTokens>>;
const codes: Record<string, string> = {};
let villages: string[] = [];

/** Steps are collected, then run in time order (stable for equal times). */
const steps: { at: string; run: () => Promise<unknown> }[] = [];
const step = async (at: string, run: () => Promise<unknown>) => void steps.push({ at, run });
const submit = async (name: string, as: string, procedureCode: string, villageId?: string) => {
  codes[name] = await submitAs(t, auth, { as, procedureCode, villageId });
};
const act = (who: string, name: string, payload: Record<string, unknown>) => actAs(t, auth, who, codes[name]!, payload);

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  await removeAllDossiers(t);
  auth = await longTokens(t, ['demo.officer', 'demo.specialist', 'demo.leader', 'demo.volunteer'], ['0900000001', '0900000002']);
  villages = (await t.app.inject({ method: 'GET', url: `/api/communes/${COMMUNE}/villages` })).json().items.map((v: { id: string }) => v.id);
  const [v1, v2] = villages;
  const O = 'demo.officer', S = 'demo.specialist', LEAD = 'demo.leader', V = 'demo.volunteer', C1 = '0900000001', C2 = '0900000002';
  // L: counter intake Fri 26/02 09:00 → due Wed 03/03 17:00; approved Tue 02/03 → early; 2 working days (Mon 1, Tue 2).
  await step('2027-02-26 09:00', () => submit('L', O, PART));
  await step('2027-02-26 10:00', () => act(S, 'L', { type: 'start_processing' }));
  // A: citizen online Mon 01/03 09:00 (same-day procedure), received 10:00 → due Mon 01/03 17:00; approved 16:00 → on
  // time; 0 working days.
  await step('2027-03-01 09:00', () => submit('A', C1, FULL, v1));
  await step('2027-03-01 10:00', () => act(O, 'A', { type: 'receive' }));
  await step('2027-03-01 11:00', () => act(S, 'A', { type: 'start_processing' }));
  await step('2027-03-01 16:00', () => act(LEAD, 'A', { type: 'approve' }));
  // B: counter intake Mon 01/03 14:00 → due Thu 04/03 17:00; approved Thu 16:00 → on time; 3 working days.
  await step('2027-03-01 14:00', () => submit('B', O, PART, v1));
  await step('2027-03-01 15:00', () => act(S, 'B', { type: 'start_processing' }));
  await step('2027-03-02 10:00', () => act(LEAD, 'L', { type: 'approve' }));
  await step('2027-03-02 15:00', () => act(O, 'A', { type: 'return_result' }));
  // C: volunteer-assisted online Tue 02/03 09:00, received 10:00 (due Fri 05/03); papers asked Tue 14:00, brought
  // Thu 04/03 09:00 → due restarts: Tue 09/03 17:00; approved Mon 08/03 → early; 4 working days − 2 waiting = 2.
  await step('2027-03-02 09:00', () => submit('C', V, PART, v2));
  await step('2027-03-02 10:00', () => act(O, 'C', { type: 'receive' }));
  await step('2027-03-02 11:00', () => act(S, 'C', { type: 'start_processing' }));
  await step('2027-03-02 14:00', () => act(S, 'C', REQUEST));
  // D: citizen online Wed 03/03 09:00 (same day); papers asked twice → late whatever the dates (766 §2.1);
  // Wed → Fri = 2 working days − 1 − 1 waiting = 0.
  await step('2027-03-03 09:00', () => submit('D', C2, FULL));
  await step('2027-03-03 10:00', () => act(O, 'D', { type: 'receive' }));
  await step('2027-03-03 11:00', () => act(S, 'D', { type: 'start_processing' }));
  await step('2027-03-03 12:00', () => act(S, 'D', REQUEST));
  await step('2027-03-04 09:00', () => act(V, 'C', { type: 'supplement' }));
  await step('2027-03-04 09:00', () => act(C2, 'D', { type: 'supplement' }));
  await step('2027-03-04 10:00', () => act(S, 'D', REQUEST));
  await step('2027-03-04 16:00', () => act(LEAD, 'B', { type: 'approve' }));
  // E: counter intake Thu 04/03 09:00 → due Tue 09/03; apology and new date Fri 12/03 17:00; approved Fri 12/03 16:00
  // → on time against the new appointment; 6 working days.
  await step('2027-03-04 09:00', () => submit('E', O, PART));
  await step('2027-03-04 10:00', () => act(S, 'E', { type: 'start_processing' }));
  await step('2027-03-05 09:00', () => act(C2, 'D', { type: 'supplement' }));
  await step('2027-03-05 10:00', () => act(LEAD, 'D', { type: 'approve' }));
  // F: counter intake Fri 05/03 09:00 → due Wed 10/03 17:00; approved Thu 11/03 09:00 → late; 4 working days.
  await step('2027-03-05 09:00', () => submit('F', O, PART));
  await step('2027-03-05 10:00', () => act(S, 'F', { type: 'start_processing' }));
  await step('2027-03-08 10:00', () => act(S, 'E', { type: 'reappoint', note: 'Cần xác minh thêm', newDueAt: L('2027-03-12 17:00').toISOString() }));
  await step('2027-03-08 10:00', () => act(LEAD, 'C', { type: 'approve' }));
  // G: counter intake Mon 08/03 09:00 → due Thu 11/03 17:00, never decided: overdue on Mon 15/03 by 2 working days.
  await step('2027-03-08 09:00', () => submit('G', O, PART));
  await step('2027-03-08 10:00', () => act(S, 'G', { type: 'start_processing' }));
  // H: citizen online Mon 08/03, refused at reception: submitted and online, never received.
  await step('2027-03-08 09:00', () => submit('H', C1, FULL));
  await step('2027-03-08 10:00', () => act(O, 'H', REJECT));
  // I: citizen online Tue 09/03 09:00, received, papers asked 11:00, withdrawn Wed 10/03 09:00 while the clock was
  // paused: no appointment → 1 working day − 1 waiting = 0 < 3 → early (766 §2.1, "no appointment date").
  await step('2027-03-09 09:00', () => submit('I', C1, PART));
  await step('2027-03-09 10:00', () => act(O, 'I', { type: 'receive' }));
  await step('2027-03-09 11:00', () => act(S, 'I', REQUEST));
  await step('2027-03-10 09:00', () => act(C1, 'I', { type: 'withdraw' }));
  // J: counter intake Mon 15/03 09:00, fee, same day → due 17:00 today: open, not yet due.
  // K: papers asked: the clock is paused, never overdue.
  await step('2027-03-15 09:00', () => submit('J', O, FEE));
  await step('2027-03-10 10:00', () => submit('K', O, PART));
  await step('2027-03-10 11:00', () => act(S, 'K', REQUEST));
  await step('2027-03-11 09:00', () => act(LEAD, 'F', { type: 'approve' }));
  await step('2027-03-12 16:00', () => act(LEAD, 'E', { type: 'approve' }));
  for (const s of [...steps].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) {
    clock.set(s.at);
    await s.run();
  }
  clock.set('2027-03-15 10:00');
}, 120_000);

afterAll(async () => t?.close());

async function dashboard(from: string, to: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/indicators/communes/${COMMUNE}/dashboard?from=${from}&to=${to}`, headers: auth('demo.leader') });
  expect(res.statusCode).toBe(200);
  return res.json();
}
const figure = (d: { headline: { id: string }[] }, id: string) => d.headline.find((h) => h.id === id) as unknown as { value: number | null; numerator: number | null; denominator: number | null; status: string };

describe('indicators on a hand-built March 2027', () => {
  it('online share, split full / partial, and assisted share (by submission day)', async () => {
    const d = await dashboard('2027-03', '2027-03');
    // Submitted in March: A B C D E F G H I J K = 11 (L was submitted in February).
    // Online: A C D H I = 5 → 45,5%; full-online procedures: A D H = 3 → 27,3%; partial: C I = 2 → 18,2%.
    expect(figure(d, 'online_share')).toMatchObject({ numerator: 5, denominator: 11, value: 45.5 });
    expect(figure(d, 'full_online_share')).toMatchObject({ numerator: 3, denominator: 11, value: 27.3 });
    expect(figure(d, 'partial_online_share')).toMatchObject({ numerator: 2, denominator: 11, value: 18.2 });
    // Filed by the volunteer: C = 1 → 9,1%.
    expect(figure(d, 'assisted_share')).toMatchObject({ numerator: 1, denominator: 11, value: 9.1 });
  });

  it('early, on time and late among the dossiers whose processing ended in the month', async () => {
    const d = await dashboard('2027-03', '2027-03');
    // Ended in March after reception: A(on time) B(on time) C(early) D(late) E(on time) F(late) I(early) L(early) = 8.
    // H was refused at reception (never received): not counted.
    expect(figure(d, 'early_share')).toMatchObject({ numerator: 3, denominator: 8, value: 37.5 });
    expect(figure(d, 'on_time_share')).toMatchObject({ numerator: 3, denominator: 8, value: 37.5 });
    expect(figure(d, 'late_share')).toMatchObject({ numerator: 2, denominator: 8, value: 25 });
    expect(figure(d, 'on_time_or_early_share')).toMatchObject({ numerator: 6, denominator: 8, value: 75 });
  });

  it('average processing time in working days, supplement time excluded', async () => {
    const d = await dashboard('2027-03', '2027-03');
    // With a result: A 0 + B 3 + C 2 + D 0 + E 6 + F 4 + L 2 = 17 working days over 7 dossiers = 2,43 → 2,4.
    expect(figure(d, 'avg_processing_days')).toMatchObject({ numerator: 17, denominator: 7, value: 2.4 });
  });

  it('overdue now and apology letters', async () => {
    const d = await dashboard('2027-03', '2027-03');
    // On Mon 15/03 10:00 only G (due Thu 11/03 17:00) is overdue by Fri 12 and Mon 15: J is due at 17:00 today,
    // K waits for papers.
    expect(figure(d, 'overdue_now').value).toBe(1);
    expect(d.overdue.items).toHaveLength(1);
    expect(d.overdue.items[0]).toMatchObject({ code: codes.G, workingDaysOverdue: 2, reappointed: false });
    expect(d.overdue.items[0].applicantName).not.toContain('Nguyễn Văn An');
    expect(figure(d, 'apology_letters').value).toBe(1); // E's reappointment on 08/03
  });

  it('splits per month, per village and per procedure', async () => {
    const d = await dashboard('2027-02', '2027-03');
    const feb = d.trend.points.find((p: { month: string }) => p.month === '2027-02');
    const mar = d.trend.points.find((p: { month: string }) => p.month === '2027-03');
    // L: submitted in February, resolved in March.
    expect(feb).toMatchObject({ submitted: 1, online: 0, resolved: 0 });
    expect(mar).toMatchObject({ submitted: 11, online: 5, assisted: 1, resolved: 8, early: 3, onTime: 3, late: 2, apologies: 1, onlineShare: 45.5 });
    const [v1, v2] = villages;
    // Village 1: A (online) and B (counter) → 50%; village 2: C (assisted, online) → 100%.
    expect(d.villages.find((v: { villageId: string }) => v.villageId === v1)).toMatchObject({ submitted: 2, online: 1, onlineShare: 50 });
    expect(d.villages.find((v: { villageId: string }) => v.villageId === v2)).toMatchObject({ submitted: 1, online: 1, assisted: 1, onlineShare: 100 });
    // No village given: D E F G H I J K L = 9, of them G overdue.
    expect(d.villages.find((v: { villageId: string | null }) => v.villageId === null)).toMatchObject({ submitted: 9, overdueNow: 1 });
    // FULL: A D H submitted, all online; resolved A (on time) and D (late); 0 working days each.
    expect(d.procedures.find((p: { code: string }) => p.code === FULL)).toMatchObject({ submitted: 3, online: 3, onlineShare: 100, resolved: 2, onTimeOrEarlyShare: 50, avgProcessingDays: 0 });
    // PART: L B C E F G I K = 8, online C I → 25%; resolved L B C E F I, late only F → 5/6 = 83,3%;
    // with a result L 2 + B 3 + C 2 + E 6 + F 4 = 17 over 5 = 3,4 working days; E's apology.
    expect(d.procedures.find((p: { code: string }) => p.code === PART)).toMatchObject({
      submitted: 8, online: 2, onlineShare: 25, resolved: 6, onTimeOrEarlyShare: 83.3, avgProcessingDays: 3.4, apologies: 1,
    });
    // FEE: only J, at the counter, still open.
    expect(d.procedures.find((p: { code: string }) => p.code === FEE)).toMatchObject({ submitted: 1, online: 0, resolved: 0, avgProcessingDays: null });
  });

  it('scores the Decision 766 components it can, and marks the others', async () => {
    const d = await dashboard('2027-03', '2027-03');
    const c = (id: string) => d.index766.groups.flatMap((g: { components: unknown[] }) => g.components).find((x: { id: string }) => x.id === id);
    // 2.1: 20 × 6/8 = 15 points.
    expect(c('2.1')).toMatchObject({ status: 'computed', rate: 75, points: 15, maxPoints: 20 });
    // 3.3: received in March A C D I online out of A B C D E F G I J K = 4/10 = 40% → 6 × 40 / 50 = 4,8 points.
    expect(c('3.3')).toMatchObject({ status: 'computed', rate: 40, points: 4.8, maxPoints: 6 });
    expect(c('1.2')).toMatchObject({ status: 'not_measured_here', points: null });
    expect(c('5.4')).toMatchObject({ status: 'no_data_yet', points: null });
    expect(d.index766.totalMax).toBe(100);
    expect(d.index766.notMeasuredMax).toBe(100 - d.index766.measuredMax);
  });

  it('fills the monthly report (Biểu 06) with the same figures, balanced', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/indicators/communes/${COMMUNE}/report.xlsx?from=2027-03&to=2027-03`, headers: auth('demo.leader') });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const data = wb.getWorksheet(2)!;
    const totalRow = data.getRow(data.rowCount).values as unknown[];
    // Received in March: A B C D E F G I J K = 10 (online A C D I = 4, counter 6), plus L carried over from February
    // → 11 to handle. Resolved 8 (3 early, 3 on time, 2 late). Still open on 15/03: G J K = 3, of which G overdue.
    // Balance: 10 + 1 = 8 + 3.
    expect(totalRow.slice(2)).toEqual([11, 4, 6, 1, 8, 3, 3, 2, 3, 2, 1]);
  });

  it('the maintained aggregates equal the naive recomputation after the whole scenario', async () => {
    expect(await diffAggregatesWithNaive(t.deps.db)).toEqual([]);
  });
});
