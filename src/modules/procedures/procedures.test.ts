import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { DEMO_COMMUNE_CODE } from '../admin-units';
import { getEffectiveProcedure, getProcedure, recordProcedureUse, searchProcedures } from './index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

type Item = { code: string; name: string; field: string; level: string; processingDays: number; feeVnd: number };

async function search(q: string, extra = ''): Promise<Item[]> {
  const res = await t.app.inject({ url: `/api/procedures?q=${encodeURIComponent(q)}${extra}` });
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

describe('GET /api/procedures search', () => {
  it.each(['dang ky khai sinh', 'ĐĂNG KÝ KHAI SINH', 'Đăng ký khai sinh', 'khai sinh', '  Khai   Sinh '])(
    '%s finds "Đăng ký khai sinh" first',
    async (q) => {
      const items = await search(q);
      expect(items[0]).toEqual({ code: '1.001193', name: 'Đăng ký khai sinh', field: 'Hộ tịch', level: 'partial_online', processingDays: 0, feeVnd: 0 });
      expect(items.length).toBeGreaterThan(1);
    },
  );

  it.each([
    ['khai sin', '1.001193'],
    ['dang ki khai sinh', '1.001193'],
    ['khai sinhh', '1.001193'],
    ['dang ky ket hn', '1.000894'],
    ['chung thuc ban xao', '2.000815'],
    ['tam vang', '1.003677'],
  ])('tolerates the typo or fragment %s', async (q, code) => {
    expect((await search(q))[0]?.code).toBe(code);
  });

  it('finds a procedure by its code', async () => {
    expect((await search('1.004222')).map((i) => i.code)).toEqual(['1.004222']);
  });

  it('returns nothing for an unrelated query', async () => {
    expect(await search('qqq zzz')).toEqual([]);
  });

  it('returns the whole catalogue for an empty query', async () => {
    const items = await search('');
    expect(items).toHaveLength(33);
    expect(new Set(items.map((i) => i.code)).size).toBe(33);
  });

  it('is 404 for an unknown commune', async () => {
    const res = await t.app.inject({ url: '/api/procedures?q=khai&communeCode=99999' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('COMMUNE_NOT_FOUND');
  });
});

describe('GET /api/procedures/{code}', () => {
  it('returns the full procedure with its e-form', async () => {
    const res = await t.app.inject({ url: '/api/procedures/1.001193' });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      code: '1.001193',
      resultKind: 'paper_certificate',
      serviceGroup: 'ho_tich',
      unverified: ['level'],
      requiredDocuments: expect.arrayContaining(['Tờ khai đăng ký khai sinh theo mẫu']),
      notes: expect.stringContaining('Luật Hộ tịch'),
    });
    const fields = p.form.fields as { key: string; type: string; required: boolean; options?: unknown[]; accept?: string }[];
    const byKey = Object.fromEntries(fields.map((f) => [f.key, f]));
    expect(byKey.childFullName).toMatchObject({ type: 'text', required: true, label: 'Họ, chữ đệm và tên của trẻ' });
    expect(byKey.childDateOfBirth?.type).toBe('date');
    expect(byKey.childSex).toMatchObject({ type: 'select', options: [{ value: 'nam', label: 'Nam' }, { value: 'nu', label: 'Nữ' }] });
    expect(byKey.birthCertificatePhoto).toMatchObject({ type: 'file', required: true, accept: 'image/*,application/pdf' });
    expect(byKey.motherFullName?.required).toBe(true);
    expect(byKey.fatherFullName?.required).toBe(false);
    expect(p.form.steps.flatMap((s: { fieldKeys: string[] }) => s.fieldKeys)).toHaveLength(fields.length);
  });

  it('flags the local code of the procedure that has no national code', async () => {
    const p = (await t.app.inject({ url: '/api/procedures/LT.KHAITU' })).json();
    expect(p.unverified).toContain('code');
    expect(p.name).toMatch(/^Liên thông TTHC: đăng ký khai tử/);
  });

  it('is 404 with a bilingual message for an unknown code', async () => {
    const res = await t.app.inject({ url: '/api/procedures/9.999999' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({
      code: 'PROCEDURE_NOT_FOUND',
      vi: 'Không tìm thấy thủ tục hành chính có mã 9.999999',
      en: 'No administrative procedure with code 9.999999',
    });
    await expect(getProcedure(t.deps, '9.999999')).rejects.toMatchObject({ status: 404, code: 'PROCEDURE_NOT_FOUND' });
  });
});

describe('service', () => {
  it('resolves the effective procedure of a commune (national values when nothing is overridden)', async () => {
    const p = await getEffectiveProcedure(t.deps, '2.000884', DEMO_COMMUNE_CODE);
    expect(p).toMatchObject({ offered: true, feeVnd: 10000, national: { feeVnd: 10000 }, override: { feeVnd: null } });
    await expect(getEffectiveProcedure(t.deps, '2.000884', '99999')).rejects.toMatchObject({ status: 404 });
  });

  // Last: it changes popularity for the rest of this file.
  it('breaks ties by popularity: most used first', async () => {
    for (let i = 0; i < 3; i++) await recordProcedureUse(t.deps, '1.004746');
    await recordProcedureUse(t.deps, '2.000908');
    const ketHon = await searchProcedures(t.deps, 'ket hon');
    expect(ketHon.map((p) => p.code).slice(0, 2)).toEqual(['1.004746', '1.000894']);
    const all = await search('');
    expect(all.map((i) => i.code).slice(0, 2)).toEqual(['1.004746', '2.000908']);
  });
});
