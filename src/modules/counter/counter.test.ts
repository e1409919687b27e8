import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../../../tests/support/test-app';
import { act, demoCommuneCode, submitAsCitizen } from '../../../tests/support/fixtures';
import { queryRows } from '../../platform/db';
import { sql } from 'drizzle-orm';
import { renderShipped } from '../notifications';

let t: TestApp;
let commune: string;
let clock = new Date('2026-03-02T01:00:00Z'); // Monday 08:00 in Hà Nội
const tick = (minutes: number) => { clock = new Date(clock.getTime() + minutes * 60_000); };

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  commune = await demoCommuneCode(t);
});
afterAll(async () => t.close());

const base = () => `/api/communes/${commune}/queue`;
const take = (groupKey: string, phone?: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `${base()}/tickets`, payload: { groupKey, ...(phone ? { phone } : {}) }, headers });
const desk = async (counterId: string, op: string, payload?: object, who = 'demo.officer') =>
  t.app.inject({ method: 'POST', url: `${base()}/counters/${counterId}/${op}`, headers: bearer(await t.staffToken(who)), ...(payload ? { payload } : {}) });
const snapshot = async () => (await t.app.inject({ method: 'GET', url: base() })).json();
const counterNo = async (n: number) => (await snapshot()).counters.find((c: { number: number }) => c.number === n).id as string;

describe('counter queue', () => {
  it('gives kiosk tickets numbered per group and day, and tells how many wait before', async () => {
    const a1 = (await take('ho_tich')).json();
    const a2 = (await take('ho_tich')).json();
    const b1 = (await take('chung_thuc', '0900000016')).json();
    expect([a1.number, a2.number, b1.number]).toEqual(['A001', 'A002', 'B001']);
    expect([a1.ahead, a2.ahead, b1.ahead]).toEqual([0, 1, 0]);
    expect(a1.groupName).toBe('Tư pháp – hộ tịch');
    const snap = await snapshot();
    expect(snap.groups.find((g: { key: string }) => g.key === 'ho_tich').waiting).toBe(2);
    expect(b1.smsRequested).toBe(true);
    expect(JSON.stringify(snap)).not.toContain('0900000016'); // no phone numbers on the public board

    const key = { 'idempotency-key': 'kiosk-press-000001' };
    const first = (await take('dat_dai', undefined, key)).json();
    const again = (await take('dat_dai', undefined, key)).json();
    expect(again.id).toBe(first.id);
    expect(again.number).toBe('C001');
  });

  it('refuses an unknown group and a bad phone, and changes nothing', async () => {
    const before = await snapshot();
    const unknown = await take('thue');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.vi).toContain('Nhóm dịch vụ');
    const badPhone = await take('ho_tich', '12345');
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.fields[0].path).toContain('phone');
    expect(await snapshot()).toEqual(before);
    expect((await t.app.inject({ method: 'POST', url: '/api/communes/99999/queue/tickets', payload: { groupKey: 'ho_tich' } })).statusCode).toBe(404);
  });

  it('calls the oldest waiting number of the counter groups, recalls, skips and serves with a dossier', async () => {
    const counter1 = await counterNo(1); // ho_tich + cu_tru
    tick(7);
    const called = await desk(counter1, 'call-next');
    expect(called.statusCode, called.body).toBe(200);
    expect(called.json().ticket.number).toBe('A001');
    const board = called.json().snapshot.counters.find((c: { id: string }) => c.id === counter1);
    expect(board.current.number).toBe('A001');
    expect((await desk(counter1, 'call-next')).statusCode).toBe(409); // still serving A001

    const recalled = await desk(counter1, 'recall');
    expect(recalled.json().ticket.recalls).toBe(1);

    const { code } = await submitAsCitizen(t);
    await act(t, 'demo.officer', code, { type: 'receive' });
    tick(5);
    const served = await desk(counter1, 'serve', { dossierCode: code });
    expect(served.json().ticket).toMatchObject({ number: 'A001', status: 'served', dossierCode: code });
    expect(served.json().snapshot.counters.find((c: { id: string }) => c.id === counter1).current).toBeNull();

    expect((await desk(counter1, 'call-next')).json().ticket.number).toBe('A002');
    const skipped = await desk(counter1, 'skip');
    expect(skipped.json().ticket.status).toBe('skipped');
    expect((await desk(counter1, 'call-next')).json().ticket).toBeNull(); // nobody left in its groups
    expect((await desk(counter1, 'skip')).statusCode).toBe(409);
  });

  it('links a served ticket only to a dossier of this commune, and keeps counters to the commune officers', async () => {
    const counter2 = await counterNo(2);
    await desk(counter2, 'call-next'); // B001
    const wrong = await desk(counter2, 'serve', { dossierCode: '000.00.99999.H01-260302-0001' });
    expect(wrong.statusCode).toBe(404);
    expect((await desk(counter2, 'recall', undefined, 'demo.leader')).statusCode).toBe(403);
    const citizen = await t.app.inject({ method: 'POST', url: `${base()}/counters/${counter2}/recall`, headers: bearer(await t.citizenToken('0900000002')) });
    expect(citizen.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `${base()}/counters/${counter2}/recall` })).statusCode).toBe(401);
    expect((await desk('00000000-0000-4000-8000-000000000000', 'call-next')).statusCode).toBe(404);
    expect((await desk(counter2, 'serve', {})).statusCode).toBe(200);
  });

  it('sends one SMS to the person who has three left ahead, and forgets the phone once served', async () => {
    const counter1 = await counterNo(1);
    const phones = ['0900000011', '0900000012', '0900000013', '0900000014', '0900000015'];
    for (const p of phones) await take('cu_tru', p);
    const smsCount = async () => (await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from outbox_messages where payload->>'template' = 'queue.turn_near'`))[0]!.n;
    const before = await smsCount();
    await desk(counter1, 'call-next'); // D001 called: D005 now has 3 ahead
    const rows = await queryRows<{ payload: { recipient: { phone: string }; params: Record<string, string> } }>(t.deps.db,
      sql`select payload from outbox_messages where payload->>'template' = 'queue.turn_near' order by id desc limit 1`);
    expect(await smsCount()).toBe(before + 1);
    expect(rows[0]!.payload.recipient.phone).toBe('0900000015');
    const text = renderShipped('queue.turn_near', rows[0]!.payload.params)!;
    expect(text.vi).toContain('D005');
    expect(text.vi).toContain('quầy 1');
    await desk(counter1, 'serve', {});
    await desk(counter1, 'call-next');
    expect(await smsCount()).toBe(before + 1); // once only
    const kept = await queryRows<{ number: string; phone: string | null }>(t.deps.db, sql`select number, phone from queue_tickets where group_key = 'cu_tru' and status = 'served'`);
    expect(kept.every((r) => r.phone === null)).toBe(true);
  });

  it('keeps waiting and service times per group and day for the indicators', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${base()}/stats?from=2026-03-02&to=2026-03-02`, headers: bearer(await t.staffToken('demo.leader')) });
    expect(res.statusCode, res.body).toBe(200);
    const hoTich = res.json().rows.find((r: { groupKey: string }) => r.groupKey === 'ho_tich');
    // A001 waited 7 minutes and was served 5 minutes after its recall; A002 waited 12 minutes, then was skipped.
    expect(hoTich).toMatchObject({ day: '2026-03-02', tickets: 2, called: 2, served: 1, skipped: 1, avgWaitSeconds: 570, maxWaitSeconds: 720, avgServiceSeconds: 300 });
    const bad = await t.app.inject({ method: 'GET', url: `${base()}/stats?from=2026-03-05&to=2026-03-01`, headers: bearer(await t.staffToken('demo.leader')) });
    expect(bad.statusCode).toBe(400);
  });

  it('lets only the commune admin change groups and counters, consistently', async () => {
    const config = { groups: [{ key: 'ho_tich', name: 'Hộ tịch', nameEn: 'Civil status', letter: 'H' }], counters: [{ number: 1, name: 'Quầy 1', groupKeys: ['ho_tich'] }] };
    const put = async (who: string, body: object) => t.app.inject({ method: 'PUT', url: `${base()}/config`, payload: body, headers: bearer(await t.staffToken(who)) });
    expect((await put('demo.officer', config)).statusCode).toBe(403);
    const bad = await put('demo.admin', { ...config, counters: [{ number: 1, name: 'Quầy 1', groupKeys: ['dat_dai'] }] });
    expect(bad.statusCode).toBe(422);
    const ok = await put('demo.admin', config);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().counters).toHaveLength(1);
    expect((await take('ho_tich')).json().number).toBe('H003'); // the group's count for the day goes on under its new letter
    expect((await take('dat_dai')).statusCode).toBe(422);
  });

  it('ships the demo commune with weeks of queue history for the indicators', async () => {
    const day = (offset: number) => new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
    const res = await t.app.inject({ method: 'GET', url: `${base()}/stats?from=${day(-45)}&to=${day(0)}`, headers: bearer(await t.staffToken('demo.leader')) });
    const rows = res.json().rows as { day: string; tickets: number; avgWaitSeconds: number; served: number }[];
    expect(new Set(rows.map((r) => r.day)).size).toBe(20);
    for (const r of rows) expect(r.avgWaitSeconds).toBeGreaterThanOrEqual(120);
    expect(rows.reduce((n, r) => n + r.served, 0)).toBeGreaterThan(500);
  });
});
