import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueOutbox, processOutboxOnce } from '../../platform/outbox';
import { queryRows } from '../../platform/db';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../server/config';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { channelStatuses, createNotifier, notificationHandlers } from './index';

/**
 * A local HTTP server that plays an unreliable brandname-SMS gateway: it hangs past
 * the client's time-out, answers 500, answers slowly, or sends and then answers too
 * late. Like real gateways it deduplicates by the client's request id, so a retry of
 * a message it already sent is acknowledged without a second SMS. It records what
 * reached handsets and which successes the client actually received.
 */
type Behaviour = 'ok' | 'slow_ok' | 'error_500' | 'hang' | 'sent_late';

class FakeGateway {
  server: Server;
  handset = new Map<string, number>();
  acknowledged = new Map<string, number>();
  requests = 0;
  script: () => Behaviour = () => 'ok';
  private sent = new Set<string>();

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { to: string; text: string; requestId: string };
    this.requests++;
    if (body.to === '84912000023') return res.writeHead(200).end('{"code":"99","error":"so khong hop le"}'); // a number the network rejects
    const b = this.script();
    const reply = (status: number, text: string) => {
      if (res.destroyed || res.socket?.destroyed) return; // the client gave up: it never sees this answer
      res.writeHead(status, { 'content-type': 'application/json' }).end(text, () => {
        if (status === 200) this.acknowledged.set(body.requestId, (this.acknowledged.get(body.requestId) ?? 0) + 1);
      });
    };
    const send = () => {
      if (this.sent.has(body.requestId)) return; // deduplicated by request id
      this.sent.add(body.requestId);
      this.handset.set(body.requestId, (this.handset.get(body.requestId) ?? 0) + 1);
    };
    if (b === 'error_500') return reply(500, '{"error":"internal"}');
    if (b === 'hang') return setTimeout(() => reply(503, '{"error":"busy"}'), 700);
    if (b === 'sent_late') {
      send();
      return setTimeout(() => reply(200, `{"code":"00","smsId":"${body.requestId}"}`), 700);
    }
    if (b === 'slow_ok') await new Promise((r) => setTimeout(r, 120));
    send();
    reply(200, `{"code":"00","smsId":"${body.requestId}"}`);
  }
}

let t: TestApp;
let gateway: FakeGateway;
let clock = new Date('2026-03-02T02:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  gateway = new FakeGateway();
  gateway.server.listen(0, '127.0.0.1');
  await once(gateway.server, 'listening');
});
afterAll(async () => {
  gateway.server.closeAllConnections();
  await new Promise((r) => gateway.server.close(r));
  await t.close();
});

function smsDeps() {
  const { port } = gateway.server.address() as AddressInfo;
  const config = loadConfig({
    XASO_DEMO: '1', LOG_LEVEL: 'silent',
    SMS_GATEWAY_URL: `http://127.0.0.1:${port}/send`,
    SMS_GATEWAY_HEADERS: '{"content-type":"application/json","authorization":"Bearer test"}',
    SMS_GATEWAY_BODY: '{"to":"{phone84}","text":"{text}","sender":"{brandname}","requestId":"{id}"}',
    SMS_GATEWAY_SUCCESS: '"code":"00"', SMS_GATEWAY_RECIPIENT_ERROR: '"code":"99"', SMS_GATEWAY_MESSAGE_ID: '"smsId":"([^"]+)"', SMS_BRANDNAME: 'UBND XA',
    SMS_TIMEOUT_MS: '300', SMS_RATE_PER_MINUTE: '100000', NOTIFY_BREAKER_FAILURES: '3', NOTIFY_BREAKER_COOLDOWN_SECONDS: '60',
  });
  return { ...t.deps, config };
}

/** Deterministic pseudo-random behaviour (a fixed LCG), so the run is the same every time. */
function scripted(seed: number, weights: [Behaviour, number][]): () => Behaviour {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    let x = (s / 2 ** 31) * weights.reduce((a, [, w]) => a + w, 0);
    for (const [b, w] of weights) if ((x -= w) < 0) return b;
    return 'ok';
  };
}

async function enqueue(phones: string[], first: number) {
  await enqueueOutbox(t.deps.db, clock, phones.map((phone, i) => ({
    topic: 'notification.send', subjectRef: `SMS-TEST-${first + i}`,
    payload: { template: 'dossier.in_progress', recipient: { phone }, params: { code: `SMS-TEST-${first + i}` } },
  })));
}

async function statuses(prefix: string) {
  return queryRows<{ id: number; status: string; finished: boolean; attempts: number }>(t.deps.db,
    sql`select id, status, finished_at is not null as finished, attempts from outbox_messages where subject_ref like ${prefix + '%'} order by id`);
}

describe('an unreliable SMS gateway', () => {
  it('ends every message in a final state, sends none twice, and opens and closes the circuit breaker', { timeout: 120_000 }, async () => {
    const deps = smsDeps();
    const notifier = createNotifier(deps);
    const handlers = notificationHandlers(deps, notifier);
    const opts = { db: t.deps.db, handlers, now: () => clock, log: { info() {}, warn() {} } };
    const tick = async (minutes: number) => {
      await processOutboxOnce(opts);
      clock = new Date(clock.getTime() + minutes * 60_000);
    };
    // Phase 1: flaky. Numbers without an account, so SMS is the only channel.
    while (await processOutboxOnce(opts)); // drain the seed's messages first
    gateway.script = scripted(7, [['ok', 40], ['slow_ok', 15], ['error_500', 15], ['hang', 20], ['sent_late', 10]]);
    const phones = Array.from({ length: 24 }, (_, i) => `09120000${String(i).padStart(2, '0')}`);
    await enqueue(phones, 0);
    for (let i = 0; i < 60 && (await statuses('SMS-TEST-')).some((m) => !m.finished); i++) await tick(10);

    const phase1 = await statuses('SMS-TEST-');
    expect(phase1).toHaveLength(24);
    expect(phase1.every((m) => m.finished)).toBe(true);
    for (const [id, n] of gateway.handset) expect(n, `handset count of ${id}`).toBe(1);
    for (const [id, n] of gateway.acknowledged) expect(n, `successes seen for ${id}`).toBe(1);
    for (const m of phase1.filter((x) => x.status === 'delivered')) expect(gateway.handset.get(`xaso-${m.id}`)).toBe(1);
    expect(phase1.filter((m) => m.status === 'delivered').length).toBeGreaterThanOrEqual(20);
    expect(phase1[23]).toMatchObject({ status: 'failed_permanent', attempts: 1 }); // 0912000023: no retry, no other channel
    expect(gateway.handset.has(`xaso-${phase1[23]!.id}`)).toBe(false);
    expect(gateway.requests).toBeGreaterThan(24); // failures really happened and were retried

    // Phase 2: the gateway hangs on everything. After 3 time-outs the breaker opens and
    // citizens with an account get the message in the in-app inbox instead.
    gateway.script = () => 'hang';
    await enqueue(['0900000005', '0900000006', '0900000007', '0900000008', '0900000009'], 100);
    await processOutboxOnce(opts);
    expect(channelStatuses(notifier, clock.getTime()).find((c) => c.channel === 'sms')).toMatchObject({ breaker: 'open', consecutiveFailures: 3 });
    const requestsWhileOpen = gateway.requests;
    const viaInbox = await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from notification_deliveries where subject_ref like 'SMS-TEST-1%' and channel = 'inapp' and status = 'delivered'`);
    expect(viaInbox[0]!.n).toBe(2); // the 4th and 5th skipped SMS while it was open
    await processOutboxOnce(opts); // same instant: still open, the 3 timed-out ones wait
    expect(gateway.requests).toBe(requestsWhileOpen);

    // Phase 3: the gateway recovers; after the cool-down one trial goes through and closes the breaker.
    gateway.script = () => 'ok';
    for (let i = 0; i < 10 && (await statuses('SMS-TEST-1')).some((m) => !m.finished); i++) await tick(2);
    expect(channelStatuses(notifier, clock.getTime()).find((c) => c.channel === 'sms')).toMatchObject({ breaker: 'closed', consecutiveFailures: 0 });
    const phase2 = await statuses('SMS-TEST-1');
    expect(phase2.every((m) => m.status === 'delivered')).toBe(true);
    for (const [, n] of gateway.handset) expect(n).toBe(1);
  });
});
