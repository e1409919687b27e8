import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { DeliveryError, enqueueOutbox, processOutboxOnce, reopenOutboxMessage, type OutboxHandler } from './index';

let t: TestApp;
let clock = new Date('2026-05-04T02:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  // Whatever the seeders queued is not this test's business: settle it first.
  while (await processOutboxOnce({ db: t.deps.db, handlers: {}, now: () => clock, log: { info() {}, warn() {} } }));
});
afterAll(async () => t.close());

const silent = { info() {}, warn() {} };
const run = (handler: OutboxHandler, claimSeconds = 60) => processOutboxOnce({ db: t.deps.db, handlers: { 'test.topic': handler }, now: () => clock, log: silent, claimSeconds });
const row = async (ref: string) => (await queryRows<{ status: string; attempts: number; last_error: string | null }>(t.deps.db, sql`select status, attempts, last_error from outbox_messages where subject_ref = ${ref}`))[0]!;
const add = (ref: string) => enqueueOutbox(t.deps.db, clock, { topic: 'test.topic', subjectRef: ref, payload: {} });

describe('outbox worker', () => {
  it('retakes a message whose worker outlived its claim, and the late worker cannot overwrite the newer outcome', async () => {
    await add('FENCE-1');
    let release!: () => void;
    const slow = run(() => new Promise<void>((_, reject) => { release = () => reject(new DeliveryError('permanent', 'late answer')); }), 1);
    await new Promise((r) => setTimeout(r, 50));
    clock = new Date(clock.getTime() + 5_000); // the first claim (1 s) has expired
    expect(await run(async () => {})).toBe(1);
    expect(await row('FENCE-1')).toMatchObject({ status: 'delivered', attempts: 2 });
    release();
    await slow;
    expect(await row('FENCE-1')).toMatchObject({ status: 'delivered', attempts: 2, last_error: null });
  });

  it('retries temporary failures with back-off, ends permanent ones, and lets deferred ones wait without using an attempt', async () => {
    await add('RETRY-1');
    await run(async () => { throw new Error('network down'); });
    expect(await row('RETRY-1')).toMatchObject({ status: 'failed_temporary', attempts: 1 });
    expect(await run(async () => {})).toBe(0); // not before the back-off (5 s)
    clock = new Date(clock.getTime() + 5_000);
    await run(async () => { throw new DeliveryError('deferred', 'rate limit', 60_000); });
    expect(await row('RETRY-1')).toMatchObject({ status: 'pending', attempts: 1 });
    clock = new Date(clock.getTime() + 60_000);
    await run(async () => { throw new DeliveryError('provider', 'bad token'); });
    expect(await row('RETRY-1')).toMatchObject({ status: 'failed_provider', attempts: 2, last_error: 'bad token' });
  });

  it('reopens only a delivered message', async () => {
    await add('REOPEN-1');
    await run(async () => {});
    const [m] = await queryRows<{ id: number }>(t.deps.db, sql`select id from outbox_messages where subject_ref = 'REOPEN-1'`);
    expect(await reopenOutboxMessage(t.deps.db, m!.id, clock, 'reported undelivered')).toBe(true);
    expect(await reopenOutboxMessage(t.deps.db, m!.id, clock, 'again')).toBe(false);
    expect(await row('REOPEN-1')).toMatchObject({ status: 'pending', last_error: 'reported undelivered' });
  });
});
