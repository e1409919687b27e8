import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../../platform/db';
import { validFields } from '../../../tests/support/fixtures';
import { bearer, createTestApp, type TestApp } from '../../../tests/support/test-app';
import { DEMO_COMMUNE_CODE } from '../admin-units';
import { pruneChanges } from '../sync';
import { command, getHousehold, listHouseholds, newHousehold, push, villageIdsByName } from './field-test-helpers';

let t: TestApp;
let villages: Map<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  villages = await villageIdsByName(t);
});
afterAll(() => t?.close());

const as = async (who: string) => bearer(await t.staffToken(who));
const count = async (query: ReturnType<typeof sql>) => (await queryOne<{ n: number }>(t.deps.db, query))!.n;
const pull = async (who: string, cursor: string) => (await t.app.inject({ url: `/api/sync/changes?cursor=${encodeURIComponent(cursor)}`, headers: await as(who) })).json();
const snapshot = async (who: string) => (await t.app.inject({ url: '/api/sync/snapshot', headers: await as(who) })).json();

describe('pushing commands', () => {
  it('applies a command exactly once: a replay returns the first answer and changes nothing', async () => {
    const create = command('household.create', newHousehold(villages.get('Thôn An Hòa')!, 'Kiều Văn Một Lần'));
    const [first] = await push(t, 'demo.volunteer', [create]);
    expect(first).toMatchObject({ status: 'applied', replayed: false });
    const [again] = await push(t, 'demo.volunteer', [create]);
    expect(again).toMatchObject({ status: 'applied', replayed: true, result: first!.result });
    const id = (create.payload as { id: string }).id;
    expect(await count(sql`select count(*)::int as n from households where id = ${id}`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from record_changes where entity_id = ${id}`)).toBe(1);

    const [reused] = await push(t, 'demo.volunteer', [{ ...create, payload: { ...(create.payload as object), address: 'Khác' } }]);
    expect(reused).toMatchObject({ status: 'needs_attention', reason: { code: 'COMMAND_ID_REUSED' } });
    const [stolen] = await push(t, 'tcns.nhi', [create]);
    expect(stolen!.reason!.code).toBe('COMMAND_ID_REUSED');
  });

  it('applies each command once even when two tabs send the same outbox at the same time', async () => {
    const acts = Array.from({ length: 10 }, () => command('support_act.log', { id: crypto.randomUUID(), villageId: villages.get('Thôn An Hòa'), place: 'phone', kinds: ['other'], durationMinutes: 2 }));
    const [a, b] = await Promise.all([push(t, 'demo.volunteer', acts), push(t, 'demo.volunteer', [...acts].reverse())]);
    expect([...a!, ...b!].every((r) => r.status === 'applied')).toBe(true);
    const ids = acts.map((c) => c.commandId);
    for (const id of ids) expect([...a!, ...b!].filter((r) => r.commandId === id && !r.replayed)).toHaveLength(1);
    const actIds = acts.map((c) => (c.payload as { id: string }).id);
    expect(await count(sql`select count(*)::int as n from support_acts where id in ${sql.raw(`('${actIds.join("','")}')`)}`)).toBe(10);
  });

  it('answers each item on its own: a bad one never blocks the ones after it', async () => {
    const act = () => command('support_act.log', { id: crypto.randomUUID(), villageId: villages.get('Thôn Trà Kiểm'), place: 'it_point', kinds: ['scam_awareness'], durationMinutes: 5 });
    const good1 = act();
    const good2 = act();
    const invalid = command('support_act.log', { id: crypto.randomUUID(), place: 'somewhere', kinds: [], durationMinutes: 0 });
    const results = await push(t, 'demo.volunteer', [
      good1,
      { type: 'support_act.log', payload: {} } as never,
      invalid,
      command('support_act.log', { id: crypto.randomUUID(), villageId: villages.get('Thôn Vàng'), place: 'it_point', kinds: ['other'], durationMinutes: 5 }),
      good2,
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'needs_attention', 'needs_attention', 'needs_attention', 'applied']);
    expect(results[1]!.reason!.code).toBe('COMMAND_INVALID');
    expect(results[2]!.reason).toMatchObject({ code: 'PAYLOAD_INVALID', vi: expect.any(String), en: expect.any(String) });
    expect(results[3]!.reason!.code).toBe('VILLAGE_NOT_FOUND');
    const ids = [good1, good2].map((c) => (c.payload as { id: string }).id);
    expect(await count(sql`select count(*)::int as n from support_acts where id in (${ids[0]}, ${ids[1]})`)).toBe(2);
    // The answer is stored: resending the same command gives the same reason (the device must send a corrected new one).
    const [stillBad] = await push(t, 'demo.volunteer', [invalid]);
    expect(stillBad).toMatchObject({ status: 'needs_attention', replayed: true, reason: { code: 'PAYLOAD_INVALID' } });
  });

  it('keeps an assisted submission pending until its signature arrives, then files it once', async () => {
    const person = (await queryOne<{ id: string; full_name: string }>(t.deps.db, sql`select id, full_name from household_people where phone = '0900000003'`))!;
    const signatureId = crypto.randomUUID();
    const consentId = crypto.randomUUID();
    const fields = await validFields(t);
    const consent = command('consent.record', {
      id: consentId, personId: person.id, subject: { fullName: person.full_name, phone: '0900000003' }, method: 'signature', signatureAttachmentId: signatureId,
      purposes: [{ code: 'assisted_submission', accepted: true }, { code: 'personal_data_processing', accepted: true }],
    });
    const assist = command('dossier.assist', { consentId, dossier: { procedureCode: '2.000908', applicant: { fullName: person.full_name, idNumber: '051090054321', phone: '0900000003' }, fields } });
    const [c1, a1] = await push(t, 'demo.volunteer', [consent, assist]);
    expect(c1).toMatchObject({ status: 'applied', result: { status: 'awaiting_signature' } });
    expect(a1).toMatchObject({ status: 'pending', reason: { code: 'WAITING_FOR_CONSENT' } });
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    await t.app.inject({ method: 'PUT', url: `/api/sync/attachments/${signatureId}`, headers: { ...(await as('demo.volunteer')), 'content-type': 'image/png' }, payload: png });
    const [a2] = await push(t, 'demo.volunteer', [assist]);
    expect(a2).toMatchObject({ status: 'applied', replayed: false });
    const [a3] = await push(t, 'demo.volunteer', [assist]);
    expect(a3).toMatchObject({ status: 'applied', replayed: true, result: a2!.result });
    expect(await count(sql`select count(*)::int as n from dossiers where idempotency_key = ${`consent-${consentId}`}`)).toBe(1);
  });
});

describe('pulling changes', () => {
  it('sends what changed in my villages since the cursor, deletions included, and nothing of other villages', async () => {
    const start = await snapshot('demo.volunteer');
    expect(start.households.length).toBeGreaterThan(20);
    expect(start.people[0].phone ?? '').not.toMatch(/^0\d{9}$/);
    const otherStart = await snapshot('tcns.duy');
    const draft = newHousehold(villages.get('Thôn Trà Kiểm')!, 'Ông Mới Đến');
    const [h] = await listHouseholds(t, 'demo.volunteer', `&villageId=${villages.get('Thôn An Hòa')}`);
    await push(t, 'demo.volunteer', [command('household.create', draft), command('household.remove', { id: h!.id, reason: 'Chuyển đi nơi khác' })]);

    const page = await pull('demo.volunteer', start.cursor);
    expect(page.mode).toBe('changes');
    const byId = new Map(page.changes.map((c: { id: string }) => [c.id, c]));
    expect(byId.get(draft.id)).toMatchObject({ entity: 'household', op: 'upsert', data: { headName: 'Ông Mới Đến' } });
    expect(byId.get(draft.members[0]!.id)).toMatchObject({ entity: 'person', op: 'upsert', data: { phone: '098*****21' } });
    expect(byId.get(h!.id)).toMatchObject({ entity: 'household', op: 'delete', data: null });
    expect((await pull('demo.volunteer', page.cursor)).changes).toEqual([]);

    const other = await pull('tcns.duy', otherStart.cursor);
    expect(other.changes.some((c: { id: string }) => c.id === draft.id || c.id === h!.id)).toBe(false);
  });

  it('asks for a full resync when the cursor is unknown, the villages changed, or the log was pruned', async () => {
    expect((await pull('demo.volunteer', 'garbage')).mode).toBe('resync');
    const { cursor } = await snapshot('tcns.nhi');
    await push(t, 'tcns.nhi', [command('support_act.log', { id: crypto.randomUUID(), villageId: villages.get('Thôn Trà Lương'), place: 'phone', kinds: ['other'], durationMinutes: 3 })]);
    await pruneChanges(t.deps.db, DEMO_COMMUNE_CODE, new Date(Date.now() + 60_000), new Date());
    expect(await pull('tcns.nhi', cursor)).toMatchObject({ mode: 'resync', resyncReason: 'pruned' });
    const fresh = await snapshot('tcns.nhi');
    expect((await pull('tcns.nhi', fresh.cursor)).mode).toBe('changes');

    const team = (await t.app.inject({ url: `/api/communes/${DEMO_COMMUNE_CODE}/teams`, headers: await as('demo.admin') })).json().items[0];
    const nhi = team.members.find((m: { username: string }) => m.username === 'tcns.nhi');
    await t.app.inject({ method: 'PUT', url: `/api/team-members/${nhi.id}/villages`, headers: await as('demo.admin'), payload: { villageIds: [villages.get('Thôn Trà Lương')] } });
    expect(await pull('tcns.nhi', fresh.cursor)).toMatchObject({ mode: 'resync', resyncReason: 'scope_changed' });
    expect((await snapshot('tcns.nhi')).villages.map((v: { name: string }) => v.name)).toEqual(['Thôn Trà Lương']);
    await t.app.inject({ method: 'PUT', url: `/api/team-members/${nhi.id}/villages`, headers: await as('demo.admin'), payload: { villageIds: nhi.villageIds } });
  });
});

describe('two members editing the same household offline', () => {
  it('merges field by field, keeps both edits, and sends a real conflict to the team leader', async () => {
    const [h] = await listHouseholds(t, 'demo.volunteer', `&villageId=${villages.get('Thôn Trà Kiểm')}`);
    const person = (await getHousehold(t, 'demo.volunteer', h!.id)).json().members[0];
    const base = person.readiness;
    const early = new Date(Date.now() - 3 * 3600_000);
    const late = new Date(Date.now() - 3600_000);
    // Nhi's edit was made later but reaches the server first.
    await push(t, 'tcns.nhi', [command('person.update', { personId: person.id, changes: [{ field: 'skill', from: base.skill, to: 'independent' }, { field: 'zalo', from: base.zalo, to: true }] }, late)]);
    await push(t, 'demo.volunteer', [command('person.update', { personId: person.id, changes: [{ field: 'skill', from: base.skill, to: 'with_guidance' }, { field: 'fibreAtHome', from: base.fibreAtHome, to: true }] }, early)]);
    const merged = (await getHousehold(t, 'demo.volunteer', h!.id)).json().members.find((m: { id: string }) => m.id === person.id).readiness;
    expect(merged).toMatchObject({ skill: 'independent', zalo: true, fibreAtHome: true });
    const history = (await t.app.inject({ url: `/api/households/${h!.id}/history`, headers: await as('demo.volunteer') })).json().items.filter((e: { field: string }) => e.field === 'skill');
    expect(history.map((e: { actorName: string; outcome: string; newValue: string }) => [e.actorName, e.outcome, e.newValue]).sort()).toEqual([
      ['Hồ Thị Yến Nhi', 'applied', 'independent'], ['Võ Minh Tuấn', 'superseded', 'with_guidance'],
    ]);

    expect((await t.app.inject({ url: '/api/households/conflicts', headers: await as('demo.volunteer') })).statusCode).toBe(403);
    const open = (await t.app.inject({ url: '/api/households/conflicts', headers: await as('demo.teamlead') })).json().items;
    const mine = open.filter((c: { entityId: string }) => c.entityId === person.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ field: 'skill', baseValue: base.skill, currentValue: 'independent', kept: { value: 'independent', by: 'Hồ Thị Yến Nhi' }, other: { value: 'with_guidance', by: 'Võ Minh Tuấn' } });

    const { cursor } = await snapshot('demo.volunteer');
    const resolved = await t.app.inject({ method: 'POST', url: `/api/households/conflicts/${mine[0].id}/resolve`, headers: await as('demo.teamlead'), payload: { choice: 'other' } });
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolution: 'other', resolvedBy: 'Trương Thị Mỹ Linh' });
    const after = (await getHousehold(t, 'demo.volunteer', h!.id)).json().members.find((m: { id: string }) => m.id === person.id);
    expect(after.readiness.skill).toBe('with_guidance');
    const page = await pull('demo.volunteer', cursor);
    expect(page.changes.find((c: { id: string }) => c.id === person.id).data.readiness.skill).toBe('with_guidance');
    const twice = await t.app.inject({ method: 'POST', url: `/api/households/conflicts/${mine[0].id}/resolve`, headers: await as('demo.teamlead'), payload: { choice: 'kept' } });
    expect(twice.statusCode).toBe(409);
  });

  it('never lets a device clock set in the future win by its wrong time', async () => {
    const [h] = await listHouseholds(t, 'demo.volunteer', `&villageId=${villages.get('Thôn An Hòa')}`);
    const person = (await getHousehold(t, 'demo.volunteer', h!.id)).json().members[0];
    const future = new Date(Date.now() + 365 * 86_400_000);
    await push(t, 'demo.volunteer', [command('person.update', { personId: person.id, changes: [{ field: 'relation', from: person.relation, to: 'Ông' }] }, future)]);
    await push(t, 'tcns.khang', [command('person.update', { personId: person.id, changes: [{ field: 'relation', from: person.relation, to: 'Chủ hộ' }] })]);
    const after = (await getHousehold(t, 'demo.volunteer', h!.id)).json().members.find((m: { id: string }) => m.id === person.id);
    expect(after.relation).toBe('Chủ hộ');
  });
});

describe('the API reference', () => {
  it('documents the field app endpoints for the client that will call them', async () => {
    const doc = (await t.app.inject({ url: '/openapi.json' })).json();
    for (const path of ['/api/sync/commands', '/api/sync/changes', '/api/sync/snapshot', '/api/sync/attachments/{id}', '/api/teams/me', '/api/households/imports', '/api/outreach/assisted-submissions']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
