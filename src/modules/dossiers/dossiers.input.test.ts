import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../modules/auth';
import { staffAccounts } from '../../modules/auth';
import { bearer, createTestApp, type TestApp } from '../../../tests/support/test-app';
import { countRows, newKey, submitAsCitizen, submitBody } from '../../../tests/support/fixtures';

let t: TestApp;
let citizen: string;
beforeAll(async () => {
  t = await createTestApp();
  citizen = await t.citizenToken('0900000004');
});
afterAll(async () => t.close());

async function post(payload: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST', url: '/api/dossiers',
    payload: payload as object, headers: { ...bearer(citizen), 'idempotency-key': newKey(), ...headers },
  });
}

function expectBilingual(res: { json(): { error: { vi: string; en: string } } }) {
  const { error } = res.json();
  expect(error.vi.length).toBeGreaterThan(0);
  expect(error.en.length).toBeGreaterThan(0);
}

describe('bad input changes nothing and gets a bilingual 4xx', () => {
  const cases: [string, () => Promise<Parameters<typeof post>>, number][] = [
    ['CCCD of 11 digits', async () => [await submitBody(t, { applicant: { fullName: 'Lê Văn B', idNumber: '05109001234', phone: '0900000004' } })], 400],
    ['CCCD with letters', async () => [await submitBody(t, { applicant: { fullName: 'Lê Văn B', idNumber: '05109001234A', phone: '0900000004' } })], 400],
    ['landline phone', async () => [await submitBody(t, { applicant: { fullName: 'Lê Văn B', idNumber: '051090012345', phone: '02553822123' } })], 400],
    ['foreign phone', async () => [await submitBody(t, { applicant: { fullName: 'Lê Văn B', idNumber: '051090012345', phone: '+14155550123' } })], 400],
    ['unknown procedure', async () => [await submitBody(t, { procedureCode: '9.999999' })], 422],
    ['unknown commune', async () => [await submitBody(t, { communeCode: '99999' })], 422],
    ['wrong types', async () => [{ ...(await submitBody(t)), fields: 'abc', communeCode: 12 }], 400],
    ['unknown top-level key', async () => [{ ...(await submitBody(t)), isAdmin: true }], 400],
  ];
  for (const [name, make, status] of cases) {
    it(`${name} → ${status}`, async () => {
      const before = await countRows(t, 'dossiers');
      const res = await post(...(await make()));
      expect(res.statusCode, res.body).toBe(status);
      expectBilingual(res);
      expect(await countRows(t, 'dossiers')).toBe(before);
    });
  }

  it('malformed JSON → 400', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/dossiers', body: '{"procedureCode": ',
      headers: { ...bearer(citizen), 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('MALFORMED_JSON');
    expectBilingual(res);
  });

  it('oversized body → 413', async () => {
    const body = await submitBody(t, { fields: { note: 'x'.repeat(2_000_000) } });
    const res = await post(body);
    expect(res.statusCode).toBe(413);
    expectBilingual(res);
  });

  it('a required form field missing → 400 naming the field', async () => {
    const body = await submitBody(t);
    const key = Object.keys(body.fields)[0];
    if (!key) return; // a procedure with no required field has nothing to omit
    delete (body.fields as Record<string, unknown>)[key];
    const res = await post(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(`fields.${key}`);
  });
});

describe('idempotency', () => {
  it('returns the same dossier for the same key and body, creating nothing', async () => {
    const body = await submitBody(t, { applicant: { fullName: 'Lê Văn B', idNumber: '051090012345', phone: '0900000004' } });
    const key = newKey();
    const first = await post(body, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    const before = await countRows(t, 'dossiers');
    const again = await post(body, { 'idempotency-key': key });
    expect(again.statusCode).toBe(201);
    expect(again.json().code).toBe(first.json().code);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await countRows(t, 'dossiers')).toBe(before);
  });

  it('answers 422 when the key comes back with a different body', async () => {
    const body = await submitBody(t, { applicant: { fullName: 'Lê Văn B', idNumber: '051090012345', phone: '0900000004' } });
    const key = newKey();
    expect((await post(body, { 'idempotency-key': key })).statusCode).toBe(201);
    const before = await countRows(t, 'dossiers');
    const changed = await post({ ...body, applicant: { ...body.applicant, fullName: 'Lê Văn C' } }, { 'idempotency-key': key });
    expect(changed.statusCode).toBe(422);
    expectBilingual(changed);
    expect(await countRows(t, 'dossiers')).toBe(before);
  });

  it('an action retried with the same key is applied once', async () => {
    const sub = await submitAsCitizen(t, '0900000004');
    const token = await t.staffToken('demo.officer');
    const send = () => t.app.inject({
      method: 'POST', url: `/api/dossiers/${sub.code}/actions`, payload: { type: 'receive' },
      headers: { ...bearer(token), 'idempotency-key': 'retry-receive-0001' },
    });
    expect((await send()).statusCode).toBe(200);
    const second = await send();
    expect(second.statusCode).toBe(200);
    expect(second.json().timeline.filter((e: { type: string }) => e.type === 'receive')).toHaveLength(1);
  });
});

describe('tenancy', () => {
  it("answers 404 to staff of another commune, and to another citizen", async () => {
    const sub = await submitAsCitizen(t, '0900000004');
    await t.database.db.insert(staffAccounts).values({
      id: crypto.randomUUID(), username: 'other.officer', passwordHash: await hashPassword('other-pass'), fullName: 'Cán bộ xã khác',
      role: 'officer', communeCode: '00004', provinceCode: '01', createdAt: new Date(),
    });
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/staff/login', payload: { username: 'other.officer', password: 'other-pass' } });
    const other = login.json().token as string;
    const res = await t.app.inject({ method: 'GET', url: `/api/dossiers/${sub.code}`, headers: bearer(other) });
    expect(res.statusCode).toBe(404);
    const action = await t.app.inject({ method: 'POST', url: `/api/dossiers/${sub.code}/actions`, payload: { type: 'receive' }, headers: bearer(other) });
    expect(action.statusCode).toBe(404);
    const list = await t.app.inject({ method: 'GET', url: '/api/dossiers?limit=200', headers: bearer(other) });
    expect(list.json().items.map((d: { code: string }) => d.code)).not.toContain(sub.code);
    const stranger = await t.app.inject({ method: 'GET', url: `/api/dossiers/${sub.code}`, headers: bearer(await t.citizenToken('0900000005')) });
    expect(stranger.statusCode).toBe(404);
  });

  it('lets the province viewer see the commune dossiers, masked', async () => {
    const sub = await submitAsCitizen(t, '0900000004');
    const token = await t.staffToken('demo.province');
    const res = await t.app.inject({ method: 'GET', url: `/api/dossiers/${sub.code}`, headers: bearer(token) });
    expect(res.statusCode).toBe(200);
    expect(res.json().applicant.phone).toBe('090*****04');
    expect(res.json().allowedActions).toEqual([]);
  });
});
