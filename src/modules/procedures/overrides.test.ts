import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../../../tests/support/test-app';
import { DEMO_COMMUNE_CODE } from '../admin-units';
import { getEffectiveProcedure } from './index';

let t: TestApp;
let admin: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  admin = bearer(await t.staffToken('demo.admin'));
});
afterAll(() => t?.close());

const url = (code: string, commune = DEMO_COMMUNE_CODE) => `/api/communes/${commune}/procedures/${code}`;
const put = (code: string, payload: object, headers = admin, commune = DEMO_COMMUNE_CODE) =>
  t.app.inject({ method: 'PUT', url: url(code, commune), headers, payload });

describe('PUT /api/communes/{communeCode}/procedures/{code}', () => {
  it('sets a local fee and a shorter time, seen at once by search, listing and getEffectiveProcedure', async () => {
    const res = await put('1.001022', { feeVnd: 5000, processingDays: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: '1.001022', feeVnd: 5000, processingDays: 1, offered: true,
      national: { feeVnd: 0, processingDays: 3 }, override: { feeVnd: 5000, processingDays: 1 },
    });

    const found = (await t.app.inject({ url: `/api/procedures?q=nhan cha me con&communeCode=${DEMO_COMMUNE_CODE}` })).json().items;
    expect(found.find((i: { code: string }) => i.code === '1.001022')).toMatchObject({ feeVnd: 5000, processingDays: 1 });
    // Without a commune, the national values.
    const national = (await t.app.inject({ url: '/api/procedures?q=nhan cha me con' })).json().items;
    expect(national.find((i: { code: string }) => i.code === '1.001022')).toMatchObject({ feeVnd: 0, processingDays: 3 });

    const listed = (await t.app.inject({ url: `/api/communes/${DEMO_COMMUNE_CODE}/procedures` })).json().items;
    expect(listed).toHaveLength(33);
    expect(listed.find((i: { code: string }) => i.code === '1.001022').override).toEqual({ feeVnd: 5000, processingDays: 1 });
    expect((await getEffectiveProcedure(t.deps, '1.001022', DEMO_COMMUNE_CODE)).feeVnd).toBe(5000);
  });

  it('keeps omitted settings and clears one with null', async () => {
    const res = await put('1.001022', { feeVnd: null });
    expect(res.json()).toMatchObject({ feeVnd: 0, processingDays: 1, override: { feeVnd: null, processingDays: 1 } });
  });

  it('refuses to lengthen a legal processing time', async () => {
    const res = await put('1.004837', { processingDays: 4 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'OVERRIDE_NOT_ALLOWED',
      fields: [{ path: 'body.processingDays', vi: expect.stringContaining('3 ngày làm việc'), en: expect.any(String) }],
    });
  });

  it('lets the commune lengthen a time that is only our unverified default', async () => {
    const res = await put('1.004873', { processingDays: 5 });
    expect(res.statusCode).toBe(200);
    expect(res.json().processingDays).toBe(5);
  });

  it.each([
    [{ feeVnd: -1 }, 'body.feeVnd'],
    [{ feeVnd: 1.5 }, 'body.feeVnd'],
    [{ processingDays: -2 }, 'body.processingDays'],
    [{ processingDays: 'ba' }, 'body.processingDays'],
    [{ offered: 'yes' }, 'body.offered'],
  ])('rejects %j with 400', async (payload, path) => {
    const res = await put('1.001193', payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(path);
  });

  it('withdraws and restores a procedure', async () => {
    expect((await put('2.000913', { offered: false })).json().offered).toBe(false);
    const detail = await t.app.inject({ url: url('2.000913') });
    expect(detail.statusCode).toBe(404);
    expect(detail.json().error.code).toBe('PROCEDURE_NOT_OFFERED');
    await expect(getEffectiveProcedure(t.deps, '2.000913', DEMO_COMMUNE_CODE)).rejects.toMatchObject({ status: 404 });
    const found = (await t.app.inject({ url: `/api/procedures?q=sua doi bo sung huy bo giao dich&communeCode=${DEMO_COMMUNE_CODE}` })).json().items;
    expect(found.map((i: { code: string }) => i.code)).not.toContain('2.000913');
    // Other communes are unaffected.
    expect((await t.app.inject({ url: url('2.000913', '21025') })).statusCode).toBe(200);

    expect((await put('2.000913', { offered: true })).json().offered).toBe(true);
    expect((await t.app.inject({ url: url('2.000913') })).json()).toMatchObject({ code: '2.000913', offered: true, communeCode: DEMO_COMMUNE_CODE });
  });

  it('is for the commune admin only: 403 for other roles, 401 anonymous, 404 for another commune', async () => {
    const officer = bearer(await t.staffToken('demo.officer'));
    expect((await put('1.001193', { offered: false }, officer)).statusCode).toBe(403);
    const citizen = bearer(await t.citizenToken('0900000002'));
    expect((await put('1.001193', { offered: false }, citizen)).statusCode).toBe(403);
    expect((await put('1.001193', { offered: false }, {})).statusCode).toBe(401);
    const foreign = await put('1.001193', { offered: false }, admin, '21025');
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('COMMUNE_NOT_FOUND');
  });

  it('is 404 for an unknown procedure', async () => {
    const res = await put('9.999999', { offered: false });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('PROCEDURE_NOT_FOUND');
  });
});
