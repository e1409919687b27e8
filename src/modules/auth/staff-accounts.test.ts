import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../../../tests/support/test-app';
import { countRows, demoCommuneCode } from '../../../tests/support/fixtures';

let t: TestApp;
let commune: string;
beforeAll(async () => {
  t = await createTestApp();
  commune = await demoCommuneCode(t);
});
afterAll(async () => t.close());

const call = async (method: 'GET' | 'POST' | 'PATCH', path: string, payload?: object, who = 'demo.admin') =>
  t.app.inject({ method, url: `/api/communes/${commune}/staff${path}`, headers: bearer(await t.staffToken(who)), ...(payload ? { payload } : {}) });
const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/staff/login', payload: { username, password } });

describe('staff accounts of a commune', () => {
  it('lists the commune staff with masked phones, for the commune admin only', async () => {
    const res = await call('GET', '');
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((s: { username: string }) => s.username);
    expect(names).toEqual(expect.arrayContaining(['demo.officer', 'demo.leader', 'demo.admin']));
    expect(names).not.toContain('demo.province');
    expect((await call('GET', '', undefined, 'demo.officer')).statusCode).toBe(403);
    const other = await t.app.inject({ method: 'GET', url: '/api/communes/21025/staff', headers: bearer(await t.staffToken('demo.admin')) });
    expect(other.statusCode).toBe(404);
  });

  it('creates an account with a one-time temporary password that signs in, and refuses a taken username', async () => {
    const audits = await countRows(t, 'audit_log');
    const res = await call('POST', '', { username: 'Can.Bo.Moi', fullName: 'Đinh Thị Mai', role: 'officer', phone: '0912345678' });
    expect(res.statusCode, res.body).toBe(201);
    const { account, temporaryPassword } = res.json();
    expect(account).toMatchObject({ username: 'can.bo.moi', role: 'officer', phone: '091*****78', active: true });
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{12}$/);
    expect((await login('can.bo.moi', temporaryPassword)).statusCode).toBe(200);
    expect(await countRows(t, 'audit_log')).toBeGreaterThan(audits);
    const again = await call('POST', '', { username: 'can.bo.moi', fullName: 'Người khác', role: 'leader', password: 'mot-mat-khau-dai' });
    expect(again.statusCode).toBe(409);
    const bad = await call('POST', '', { username: 'x', fullName: 'A', role: 'province_viewer', password: 'short' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.fullName', 'body.password', 'body.role', 'body.username']);
  });

  it('changes a role, resets a password and deactivates an account, signing it out', async () => {
    const created = (await call('POST', '', { username: 'chuyen.vien.2', fullName: 'Hồ Văn Tâm', role: 'specialist', password: 'mat-khau-ban-dau' })).json().account;
    const token = (await login('chuyen.vien.2', 'mat-khau-ban-dau')).json().token;
    const promoted = await call('PATCH', `/${created.id}`, { role: 'leader' });
    expect(promoted.json().role).toBe('leader');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) });
    expect(me.json().role).toBe('leader');

    const reset = await call('POST', `/${created.id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) })).statusCode).toBe(401);
    expect((await login('chuyen.vien.2', 'mat-khau-ban-dau')).statusCode).toBe(401);
    const fresh = (await login('chuyen.vien.2', reset.json().temporaryPassword)).json().token;

    const off = await call('POST', `/${created.id}/deactivate`);
    expect(off.json().active).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(fresh) })).statusCode).toBe(401);
    expect((await login('chuyen.vien.2', reset.json().temporaryPassword)).statusCode).toBe(401);
    expect((await call('POST', `/${created.id}/activate`)).json().active).toBe(true);
  });

  it('keeps the admin from locking themselves out', async () => {
    const me = (await call('GET', '')).json().items.find((s: { username: string }) => s.username === 'demo.admin');
    expect((await call('POST', `/${me.id}/deactivate`)).statusCode).toBe(422);
    expect((await call('PATCH', `/${me.id}`, { role: 'officer' })).statusCode).toBe(422);
    expect((await call('PATCH', `/${me.id}`, {})).statusCode).toBe(400);
  });
});
