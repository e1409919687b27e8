import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db';
import { enqueueOutbox, processOutboxOnce, startOutboxWorker, type OutboxHandler } from '../../platform/outbox';
import { loadConfig } from '../../server/config';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { createNotifier, notificationHandlers } from './index';
import { startLocalServer } from './test-support';

let t: TestApp;
let gateway: Awaited<ReturnType<typeof startLocalServer>>;
let clock = new Date('2026-04-01T01:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  // A healthy gateway that answers after 0–20 ms, so two workers' sends interleave.
  gateway = await startLocalServer(async () => {
    await new Promise((r) => setTimeout(r, Math.random() * 20));
    return { status: 200, body: '{"ok":true}' };
  });
});
afterAll(async () => {
  await gateway.close();
  await t.close();
});

const smsConfig = () => loadConfig({
  XASO_DEMO: '1', LOG_LEVEL: 'silent', SMS_GATEWAY_URL: `${gateway.url}/send?to={phone}&ref={id}`, SMS_GATEWAY_METHOD: 'GET', SMS_TIMEOUT_MS: '2000', SMS_RATE_PER_MINUTE: '100000',
});
const silent = { info() {}, warn() {} };
const idsSent = () => gateway.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('ref')!);

describe('several workers on one database', () => {
  it('claims each message by one worker at a time and sends none twice', { timeout: 60_000 }, async () => {
    while (await processOutboxOnce({ db: t.deps.db, handlers: notificationHandlers(t.deps), now: () => clock, log: silent }));
    const before = gateway.requests.length;
    await enqueueOutbox(t.deps.db, clock, Array.from({ length: 40 }, (_, i) => ({
      topic: 'notification.send', subjectRef: `WORKERS-${i}`,
      payload: { template: 'dossier.in_progress', recipient: { phone: `09130000${String(i).padStart(2, '0')}` }, params: { code: `WORKERS-${i}` } },
    })));
    // Two workers, as two processes would be: each with its own channels and breakers.
    const worked = [0, 0];
    const workers = [0, 1].map((w) => {
      const deps = { ...t.deps, config: smsConfig() };
      const inner = notificationHandlers(deps, createNotifier(deps))['notification.send']!;
      const counted: OutboxHandler = async (m) => {
        worked[w]!++;
        await inner(m);
      };
      return startOutboxWorker({ db: t.deps.db, handlers: { 'notification.send': counted }, now: () => clock, log: silent, pollMs: 10, batchSize: 4 });
    });
    for (let i = 0; i < 300; i++) {
      const [row] = await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from outbox_messages where subject_ref like 'WORKERS-%' and status = 'delivered'`);
      if (row!.n === 40) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await Promise.all(workers.map((stop) => stop()));

    const sent = idsSent().slice(before);
    expect(sent).toHaveLength(40);
    expect(new Set(sent).size).toBe(40);
    expect(worked[0]! + worked[1]!).toBe(40);
    expect(worked[0]).toBeGreaterThan(0);
    expect(worked[1]).toBeGreaterThan(0);
    const [tries] = await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from notification_deliveries where subject_ref like 'WORKERS-%'`);
    expect(tries!.n).toBe(40);
  });

  it('never re-sends a message whose worker died while sending: it waits, then uses the next channel', async () => {
    await enqueueOutbox(t.deps.db, clock, {
      topic: 'notification.send', subjectRef: 'CRASHED-1',
      payload: { template: 'dossier.in_progress', recipient: { phone: '0900000002' }, params: { code: 'CRASHED-1' } },
    });
    // Worker A claims it and logs its SMS try, then its process dies before it can finish.
    const [m] = await queryRows<{ id: number }>(t.deps.db, sql`update outbox_messages set status = 'sending', attempts = 1, claimed_until = ${new Date(clock.getTime() + 60_000).toISOString()}::timestamptz
      where subject_ref = 'CRASHED-1' returning id`);
    await t.deps.db.execute(sql`insert into notification_deliveries (outbox_id, attempt, channel, provider, recipient_masked, template, template_version, status, subject_ref, started_at)
      values (${m!.id}, 1, 'sms', 'sms-http', '090*****02', 'dossier.in_progress', 1, 'sending', 'CRASHED-1', ${clock.toISOString()}::timestamptz)`);
    const before = gateway.requests.length;
    const deps = { ...t.deps, config: smsConfig() };
    const b = { db: t.deps.db, handlers: notificationHandlers(deps, createNotifier(deps)), now: () => clock, log: silent };

    clock = new Date(clock.getTime() + 2 * 60_000); // A's claim has expired: B takes it, but A's send may still be in flight
    expect(await processOutboxOnce(b)).toBe(1);
    const [waiting] = await queryRows<{ status: string }>(t.deps.db, sql`select status from outbox_messages where id = ${m!.id}`);
    expect(waiting!.status).toBe('pending');

    clock = new Date(clock.getTime() + 10 * 60_000); // long past any time-out: A's outcome is unknown
    expect(await processOutboxOnce(b)).toBe(1);
    const tries = await queryRows<{ channel: string; status: string }>(t.deps.db, sql`select channel, status from notification_deliveries where outbox_id = ${m!.id} order by id`);
    expect(tries).toEqual([{ channel: 'sms', status: 'failed_provider' }, { channel: 'inapp', status: 'delivered' }]);
    expect(gateway.requests.length).toBe(before); // no second SMS
  });
});
