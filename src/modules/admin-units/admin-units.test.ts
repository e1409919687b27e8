import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffActor } from '../../platform/auth';
import { queryOne } from '../../platform/db';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import {
  canAccessCommune,
  DEMO_COMMUNE_CODE,
  DEMO_PROVINCE_CODE,
  findCommuneRef,
  importAdminUnits,
  provinceOfCommune,
} from './index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const staff = (over: Partial<StaffActor>): StaffActor => ({
  kind: 'staff',
  accountId: 'x',
  username: 'x',
  fullName: 'X',
  role: 'officer',
  communeCode: DEMO_COMMUNE_CODE,
  provinceCode: DEMO_PROVINCE_CODE,
  ...over,
});

describe('reference data', () => {
  it('has the 34 provinces and 3,321 communes of 1 Jul 2025, and re-importing changes nothing', async () => {
    await importAdminUnits(t.deps);
    const counts = await queryOne<{ p: number; c: number }>(
      t.deps.db,
      sql`select (select count(*)::int from provinces) as p, (select count(*)::int from communes) as c`,
    );
    expect(counts).toEqual({ p: 34, c: 3321 });
  });

  it('defaults the agency code from the official codes', async () => {
    const res = await t.app.inject({ url: `/api/communes/${DEMO_COMMUNE_CODE}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      code: '21115',
      name: 'Trà Bồng',
      fullName: 'Xã Trà Bồng',
      type: 'Xã',
      provinceCode: '51',
      provinceName: 'Quảng Ngãi',
      agencyCode: '000.00.21115.H51',
    });
  });
});

describe('in-memory lookups', () => {
  it('finds a commune and its province without the database', () => {
    expect(findCommuneRef('21025')).toEqual({
      code: '21025',
      name: 'Cẩm Thành',
      fullName: 'Phường Cẩm Thành',
      provinceCode: '51',
      provinceName: 'Quảng Ngãi',
    });
    expect(provinceOfCommune('00004')).toBe('01');
    expect(findCommuneRef('99999')).toBeUndefined();
    expect(provinceOfCommune('nope')).toBeUndefined();
  });
});

describe('tenancy', () => {
  it('lets commune staff see only their commune', () => {
    expect(canAccessCommune(staff({}), DEMO_COMMUNE_CODE)).toBe(true);
    expect(canAccessCommune(staff({}), '21025')).toBe(false);
  });

  it('lets province-level staff see every commune of their province only', () => {
    const province = staff({ communeCode: null, role: 'province_viewer' });
    expect(canAccessCommune(province, '21025')).toBe(true);
    expect(canAccessCommune(province, '00004')).toBe(false);
  });

  it('gives citizens and anonymous callers no commune scope', () => {
    expect(canAccessCommune({ kind: 'citizen', accountId: 'c', phone: '0912345678' }, DEMO_COMMUNE_CODE)).toBe(false);
    expect(canAccessCommune(undefined, DEMO_COMMUNE_CODE)).toBe(false);
  });
});

describe('public routes', () => {
  it('lists the provinces in Vietnamese order', async () => {
    const res = await t.app.inject({ url: '/api/provinces' });
    expect(res.statusCode).toBe(200);
    const names = (res.json().items as { name: string }[]).map((p) => p.name);
    expect(names).toHaveLength(34);
    expect(names[0]).toBe('An Giang');
    // Vietnamese order puts Đ after D, where byte order would put it after every ASCII letter.
    expect(names.indexOf('Đà Nẵng')).toBeGreaterThan(names.indexOf('Cà Mau'));
    expect(names.indexOf('Đà Nẵng')).toBeLessThan(names.indexOf('Gia Lai'));
  });

  it('lists the 96 communes of Quảng Ngãi, sorted, and all 3,321 over every province', async () => {
    const res = await t.app.inject({ url: '/api/provinces/51/communes' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; name: string }[];
    expect(items).toHaveLength(96);
    const names = items.map((c) => c.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi', { numeric: true }).compare));

    const provinces = (await t.app.inject({ url: '/api/provinces' })).json().items as { code: string }[];
    let total = 0;
    for (const p of provinces) total += (await t.app.inject({ url: `/api/provinces/${p.code}/communes` })).json().items.length;
    expect(total).toBe(3321);
  });

  it('answers 404 with a bilingual message for unknown codes, 400 for malformed ones', async () => {
    const province = await t.app.inject({ url: '/api/provinces/99/communes' });
    expect(province.statusCode).toBe(404);
    expect(province.json().error).toMatchObject({ code: 'PROVINCE_NOT_FOUND', vi: expect.stringContaining('99'), en: expect.any(String) });

    const commune = await t.app.inject({ url: '/api/communes/99999' });
    expect(commune.statusCode).toBe(404);
    expect(commune.json().error.code).toBe('COMMUNE_NOT_FOUND');

    const bad = await t.app.inject({ url: '/api/communes/12' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].vi).toBe('Mã xã/phường gồm 5 chữ số');
  });
});
