import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows } from '../../platform/db';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { villageIdsByName } from './field-test-helpers';
import { createRandom, drainOutbox, flakyTransport, type OutboxCommand } from './flaky-device';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const HOUSEHOLDS = 20;
const UPDATES = 100;
const TOTAL = 1000;

/** A day of offline work: 20 new households (2 people each), 100 edits, and support acts to make 1,000 commands. */
function buildOutbox(villageIds: string[], random: () => number): OutboxCommand[] {
  const start = Date.now() - 6 * 3600_000;
  const at = (i: number) => new Date(start + i * 15_000).toISOString();
  const out: OutboxCommand[] = [];
  const people: string[] = [];
  const add = (type: string, payload: unknown) => out.push({ commandId: crypto.randomUUID(), type, payload, deviceAt: at(out.length) });
  for (let i = 0; i < HOUSEHOLDS; i++) {
    const ids = [crypto.randomUUID(), crypto.randomUUID()];
    people.push(...ids);
    add('household.create', {
      id: crypto.randomUUID(), villageId: villageIds[i % villageIds.length], address: `Xóm Thử ${i}`, acknowledgeDuplicate: true,
      members: [
        { id: ids[0], fullName: `Chủ Hộ Thử ${i}`, birthYear: 1950 + i, isHead: true, portalAccount: false, vneid: 'none' },
        { id: ids[1], fullName: `Người Thử ${i}`, birthYear: 1990 + (i % 10), portalAccount: false },
      ],
    });
  }
  for (let i = 0; i < UPDATES; i++) {
    add('person.update', { personId: people[i % people.length], changes: [{ field: 'relation', from: i < people.length ? null : `Lần ${i - people.length}`, to: `Lần ${i}` }] });
  }
  while (out.length < TOTAL) {
    const forPerson = random() < 0.7;
    add('support_act.log', {
      id: crypto.randomUUID(), place: forPerson ? 'door_to_door' : 'it_point', durationMinutes: 1 + Math.floor(random() * 40),
      kinds: forPerson ? ['account_created', 'scam_awareness'] : ['scam_awareness'],
      ...(forPerson ? { personId: people[Math.floor(random() * people.length)] } : { villageId: villageIds[Math.floor(random() * villageIds.length)] }),
    });
  }
  return out;
}

describe('nothing lost', () => {
  it('applies 1,000 offline commands exactly once through a connection that drops at random', async () => {
    const villages = await villageIdsByName(t);
    const mine = [villages.get('Thôn Trà Kiểm')!, villages.get('Thôn An Hòa')!];
    const random = createRandom(4242);
    const outbox = buildOutbox(mine, random);
    const ids = outbox.map((c) => c.commandId);
    const token = await t.staffToken('demo.volunteer');
    const { send, stats } = flakyTransport(t.app, random, 0.2);

    const report = await drainOutbox(send, token, outbox, { random, maxBatch: 25, maxAttempts: 5000 });

    // The connection really failed, both ways, and the device really resent answered commands.
    expect(stats.droppedBefore).toBeGreaterThan(10);
    expect(stats.droppedAfter).toBeGreaterThan(10);
    expect(report.replayedAnswers).toBeGreaterThan(0);
    // No loss: every command applied; nothing needed attention.
    expect(report.needsAttention.size).toBe(0);
    expect(report.applied.size).toBe(TOTAL);
    const stored = await queryRows<{ status: string; n: number }>(t.deps.db, sql`select status, count(*)::int as n from sync_commands where command_id in ${sql.raw(`('${ids.join("','")}')`)} group by status`);
    expect(stored).toEqual([{ status: 'applied', n: TOTAL }]);
    // No duplicates: each effect exists once.
    const acts = outbox.filter((c) => c.type === 'support_act.log');
    const actRows = await queryOne<{ n: number; distinct_commands: number }>(t.deps.db, sql`
      select count(*)::int as n, count(distinct command_id)::int as distinct_commands from support_acts where command_id in ${sql.raw(`('${ids.join("','")}')`)}`);
    expect(actRows).toEqual({ n: acts.length, distinct_commands: acts.length });
    const households = await queryOne<{ n: number }>(t.deps.db, sql`select count(*)::int as n from households where address like 'Xóm Thử %'`);
    expect(households!.n).toBe(HOUSEHOLDS);
    const history = await queryOne<{ n: number; distinct_writes: number }>(t.deps.db, sql`
      select count(*)::int as n, count(distinct (command_id, entity_id, field))::int as distinct_writes from record_changes where command_id in ${sql.raw(`('${ids.join("','")}')`)}`);
    expect(history!.n).toBe(history!.distinct_writes);
    // Each edit wrote exactly one history row; the last edit of each person is what the record holds.
    const edits = await queryOne<{ n: number }>(t.deps.db, sql`select count(*)::int as n from record_changes where source = 'edit' and command_id in ${sql.raw(`('${ids.join("','")}')`)}`);
    expect(edits!.n).toBe(UPDATES);
    const last = await queryRows<{ relation: string }>(t.deps.db, sql`select relation from household_people where full_name like 'Người Thử %' or full_name like 'Chủ Hộ Thử %'`);
    expect(last.map((r) => Number(r.relation.replace('Lần ', ''))).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => UPDATES - 40 + i));
  }, 300_000);
});
