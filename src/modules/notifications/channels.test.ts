import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db';
import { enqueueOutbox, processOutboxOnce } from '../../platform/outbox';
import { DEMO_NOTIFY_CALLBACK_SECRET, loadConfig } from '../../server/config';
import { bearer, createTestApp, type TestApp } from '../../../tests/support/test-app';
import { createNotifier, notificationHandlers } from './index';
import { startLocalServer } from './test-support';

let t: TestApp;
let zalo: Awaited<ReturnType<typeof startLocalServer>>;
let sms: Awaited<ReturnType<typeof startLocalServer>>;

beforeAll(async () => {
  t = await createTestApp();
  // Plays Zalo's ZNS API: checks the OA token; one phone has no Zalo account (error -118).
  zalo = await startLocalServer((r) => {
    if (r.headers.access_token !== 'oa-token-123') return { status: 200, body: '{"error":-124,"message":"Access token is invalid"}' };
    const body = JSON.parse(r.body) as { phone: string };
    if (body.phone === '84900000002') return { status: 200, body: '{"error":-118,"message":"Zalo account not existed"}' };
    return { status: 200, body: `{"error":0,"message":"Success","data":{"msg_id":"zns-${r.body.length}-${body.phone}"}}` };
  });
  sms = await startLocalServer(() => ({ status: 200, body: '{"CodeResult":"100","SMSID":"sms-777"}' }));
});
afterAll(async () => {
  await zalo.close();
  await sms.close();
  await t.close();
});

function depsWith(env: Record<string, string>) {
  const deps = { ...t.deps, config: loadConfig({ XASO_DEMO: '1', LOG_LEVEL: 'silent', ...env }) };
  const notifier = createNotifier(deps);
  return { db: t.deps.db, handlers: notificationHandlers(deps, notifier), now: t.deps.now, log: { info() {}, warn() {} } };
}

async function send(phone: string, ref: string) {
  await enqueueOutbox(t.deps.db, t.deps.now(), { topic: 'notification.send', subjectRef: ref, payload: { template: 'dossier.received', recipient: { phone }, params: { code: ref, dueAt: '17:00 25/11/2026' } } });
}

async function tries(ref: string) {
  return queryRows<{ channel: string; status: string; provider_message_id: string | null; reported_at: Date | null }>(t.deps.db,
    sql`select channel, status, provider_message_id, reported_at from notification_deliveries where subject_ref = ${ref} order by id`);
}

/** Sets the citizen's channel; signing in sent an OTP, which the local channel takes first. */
async function prefer(phone: string, channel: string) {
  const res = await t.app.inject({ method: 'PUT', url: '/api/me/preferences', headers: bearer(await t.citizenToken(phone)), payload: { preferredChannel: channel } });
  expect(res.statusCode).toBe(200);
  while (await processOutboxOnce({ db: t.deps.db, handlers: notificationHandlers(t.deps), now: t.deps.now, log: { info() {}, warn() {} } }));
}

const zaloEnv = () => ({ ZALO_ZNS_URL: `${zalo.url}/message/template`, ZALO_ZNS_ACCESS_TOKEN: 'oa-token-123', ZALO_ZNS_TEMPLATES: '{"dossier.received":"245167"}' });

describe('Zalo ZNS', () => {
  it('sends the registered template with its parameters to the 84… number', async () => {
    await prefer('0900000001', 'zalo');
    await send('0900000001', 'ZNS-1');
    expect(await processOutboxOnce(depsWith(zaloEnv()))).toBe(1);
    const req = JSON.parse(zalo.requests.at(-1)!.body);
    expect(req).toMatchObject({ phone: '84900000001', template_id: '245167', template_data: { code: 'ZNS-1', dueAt: '17:00 25/11/2026' } });
    expect(req.tracking_id).toMatch(/^xaso-\d+$/);
    expect((await tries('ZNS-1'))[0]).toMatchObject({ channel: 'zalo', status: 'delivered' });
    expect((await tries('ZNS-1'))[0]!.provider_message_id).toMatch(/^zns-/);
  });

  it('falls back to the next channel when the phone has no Zalo account', async () => {
    await prefer('0900000002', 'zalo');
    await send('0900000002', 'ZNS-2');
    await processOutboxOnce(depsWith(zaloEnv()));
    expect((await tries('ZNS-2')).map((x) => `${x.channel}:${x.status}`)).toEqual(['zalo:failed_permanent', 'inapp:delivered']);
  });

  it('treats a refused token as the provider’s failure, not the citizen’s, and still reaches them', async () => {
    await send('0900000001', 'ZNS-3');
    await processOutboxOnce(depsWith({ ...zaloEnv(), ZALO_ZNS_ACCESS_TOKEN: 'expired' }));
    expect((await tries('ZNS-3')).map((x) => `${x.channel}:${x.status}`)).toEqual(['zalo:failed_provider', 'inapp:delivered']);
  });
});

describe('provider status callbacks', () => {
  it('record the handset delivery reported by Zalo, with the shared secret only', async () => {
    const msgId = (await tries('ZNS-1'))[0]!.provider_message_id!;
    const report = { event_name: 'user_received_message', message: { msg_id: msgId } };
    const wrong = await t.app.inject({ method: 'POST', url: '/api/notifications/callbacks/zalo', headers: { 'x-xaso-callback-secret': 'guess-guess-guess' }, payload: report });
    expect(wrong.statusCode).toBe(401);
    expect((await tries('ZNS-1'))[0]!.reported_at).toBeNull();
    const ok = await t.app.inject({ method: 'POST', url: '/api/notifications/callbacks/zalo', headers: { 'x-xaso-callback-secret': DEMO_NOTIFY_CALLBACK_SECRET }, payload: report });
    expect(ok.json()).toEqual({ accepted: true, matched: true });
    expect((await tries('ZNS-1'))[0]).toMatchObject({ status: 'delivered' });
    expect((await tries('ZNS-1'))[0]!.reported_at).not.toBeNull();
  });

  it('reopen a message the SMS gateway reports undelivered, so the next channel carries it', async () => {
    await prefer('0900000006', 'sms');
    await send('0900000006', 'SMS-CB-1');
    const worker = depsWith({ SMS_GATEWAY_URL: `${sms.url}/send`, SMS_GATEWAY_BODY: '{"Phone":"{phone}","Content":"{text}","RequestId":"{id}"}', SMS_GATEWAY_HEADERS: '{"content-type":"application/json"}', SMS_GATEWAY_MESSAGE_ID: '"SMSID":"([^"]+)"' });
    await processOutboxOnce(worker);
    expect(JSON.parse(sms.requests.at(-1)!.body).Content).toBe('Ho so SMS-CB-1 da duoc tiep nhan. Hen tra ket qua: 17:00 25/11/2026.');
    // The gateway calls back by query string (form of many SMS providers): SMSID + status.
    const cb = await t.app.inject({ method: 'GET', url: `/api/notifications/callbacks/sms?secret=${DEMO_NOTIFY_CALLBACK_SECRET}&SMSID=x&messageId=sms-777&status=UNDELIV` });
    expect(cb.json()).toEqual({ accepted: true, matched: true });
    const [m] = await queryRows<{ status: string }>(t.deps.db, sql`select status from outbox_messages where subject_ref = 'SMS-CB-1'`);
    expect(m!.status).toBe('pending');
    await processOutboxOnce(worker);
    expect((await tries('SMS-CB-1')).map((x) => `${x.channel}:${x.status}`)).toEqual(['sms:failed_permanent', 'inapp:delivered']);
    expect(sms.requests.filter((r) => r.body.includes('SMS-CB-1'))).toHaveLength(1);
  });

  it('acknowledge reports about unknown messages without changing anything', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/notifications/callbacks/sms', headers: { 'x-xaso-callback-secret': DEMO_NOTIFY_CALLBACK_SECRET }, payload: { messageId: 'nope', status: 'DELIVRD' } });
    expect(res.json()).toEqual({ accepted: true, matched: false });
  });
});
