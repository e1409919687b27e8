import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows } from '../../platform/db';
import { bearer, createTestApp, type TestApp } from '../../../tests/support/test-app';
import { command, getHousehold, listHouseholds, newHousehold, push, villageIdsByName } from '../field/field-test-helpers';

let t: TestApp;
let villages: Map<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  villages = await villageIdsByName(t);
});
afterAll(() => t?.close());

describe('who sees which households', () => {
  it('shows a member only the villages they cover, and the commune leader all of them', async () => {
    const mine = await listHouseholds(t, 'demo.volunteer');
    expect(new Set(mine.map((h) => h.villageName))).toEqual(new Set(['Thôn Trà Kiểm', 'Thôn An Hòa']));
    const all = await listHouseholds(t, 'demo.leader');
    expect(new Set(all.map((h) => h.villageName)).size).toBe(villages.size);
    const elsewhere = all.find((h) => h.villageName === 'Thôn Vàng')!;
    const res = await getHousehold(t, 'demo.volunteer', elsewhere.id);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('HOUSEHOLD_NOT_FOUND');
    const filtered = await t.app.inject({ url: `/api/households?villageId=${villages.get('Thôn Vàng')}`, headers: bearer(await t.staffToken('demo.volunteer')) });
    expect(filtered.statusCode).toBe(404);
  });

  it('refuses roles outside the team (officer, province viewer, citizen)', async () => {
    for (const who of ['demo.officer', 'demo.province']) {
      expect((await t.app.inject({ url: '/api/households', headers: bearer(await t.staffToken(who)) })).statusCode).toBe(403);
    }
    expect((await t.app.inject({ url: '/api/households', headers: bearer(await t.citizenToken('0900000001')) })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/households' })).statusCode).toBe(401);
  });

  it('masks phones and ID numbers, and audits who reveals them', async () => {
    const [first] = await listHouseholds(t, 'demo.volunteer', `&villageId=${villages.get('Thôn Trà Kiểm')}`);
    const view = (await getHousehold(t, 'demo.volunteer', first!.id)).json();
    const withPhone = view.members.find((m: { phone: string | null }) => m.phone)!;
    expect(withPhone.phone).toMatch(/^0\d{2}\*{5}\d{2}$/);
    const before = await queryOne<{ n: number }>(t.deps.db, sql`select count(*)::int as n from audit_log where action = 'household_person.reveal'`);
    const reveal = await t.app.inject({ method: 'POST', url: `/api/household-people/${withPhone.id}/reveal`, headers: bearer(await t.staffToken('demo.volunteer')) });
    expect(reveal.json().phone).toMatch(/^0\d{9}$/);
    const after = await queryOne<{ n: number }>(t.deps.db, sql`select count(*)::int as n from audit_log where action = 'household_person.reveal'`);
    expect(after!.n).toBe(before!.n + 1);
  });
});

describe('a new household that looks like an existing one', () => {
  it('is held back with a warning naming the existing household, and saved once confirmed', async () => {
    const traKiem = villages.get('Thôn Trà Kiểm')!;
    const [existing] = await listHouseholds(t, 'demo.volunteer', `&villageId=${traKiem}`);
    const plain = existing!.headName.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toUpperCase();
    const check = await t.app.inject({ url: `/api/households/duplicates?villageId=${traKiem}&headName=${encodeURIComponent(plain)}`, headers: bearer(await t.staffToken('demo.volunteer')) });
    expect(check.json().items.map((h: { id: string }) => h.id)).toContain(existing!.id);

    const draft = newHousehold(traKiem, plain);
    const [held] = await push(t, 'demo.volunteer', [command('household.create', draft)]);
    expect(held).toMatchObject({ status: 'needs_attention', reason: { code: 'DUPLICATE_HOUSEHOLD' } });
    expect(held!.reason!.vi).toContain(existing!.headName);
    expect((await getHousehold(t, 'demo.volunteer', draft.id)).statusCode).toBe(404);

    const [saved] = await push(t, 'demo.volunteer', [command('household.create', { ...draft, acknowledgeDuplicate: true })]);
    expect(saved).toMatchObject({ status: 'applied', result: { householdId: draft.id } });
    expect((await getHousehold(t, 'demo.volunteer', draft.id)).json().members).toHaveLength(2);
  });

  it('allows the same head name in another village', async () => {
    const [existing] = await listHouseholds(t, 'demo.volunteer', `&villageId=${villages.get('Thôn Trà Kiểm')}`);
    const [res] = await push(t, 'demo.volunteer', [command('household.create', newHousehold(villages.get('Thôn An Hòa')!, existing!.headName))]);
    expect(res!.status).toBe('applied');
  });
});

describe('targeting lists', () => {
  it('lists households of my villages where no adult has a portal account, elderly first', async () => {
    const res = await t.app.inject({ url: '/api/households/targets?need=no_portal_account', headers: bearer(await t.staffToken('demo.volunteer')) });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; hasElderly: boolean; villageName: string }[];
    expect(items.length).toBeGreaterThan(3);
    expect(items.every((h) => ['Thôn Trà Kiểm', 'Thôn An Hòa'].includes(h.villageName))).toBe(true);
    const firstYoung = items.findIndex((h) => !h.hasElderly);
    expect(items.slice(firstYoung).some((h) => h.hasElderly)).toBe(false);
    const ids = items.map((h) => h.id);
    const withAccount = await queryRows<{ household_id: string }>(t.deps.db, sql`select distinct household_id from household_people where portal_account = true and deleted_at is null and (birth_year is null or birth_year <= ${new Date().getUTCFullYear() - 18})`);
    expect(withAccount.some((r) => ids.includes(r.household_id))).toBe(false);
  });

  it('exports the list as CSV and audits the export', async () => {
    const res = await t.app.inject({ url: '/api/households/targets/export.csv?need=no_vneid_level2', headers: bearer(await t.staffToken('demo.volunteer')) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.split('\r\n')[0]).toContain('Chủ hộ');
    expect(res.body).not.toMatch(/0\d{9}/);
    const audit = await queryOne<{ details: { rows: number } }>(t.deps.db, sql`select details from audit_log where action = 'households.export' order by id desc limit 1`);
    expect(audit!.details.rows).toBe(res.body.trim().split('\r\n').length - 1);
  });
});

describe('edits and their history', () => {
  it('keeps every write with who and when, and masks phone numbers in the history', async () => {
    const [h] = await listHouseholds(t, 'demo.volunteer', `&villageId=${villages.get('Thôn An Hòa')}`);
    const view = (await getHousehold(t, 'demo.volunteer', h!.id)).json();
    const person = view.members[0];
    const [res] = await push(t, 'demo.volunteer', [command('person.update', {
      personId: person.id, changes: [{ field: 'phone', from: person.phone, to: '0911222333' }, { field: 'zalo', from: person.readiness.zalo, to: true }],
    })]);
    expect(res).toMatchObject({ status: 'applied' });
    const history = (await t.app.inject({ url: `/api/households/${h!.id}/history`, headers: bearer(await t.staffToken('demo.volunteer')) })).json().items;
    const phone = history.find((e: { field: string }) => e.field === 'phone');
    expect(phone).toMatchObject({ outcome: 'applied', source: 'edit', actorName: 'Võ Minh Tuấn', newValue: '091*****33' });
    const bad = await push(t, 'demo.volunteer', [command('person.update', { personId: person.id, changes: [{ field: 'vneid', from: null, to: 'level9' }] })]);
    expect(bad[0]).toMatchObject({ status: 'needs_attention', reason: { code: 'EDIT_INVALID' } });
  });
});
