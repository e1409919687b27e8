import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffActor } from '../../platform/auth';
import { queryOne } from '../../platform/db';
import { bearer, createTestApp, type TestApp } from '../../../tests/support/test-app';
import { DEMO_COMMUNE_CODE, DEMO_PROVINCE_CODE, listVillages } from './index';
import { createVillage } from './villages.service';

let t: TestApp;
let admin: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  admin = bearer(await t.staffToken('demo.admin'));
});
afterAll(() => t?.close());

const base = `/api/communes/${DEMO_COMMUNE_CODE}/villages`;
const OTHER_COMMUNE = '21025'; // Phường Cẩm Thành, same province

async function create(headers: Record<string, string>, payload: object, url = base) {
  return t.app.inject({ method: 'POST', url, headers, payload });
}

describe('public village list', () => {
  it('shows the demo villages in Vietnamese order, names only', async () => {
    const res = await t.app.inject({ url: base });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { name: string; contactPhone?: string }[];
    expect(items.length).toBeGreaterThanOrEqual(8);
    expect(items.map((v) => v.name)).toContain('Thôn Trà Kiểm');
    expect(items.every((v) => !('contactPhone' in v))).toBe(true);
    const names = items.map((v) => v.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi', { numeric: true }).compare));
  });

  it("shows contact phones to the commune's staff", async () => {
    const officer = bearer(await t.staffToken('demo.officer'));
    const res = await t.app.inject({ url: base, headers: officer });
    expect(res.json().items[0].contactPhone).toMatch(/^0\d{9}$/);
  });

  it('is 404 for an unknown commune', async () => {
    const res = await t.app.inject({ url: '/api/communes/99999/villages' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('COMMUNE_NOT_FOUND');
  });
});

describe('village administration', () => {
  it('lets the commune admin create, rename and tombstone a village', async () => {
    const created = await create(admin, { name: ' Thôn Mới ', kind: 'thon', contactPhone: '+84 912 345 678' });
    expect(created.statusCode).toBe(201);
    const village = created.json();
    expect(village).toMatchObject({ name: 'Thôn Mới', kind: 'thon', contactPhone: '0912345678', communeCode: DEMO_COMMUNE_CODE });

    const patched = await t.app.inject({ method: 'PATCH', url: `${base}/${village.id}`, headers: admin, payload: { name: 'Thôn Mới Lập', contactPhone: null } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ name: 'Thôn Mới Lập', contactPhone: null });

    const deleted = await t.app.inject({ method: 'DELETE', url: `${base}/${village.id}`, headers: admin });
    expect(deleted.statusCode).toBe(204);

    const names = (await t.app.inject({ url: base })).json().items.map((v: { name: string }) => v.name);
    expect(names).not.toContain('Thôn Mới Lập');
    // Tombstone, not a hard delete: sync clients must learn about the removal.
    const row = await queryOne<{ deleted: boolean }>(t.deps.db, sql`select deleted_at is not null as deleted from villages where id = ${village.id}`);
    expect(row?.deleted).toBe(true);
    const withTombstones = await listVillages(t.deps, DEMO_COMMUNE_CODE, { includeDeleted: true });
    expect(withTombstones.find((v) => v.id === village.id)?.deletedAt).toBeInstanceOf(Date);

    const again = await t.app.inject({ method: 'DELETE', url: `${base}/${village.id}`, headers: admin });
    expect(again.statusCode).toBe(404);
  });

  it('refuses a duplicate name, even written in the other tone style', async () => {
    const res = await create(admin, { name: 'Thôn An Hoà', kind: 'thon' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('VILLAGE_NAME_TAKEN');
  });

  it('validates the body with bilingual messages', async () => {
    const res = await create(admin, { name: '', kind: 'xom', contactPhone: '123' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields as { path: string; vi: string; en: string }[];
    expect(fields.map((f) => f.path).sort()).toEqual(['body.contactPhone', 'body.kind', 'body.name']);
    expect(fields.find((f) => f.path === 'body.name')?.vi).toBe('Tên thôn không được để trống');
  });

  it('is 403 for other staff roles of the commune and for citizens, 401 without a session', async () => {
    const officer = bearer(await t.staffToken('demo.officer'));
    expect((await create(officer, { name: 'Thôn X', kind: 'thon' })).statusCode).toBe(403);
    const citizen = bearer(await t.citizenToken('0900000001'));
    expect((await create(citizen, { name: 'Thôn X', kind: 'thon' })).statusCode).toBe(403);
    expect((await create({}, { name: 'Thôn X', kind: 'thon' })).statusCode).toBe(401);
  });

  it("is 404 for another commune's villages, so foreign communes look absent", async () => {
    const res = await create(admin, { name: 'Thôn X', kind: 'thon' }, `/api/communes/${OTHER_COMMUNE}/villages`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('COMMUNE_NOT_FOUND');

    const foreignAdmin: StaffActor = {
      kind: 'staff', accountId: 'a2', username: 'other.admin', fullName: 'Other', role: 'commune_admin',
      communeCode: OTHER_COMMUNE, provinceCode: DEMO_PROVINCE_CODE,
    };
    const [demoVillage] = await listVillages(t.deps, DEMO_COMMUNE_CODE);
    const patch = t.app.inject({ method: 'PATCH', url: `/api/communes/${OTHER_COMMUNE}/villages/${demoVillage!.id}`, headers: admin, payload: { name: 'Y' } });
    expect((await patch).statusCode).toBe(404);
    await expect(createVillage(t.deps, foreignAdmin, DEMO_COMMUNE_CODE, { name: 'Thôn Z', kind: 'thon' })).rejects.toMatchObject({ status: 404 });
  });
});

describe('agency code', () => {
  it('is editable by the commune admin only, and validated', async () => {
    const url = `/api/communes/${DEMO_COMMUNE_CODE}`;
    const ok = await t.app.inject({ method: 'PATCH', url, headers: admin, payload: { agencyCode: '000.21.115.h51' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().agencyCode).toBe('000.21.115.H51');
    expect((await t.app.inject({ url })).json().agencyCode).toBe('000.21.115.H51');

    const bad = await t.app.inject({ method: 'PATCH', url, headers: admin, payload: { agencyCode: '000-21' } });
    expect(bad.statusCode).toBe(400);

    const officer = bearer(await t.staffToken('demo.officer'));
    expect((await t.app.inject({ method: 'PATCH', url, headers: officer, payload: { agencyCode: '000.00.1.H51' } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PATCH', url: `/api/communes/${OTHER_COMMUNE}`, headers: admin, payload: { agencyCode: '000.00.1.H51' } })).statusCode).toBe(404);
  });
});
