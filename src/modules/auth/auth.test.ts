import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { buildApp } from '../../server/app';
import { bearer, createTestApp, type TestApp } from '../../../tests/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const otp = (phone: string) => t.app.inject({ method: 'POST', url: '/api/auth/citizen/otp', payload: { phone } });
const verify = (phone: string, code: string) => t.app.inject({ method: 'POST', url: '/api/auth/citizen/verify', payload: { phone, code } });

describe('staff sign-in', () => {
  it('signs in every demo role and reports it on /api/me', async () => {
    for (const [username, role] of [['demo.officer', 'officer'], ['demo.specialist', 'specialist'], ['demo.leader', 'leader'], ['demo.admin', 'commune_admin'], ['demo.volunteer', 'volunteer']]) {
      const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(await t.staffToken(username!)) });
      expect(me.json()).toMatchObject({ role, username });
      expect(me.json().communeCode).toMatch(/^\d{5}$/);
      expect(me.json().provinceCode).toMatch(/^\d{2}$/);
    }
    const province = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(await t.staffToken('demo.province')) });
    expect(province.json()).toMatchObject({ role: 'province_viewer', communeCode: null });
  });

  it('refuses a wrong password with the same message as an unknown user', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/staff/login', payload: { username: 'demo.officer', password: 'nope' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/staff/login', payload: { username: 'no.one', password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.vi).toBe(unknown.json().error.vi);
  });

  it('requires a token for /api/me', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer('forged') })).statusCode).toBe(401);
  });
});

describe('citizen one-time codes', () => {
  it('gives devCode only to demo phones in demo mode, and a code works once', async () => {
    const sent = await otp('0900000008');
    expect(sent.statusCode).toBe(200);
    const code = sent.json().devCode as string;
    expect(code).toMatch(/^\d{6}$/);
    const ok = await verify('0900000008', code);
    expect(ok.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(ok.json().token) });
    expect(me.json()).toMatchObject({ role: 'citizen', phone: '0900000008' });
    expect((await verify('0900000008', code)).statusCode).toBe(401);
  });

  it('never returns devCode for a real number', async () => {
    const sent = await otp('0912345678');
    expect(sent.statusCode).toBe(200);
    expect(sent.json().devCode).toBeUndefined();
  });

  it('kills a code after 5 wrong guesses', async () => {
    const code = (await otp('0900000009')).json().devCode as string;
    const wrongCode = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await verify('0900000009', wrongCode)).statusCode).toBe(401);
    expect((await verify('0900000009', code)).statusCode).toBe(401);
  });

  it('limits how many codes one phone can ask for', async () => {
    const phone = '0987654321';
    for (let i = 0; i < 3; i++) expect((await otp(phone)).statusCode).toBe(200);
    const res = await otp(phone);
    expect(res.statusCode).toBe(429);
    expect(res.json().error.vi).toBeTruthy();
  });

  it('rejects a phone that is not a Vietnamese mobile', async () => {
    const res = await otp('12345');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].vi).toContain('di động');
  });

  it('never returns devCode outside demo mode', async () => {
    const { app } = await buildApp({ database: t.database, config: loadConfig({ XASO_DEMO: '0', LOG_LEVEL: 'silent' }), logger: false });
    const res = await app.inject({ method: 'POST', url: '/api/auth/citizen/otp', payload: { phone: '0900000005' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().devCode).toBeUndefined();
    await app.close();
  });
});
