import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processOutboxOnce } from '../../platform/outbox';
import { bearer, createTestApp, type TestApp } from '../../../tests/support/test-app';
import { act, demoCommuneCode, submitAsCitizen } from '../../../tests/support/fixtures';
import { notificationHandlers } from './index';
import { otherCommuneToken } from './test-support';

let t: TestApp;
let commune: string;
beforeAll(async () => {
  t = await createTestApp();
  commune = await demoCommuneCode(t);
});
afterAll(async () => t.close());

const deliver = async () => {
  while ((await processOutboxOnce({ db: t.deps.db, handlers: notificationHandlers(t.deps), now: t.deps.now, log: { info() {}, warn() {} } })) > 0);
};
const as = async (who: string) => bearer(who.startsWith('09') ? await t.citizenToken(who) : await t.staffToken(who));
const get = async (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: await as(who) });
const put = async (who: string, url: string, payload: object) => t.app.inject({ method: 'PUT', url, headers: await as(who), payload });
const post = async (who: string, url: string, payload: object = {}) => t.app.inject({ method: 'POST', url, headers: await as(who), payload });

describe('preferred channel and the in-app inbox', () => {
  it('delivers to the portal inbox when the citizen prefers it, and marks messages read', async () => {
    expect((await put('0900000002', '/api/me/preferences', { preferredChannel: 'inapp' })).json()).toMatchObject({ preferredChannel: 'inapp', availableChannels: ['sms', 'zalo', 'email', 'inapp'] });
    const sub = await submitAsCitizen(t, '0900000002');
    await act(t, 'demo.officer', sub.code, { type: 'receive' });
    await deliver();
    const inbox = (await get('0900000002', '/api/me/inbox?unreadOnly=1')).json();
    const mine = inbox.items.filter((m: { subjectRef: string }) => m.subjectRef === sub.code);
    expect(mine.map((m: { template: string }) => m.template)).toEqual(['dossier.received', 'dossier.submitted']);
    expect(mine[0].bodyVi).toContain(`Hồ sơ ${sub.code} đã được tiếp nhận`);
    expect(inbox.unread).toBeGreaterThanOrEqual(2);

    expect((await post('0900000003', `/api/me/inbox/${mine[0].id}/read`)).statusCode).toBe(404); // someone else's message
    expect((await post('0900000002', `/api/me/inbox/${mine[0].id}/read`)).statusCode).toBe(200);
    const after = (await get('0900000002', '/api/me/inbox')).json();
    expect(after.unread).toBe(inbox.unread - 1);
    expect(after.items.find((m: { id: string }) => m.id === mine[0].id).readAt).not.toBeNull();
    expect((await post('0900000002', '/api/me/inbox/read-all')).json().marked).toBe(inbox.unread - 1);
    // The demo page shows inbox messages too, under their channel.
    const dev = (await t.app.inject({ method: 'GET', url: '/api/dev/messages?phone=0900000002&limit=200' })).json();
    expect(dev.items.find((m: { subjectRef: string; template: string }) => m.subjectRef === sub.code && m.template === 'dossier.received').channel).toBe('inapp');
  });

  it('validates preferences: e-mail needs an address, unknown channels are refused, staff have none', async () => {
    const noEmail = await put('0900000008', '/api/me/preferences', { preferredChannel: 'email' });
    expect(noEmail.statusCode).toBe(422);
    expect(noEmail.json().error.vi).toContain('email');
    expect((await put('0900000008', '/api/me/preferences', { preferredChannel: 'fax' })).statusCode).toBe(400);
    expect((await put('0900000008', '/api/me/preferences', { preferredChannel: 'email', email: 'không phải email' })).statusCode).toBe(400);
    expect((await get('0900000008', '/api/me/preferences')).json()).toMatchObject({ preferredChannel: 'sms', email: null });
    expect((await get('demo.officer', '/api/me/inbox')).statusCode).toBe(403);
  });
});

describe('delivery log per dossier', () => {
  it('shows staff of the commune every message and try, phones masked; others get 404/403', async () => {
    const sub = await submitAsCitizen(t, '0900000007');
    await deliver();
    const res = await get('demo.specialist', `/api/dossiers/${encodeURIComponent(sub.code)}/notifications`);
    expect(res.statusCode).toBe(200);
    const [item] = res.json().items;
    expect(item).toMatchObject({ template: 'dossier.submitted', labelVi: 'Hồ sơ đã nộp', status: 'delivered', recipient: '090*****07', deliveredVia: 'sms', attempts: 1 });
    expect(item.tries).toMatchObject([{ channel: 'sms', provider: 'local', status: 'delivered', recipient: '090*****07', templateVersion: 1 }]);
    expect(res.body).not.toContain('0900000007');
    expect((await t.app.inject({ method: 'GET', url: `/api/dossiers/${encodeURIComponent(sub.code)}/notifications`, headers: bearer(await otherCommuneToken(t)) })).statusCode).toBe(404);
    expect((await get('0900000007', `/api/dossiers/${encodeURIComponent(sub.code)}/notifications`)).statusCode).toBe(403);
    expect((await get('demo.officer', '/api/dossiers/000.00.99999.H99-250101-0001/notifications')).statusCode).toBe(404);
  });
});

describe('message templates', () => {
  const url = (key: string) => `/api/communes/${commune}/notification-templates/${key}`;

  it('lists every template with its version, for staff of the commune only', async () => {
    const res = await get('demo.officer', `/api/communes/${commune}/notification-templates`);
    const keys = res.json().items.map((i: { key: string }) => i.key);
    expect(keys).toEqual(expect.arrayContaining(['otp', 'queue.turn_near', 'dossier.received', 'payment.received']));
    expect(res.json().items.find((i: { key: string }) => i.key === 'otp')).toMatchObject({ version: 1, scope: 'national', required: ['code'] });
    expect((await t.app.inject({ method: 'GET', url: `/api/communes/${commune}/notification-templates`, headers: bearer(await otherCommuneToken(t)) })).statusCode).toBe(404);
  });

  it('previews a draft with sample values and the SMS segment count, saving nothing', async () => {
    const res = await post('demo.admin', `${url('queue.turn_near')}/preview`, { bodyVi: 'Sắp đến lượt số {ticket}. Mời đến quầy {counter}.', bodyEn: 'Number {ticket}: counter {counter}.' });
    expect(res.json()).toMatchObject({ vi: 'Sắp đến lượt số A015. Mời đến quầy 1.', en: 'Number A015: counter 1.', sms: { text: 'Sap den luot so A015. Moi den quay 1.', encoding: 'gsm7', segments: 1 } });
    expect((await get('demo.admin', `${url('queue.turn_near')}/versions`)).json().items).toHaveLength(1);
  });

  it('lets only the commune admin save a new version, which the next messages use', async () => {
    const body = { bodyVi: 'UBND xã báo: hồ sơ {code} đã được tiếp nhận, hẹn trả {dueAt}.', bodyEn: 'Commune: dossier {code} received, due {dueAt}.' };
    expect((await put('demo.officer', url('dossier.received'), body)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PUT', url: url('dossier.received'), headers: bearer(await otherCommuneToken(t, 'commune_admin')), payload: body })).statusCode).toBe(404);
    const bad = await put('demo.admin', url('dossier.received'), { bodyVi: 'Hồ sơ {ma_ho_so} xong', bodyEn: 'Done' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['bodyVi', 'bodyVi', 'bodyEn']);
    expect((await put('demo.admin', url('no.such.template'), body)).statusCode).toBe(404);

    const saved = await put('demo.admin', url('dossier.received'), body);
    expect(saved.json()).toMatchObject({ key: 'dossier.received', version: 2, scope: 'commune', bodyVi: body.bodyVi });
    const versions = (await get('demo.officer', `${url('dossier.received')}/versions`)).json().items;
    expect(versions.map((v: { version: number; scope: string }) => `${v.version}:${v.scope}`)).toEqual(['2:commune', '1:national']);

    const sub = await submitAsCitizen(t, '0900000009');
    await act(t, 'demo.officer', sub.code, { type: 'receive' });
    await deliver();
    const dev = (await t.app.inject({ method: 'GET', url: '/api/dev/messages?phone=0900000009&limit=200' })).json();
    expect(dev.items.find((m: { subjectRef: string; template: string }) => m.subjectRef === sub.code && m.template === 'dossier.received').bodyVi).toMatch(new RegExp(`^UBND xã báo: hồ sơ ${sub.code.replace(/\./g, '\\.')} đã được tiếp nhận, hẹn trả \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}\\.$`));
    const log = (await get('demo.officer', `/api/dossiers/${encodeURIComponent(sub.code)}/notifications`)).json();
    expect(log.items.find((i: { template: string }) => i.template === 'dossier.received').tries[0].templateVersion).toBe(2);
  });
});

describe('channel status', () => {
  it('tells staff the server runs in test mode (local channel) with closed breakers', async () => {
    const res = (await get('demo.admin', `/api/communes/${commune}/notification-channels`)).json();
    expect(res.testMode).toBe(true);
    expect(res.items.map((c: { channel: string; provider: string; breaker: string }) => `${c.channel}:${c.provider}:${c.breaker}`)).toEqual(['sms:local:closed', 'zalo:local:closed', 'email:local:closed', 'inapp:inbox:closed']);
  });
});
