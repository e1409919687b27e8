import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { Clock, COMMUNE, L, longTokens, removeAllDossiers, submitAs } from './indicators.test-support';

/**
 * The team-activity and readiness panels on a small hand-built registry and support log in March 2027 (the demo
 * households, acts and campaigns are removed first; the demo team of seven members stays). Expected values are
 * worked out by hand in the comments, from source-definitions.ts.
 */
const clock = new Clock(L('2027-02-26 08:00'));
let t: TestApp;
let auth: Awaited<ReturnType<typeof longTokens>>;
const village: Record<string, string> = {};
const person: Record<string, string> = {};
const SELF_FILER = '0900000004';

async function at(local: string, run: () => Promise<unknown>) {
  clock.set(local);
  return run();
}
async function push(who: string, type: string, payload: Record<string, unknown>) {
  const res = await t.app.inject({ method: 'POST', url: '/api/sync/commands', headers: auth(who), payload: { commands: [{ commandId: crypto.randomUUID(), type, payload }] } });
  const [result] = res.json().results;
  if (result.status !== 'applied') throw new Error(`${type} ${JSON.stringify(result)}`);
}
const adult = (key: string, birthYear: number | null, readiness: Record<string, unknown>) => {
  person[key] = crypto.randomUUID();
  return { id: person[key], fullName: `Người ${key}`, birthYear, relation: 'Thành viên', ...readiness };
};
const act = (who: string, payload: Record<string, unknown>) => push(who, 'support_act.log', { id: crypto.randomUUID(), ...payload });
const get = async (url: string, who?: string) => t.app.inject({ method: 'GET', url, headers: who ? auth(who) : {} });

beforeAll(async () => {
  t = await createTestApp({ now: clock.now });
  await removeAllDossiers(t);
  for (const table of ['support_acts', 'campaign_targets', 'campaigns', 'household_people', 'households']) await t.deps.db.execute(sql.raw(`delete from ${table}`));
  auth = await longTokens(t, ['demo.leader', 'demo.teamlead', 'demo.volunteer', 'demo.province'], [SELF_FILER]);
  const villages = (await t.app.inject({ method: 'GET', url: `/api/communes/${COMMUNE}/villages` })).json().items as { id: string; name: string }[];
  for (const v of villages) village[v.name] = v.id;
  const TK = village['Thôn Trà Kiểm']!, AH = village['Thôn An Hòa']!;
  // Trà Kiểm, H1 (fibre): a1 goes the whole way (her phone's account filed online itself); a2 up to an assisted
  // submission; a child (2015) is not an adult. H2: b1 has no phone, b2 a basic phone.
  await at('2027-03-01 08:00', () => push('demo.teamlead', 'household.create', { id: crypto.randomUUID(), villageId: TK, address: 'Xóm Trên', members: [
    { ...adult('a1', 1980, { smartphone: 'yes', vneid: 'level2', portalAccount: true, skill: 'independent', fibreAtHome: true, phone: SELF_FILER }), isHead: true },
    adult('a2', 1985, { smartphone: 'yes', vneid: 'level2', portalAccount: true, skill: 'with_guidance', fibreAtHome: true }),
    adult('kid', 2015, {}),
  ] }));
  await at('2027-03-01 08:05', () => push('demo.teamlead', 'household.create', { id: crypto.randomUUID(), villageId: TK, address: 'Xóm Dưới', members: [
    { ...adult('b1', 1950, { smartphone: 'no', fibreAtHome: false }), isHead: true }, adult('b2', 1990, { smartphone: 'basic_phone', fibreAtHome: false }),
  ] }));
  // An Hòa, H3: c1 has a smartphone, an account and VNeID installed; c2 (no birth year: counted as an adult) has fibre, phone not asked.
  await at('2027-03-01 08:10', () => push('demo.teamlead', 'household.create', { id: crypto.randomUUID(), villageId: AH, address: 'Xóm Giữa', members: [
    { ...adult('c1', 1970, { smartphone: 'yes', vneid: 'installed', portalAccount: true, skill: 'independent' }), isHead: true },
    adult('c2', null, { fibreAtHome: true }),
  ] }));
  await at('2027-03-01 08:30', () => submitAs(t, auth, { as: SELF_FILER, procedureCode: '2.000908' }));
  // The support log: six acts, five done.
  await at('2027-03-01 09:00', () => act('demo.volunteer', { personId: person.a2, place: 'door_to_door', kinds: ['dossier_submitted_online'], durationMinutes: 20 }));
  await at('2027-03-01 10:00', () => act('demo.volunteer', { personId: person.a1, place: 'door_to_door', kinds: ['account_created', 'vneid_level2'], durationMinutes: 30 }));
  await at('2027-03-01 14:00', () => act('demo.volunteer', { villageId: TK, place: 'it_point', kinds: ['scam_awareness'], durationMinutes: 5 }));
  await at('2027-03-02 09:00', () => act('demo.volunteer', { personId: person.c1, place: 'door_to_door', kinds: ['vneid_level2'], outcome: 'partial', durationMinutes: 15 }));
  await at('2027-03-02 10:00', () => act('demo.volunteer', { personId: person.a2, place: 'phone', kinds: ['other'], durationMinutes: 10 }));
  await at('2027-03-03 09:00', () => act('demo.teamlead', { personId: person.c1, place: 'door_to_door', kinds: ['vneid_level2'], durationMinutes: 15 }));
  await at('2027-03-03 10:00', () => t.app.inject({ method: 'POST', url: `/api/communes/${COMMUNE}/campaigns`, headers: auth('demo.teamlead'), payload: {
    name: 'Tháng Ba số', startsOn: '2027-03-01', endsOn: '2027-03-31',
    targets: [{ villageId: TK, metric: 'accounts_created', target: 4 }, { villageId: TK, metric: 'vneid_level2', target: 2 }],
  } }));
  clock.set('2027-03-15 10:00');
}, 180_000);

afterAll(async () => t?.close());

type Panel = { id: string; status: string; indicators: { id: string; value: number | null; numerator: number | null; denominator: number | null }[]; data: Record<string, any> };
async function panel(id: string, from = '2027-03', to = '2027-03'): Promise<Panel> {
  const res = await get(`/api/indicators/communes/${COMMUNE}/dashboard?from=${from}&to=${to}`, 'demo.leader');
  expect(res.statusCode).toBe(200);
  return res.json().panels.find((p: Panel) => p.id === id);
}
const value = (p: Panel, id: string) => p.indicators.find((i) => i.id === id)!;

describe('team activity', () => {
  it('counts acts, people helped (distinct, plus walk-ins), accounts and VNeID activations done', async () => {
    const p = await panel('teams');
    expect(value(p, 'support_acts').value).toBe(6);
    expect(value(p, 'people_helped').value).toBe(4); // a1, a2, c1 and one walk-in
    expect(value(p, 'team_accounts_created').value).toBe(1);
    expect(value(p, 'team_vneid_level2').value).toBe(2); // the partial act does not count
    expect(value(p, 'team_members').value).toBe(7);
    expect(p.data.team).toEqual({ teams: 1, members: 7 });
  });

  it('breaks the acts down by day, kind, place, member and village', async () => {
    const { data } = await panel('teams');
    // Mon: a2, a1 door to door (H1) and a walk-in; Tue: c1 door to door (H3), a2 by phone; Wed: c1 door to door.
    expect(data.days).toEqual([
      { day: '2027-03-01', acts: 3, done: 3, peopleHelped: 3, householdsVisited: 1, minutes: 55 },
      { day: '2027-03-02', acts: 2, done: 1, peopleHelped: 2, householdsVisited: 1, minutes: 25 },
      { day: '2027-03-03', acts: 1, done: 1, peopleHelped: 1, householdsVisited: 1, minutes: 15 },
    ]);
    expect(data.months).toEqual([{ month: '2027-03', acts: 6, done: 5, peopleHelped: 4, householdsVisited: 2, minutes: 95 }]);
    expect(data.kinds.find((k: { kind: string }) => k.kind === 'vneid_level2')).toMatchObject({ acts: 3, done: 2, label: { vi: 'Kích hoạt VNeID mức 2' } });
    expect(data.places.map((x: { place: string; acts: number }) => [x.place, x.acts])).toEqual([['door_to_door', 4], ['it_point', 1], ['phone', 1]]);
    expect(data.outcomes.map((x: { outcome: string; acts: number }) => [x.outcome, x.acts])).toEqual([['done', 5], ['partial', 1]]);
    expect(data.members.map((m: { name: string; acts: number; done: number }) => [m.name, m.acts, m.done])).toEqual([['Trương Thị Mỹ Linh', 1, 1], ['Võ Minh Tuấn', 5, 4]]);
    const v = (name: string) => data.villages.find((x: { name: string }) => x.name === name);
    expect(v('Thôn Trà Kiểm')).toMatchObject({ acts: 4, peopleHelped: 3, householdsVisited: 1 });
    expect(v('Thôn An Hòa')).toMatchObject({ acts: 2, peopleHelped: 1, householdsVisited: 1 });
  });

  it('shows the campaign of the month against its targets', async () => {
    const { data } = await panel('teams');
    expect(data.campaigns).toHaveLength(1);
    const total = (metric: string) => data.campaigns[0].totals.find((m: { metric: string }) => m.metric === metric);
    // Trà Kiểm only: one account (a1) of 4 = 25%; one level-2 activation (a1) of 2 = 50% (c1 is in An Hòa).
    expect(total('accounts_created')).toMatchObject({ target: 4, achieved: 1, percent: 25 });
    expect(total('vneid_level2')).toMatchObject({ target: 2, achieved: 1, percent: 50 });
  });
});

describe('digital readiness', () => {
  it('gives the funnel of adults, the smartphone and fibre shares, whole commune', async () => {
    const p = await panel('readiness');
    // Adults: a1 a2 b1 b2 c1 c2 = 6 (the child is not one). Smartphones a1 a2 c1 = 3 → 50%. Fibre: H1 and H3 of 3 → 66,7%.
    // c1 reached VNeID level 2 through the act of Wed → level 2: a1 a2 c1 = 3 → 50%. Whole funnel: a1 only → 16,7%.
    expect(value(p, 'adult_smartphone_share')).toMatchObject({ numerator: 3, denominator: 6, value: 50 });
    expect(value(p, 'household_fibre_share')).toMatchObject({ numerator: 2, denominator: 3, value: 66.7 });
    expect(value(p, 'adult_vneid_level2_share')).toMatchObject({ numerator: 3, denominator: 6, value: 50 });
    expect(value(p, 'adult_self_service_share')).toMatchObject({ numerator: 1, denominator: 6, value: 16.7 });
    const steps = p.data.funnel.map((s: { step: string; count: number; alone: number }) => [s.step, s.count, s.alone]);
    // Online once: a1 (her account filed online), a2 (assisted submission). On their own: a1, c1 ("independent").
    expect(steps).toEqual([['no_device', 1, 1], ['smartphone', 3, 3], ['vneid_level2', 3, 3], ['portal_account', 3, 3], ['online_once', 2, 2], ['on_their_own', 1, 2]]);
    expect(p.data).toMatchObject({ adults: 6, households: 3, fibreHouseholds: 2, basicPhone: 1, notRecorded: 1, adultAge: 18 });
  });

  it('gives the same per village', async () => {
    const p = await panel('readiness');
    const v = (name: string) => p.data.villages.find((x: { name: string }) => x.name === name);
    expect(v('Thôn Trà Kiểm')).toMatchObject({ households: 2, fibreHouseholds: 1, fibreShare: 50, adults: 4, smartphoneShare: 50 });
    expect(v('Thôn Trà Kiểm').funnel.map((s: { count: number }) => s.count)).toEqual([1, 2, 2, 2, 2, 1]);
    expect(v('Thôn An Hòa')).toMatchObject({ households: 1, fibreHouseholds: 1, fibreShare: 100, adults: 2, smartphoneShare: 50, notRecorded: 1 });
    expect(v('Thôn An Hòa').funnel.map((s: { count: number }) => s.count)).toEqual([0, 1, 1, 1, 0, 0]);
  });
});

describe('who sees the panels', () => {
  it('shows member names to the leaders only, never on the open-data page', async () => {
    const open = await get(`/api/public/communes/${COMMUNE}/figures?from=2027-03&to=2027-03`);
    expect(open.statusCode).toBe(200);
    const ids = open.json().indicators.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining(['support_acts', 'people_helped', 'adult_smartphone_share', 'household_fibre_share']));
    expect(ids).not.toContain('extra_payment_reports');
    expect(open.json().indicators.find((i: { id: string }) => i.id === 'household_fibre_share').value).toBe(66.7);
    for (const secret of ['Võ Minh Tuấn', 'Trương Thị Mỹ Linh', 'Người a1', SELF_FILER]) expect(open.body).not.toContain(secret);
    expect((await get(`/api/indicators/communes/${COMMUNE}/dashboard?from=2027-03&to=2027-03`, 'demo.volunteer')).statusCode).toBe(403);
    expect((await get('/api/indicators/communes/21025/dashboard?from=2027-03&to=2027-03', 'demo.leader')).statusCode).toBe(404);
  });

  it('rolls the panels up to the province, commune by commune', async () => {
    const res = await get('/api/indicators/provinces/51/dashboard?from=2027-03&to=2027-03', 'demo.province');
    const panels = res.json().panels as Panel[];
    const row = (id: string) => panels.find((p) => p.id === id)!.data.communes.find((c: { communeCode: string }) => c.communeCode === COMMUNE);
    expect(row('teams')).toMatchObject({ teams: 1, members: 7, acts: 6, peopleHelped: 4 });
    expect(row('readiness')).toMatchObject({ adults: 6, households: 3, smartphoneShare: 50, fibreShare: 66.7 });
    expect(panels.find((p) => p.id === 'teams')!.data.members).toBeUndefined();
  });
});
