import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLocalDuplicates, searchHouseholds, searchPeople, targetHouseholds } from './local-queries';
import { applyChanges, applySnapshot, emptyState, overlayCommands, type Change, type LocalPerson, type LocalState } from './local-store';

const V1 = '00000000-0000-4000-8000-0000000000a1';
const V2 = '00000000-0000-4000-8000-0000000000a2';
const readiness = { smartphone: null, zalo: null, vneid: null, portalAccount: null, bankOrMobileMoney: null, fibreAtHome: null, skill: null, supportNeeds: [] };
const household = (id: string, headName = `Hộ ${id}`, villageId = V1) => ({ id, villageId, headName, address: null, notes: null, version: 1, updatedAt: '2026-11-01T00:00:00.000Z' });
const person = (id: string, householdId: string, extra: Partial<LocalPerson> = {}): LocalPerson => ({
  id, householdId, villageId: V1, fullName: `Người ${id}`, birthYear: 1980, sex: null, relation: null, isHead: false, phone: null, idNumber: null,
  readiness, version: 1, ...extra,
});

const ids = ['h1', 'h2', 'h3', 'p1', 'p2', 'p3', 'a1'];
/** A random page of changes over a small set of records, so the same ids are upserted and deleted repeatedly. */
const changesArb = fc.array(
  fc.record({ id: fc.constantFrom(...ids), del: fc.boolean(), v: fc.nat(5) }),
  { maxLength: 30 },
).map((list) => list.map((c, seq): Change => {
  const entity = c.id.startsWith('h') ? 'household' : c.id.startsWith('p') ? 'person' : 'support_act';
  const data = entity === 'household' ? { ...household(c.id), version: c.v } : entity === 'person' ? { ...person(c.id, 'h1'), version: c.v } : { id: c.id, villageId: V1, version: c.v };
  return { seq: seq + 1, entity, id: c.id, op: c.del ? 'delete' : 'upsert', data: c.del ? null : data };
}));

const start = (): LocalState => applySnapshot({
  cursor: 'c1.0.x', villages: [{ id: V1, name: 'Thôn Trà Kiểm' }], households: [household('h1')], people: [person('p1', 'h1')], supportActs: [], campaigns: [],
}, 0);

describe('pulled changes into the phone', () => {
  it('applying the same page twice changes nothing (a lost answer and a repeated pull are harmless)', () => {
    fc.assert(fc.property(changesArb, (changes) => {
      const once = applyChanges(start(), changes, 'c1.9.x', 1);
      expect(applyChanges(once, changes, 'c1.9.x', 1)).toEqual(once);
    }));
  });

  it('paging does not matter: the changes applied in two pages give the same state as in one', () => {
    fc.assert(fc.property(changesArb, fc.nat(), (changes, cut) => {
      const at = changes.length ? cut % (changes.length + 1) : 0;
      const twoPages = applyChanges(applyChanges(start(), changes.slice(0, at), 'c', 1), changes.slice(at), 'c', 1);
      expect(twoPages).toEqual(applyChanges(start(), changes, 'c', 1));
    }));
  });

  it('the last change of each record decides: present with its data after an upsert, gone after a delete', () => {
    fc.assert(fc.property(changesArb, (changes) => {
      const s = applyChanges(start(), changes, 'c', 1);
      for (const id of ids) {
        const last = changes.filter((c) => c.id === id).at(-1);
        if (!last) continue;
        const table = id.startsWith('h') ? s.households : id.startsWith('p') ? s.people : s.acts;
        // A person whose household was removed after their last upsert went with it.
        const householdRemovedLater = id.startsWith('p') && changes.some((c) => c.id === 'h1' && c.op === 'delete' && c.seq > last.seq);
        if (last.op === 'delete' || householdRemovedLater) expect(table[id]).toBeUndefined();
        else expect(table[id]).toEqual(last.data);
      }
    }));
  });

  it('a removed household takes its people off the phone', () => {
    const s = applyChanges(start(), [{ seq: 1, entity: 'household', id: 'h1', op: 'delete', data: null }], 'c', 1);
    expect(s.households.h1).toBeUndefined();
    expect(s.people.p1).toBeUndefined();
  });

  it('a snapshot (resync) keeps nothing the server did not send: no record of a village one no longer covers', () => {
    fc.assert(fc.property(changesArb, (changes) => {
      const before = applyChanges(start(), changes, 'c', 1);
      const after = applySnapshot({ cursor: 'c1.50.y', villages: [{ id: V2, name: 'Thôn An Hòa' }], households: [household('h9', 'Hộ mới', V2)], people: [], supportActs: [], campaigns: [] }, 2);
      expect(Object.keys(after.households)).toEqual(['h9']);
      expect(after.people).toEqual({});
      expect(after.acts).toEqual({});
      expect(after.cursor).toBe('c1.50.y');
      expect(before.cursor).toBe('c');
    }));
  });
});

describe("the member's own unsent commands on top", () => {
  const NEW_H = '11111111-1111-4111-8111-111111111111';
  it('shows a household made offline with its people, and changes nothing when there is nothing to send', () => {
    const s = start();
    expect(overlayCommands(s, [])).toBe(s);
    const view = overlayCommands(s, [{
      type: 'household.create', deviceAt: '2026-11-20T01:00:00.000Z',
      payload: { id: NEW_H, villageId: V1, address: 'Xóm Giữa', members: [{ id: 'p-new', fullName: 'Lê Văn Tám', isHead: true, phone: '0912345678', birthYear: 1950 }] },
    }]);
    expect(view.households[NEW_H]).toMatchObject({ headName: 'Lê Văn Tám', villageId: V1, address: 'Xóm Giữa' });
    expect(view.people['p-new']).toMatchObject({ householdId: NEW_H, phone: '091*****78', isHead: true });
    expect(s.households[NEW_H]).toBeUndefined();
  });

  it('predicts the server: a finished act sets the readiness it proves, and VNeID never goes down', () => {
    fc.assert(fc.property(
      fc.constantFrom('none', 'installed', 'level1', 'level2', null), fc.subarray(['account_created', 'vneid_installed', 'vneid_level2', 'fee_paid_online', 'other']),
      fc.constantFrom('done', 'partial', 'not_done'),
      (vneid, kinds, outcome) => {
        const s = start();
        s.people.p1 = { ...s.people.p1!, readiness: { ...readiness, vneid: vneid as never } };
        const view = overlayCommands(s, [{ type: 'support_act.log', deviceAt: '2026-11-20T01:00:00.000Z', payload: { id: 'act-1', personId: 'p1', place: 'door_to_door', kinds: kinds.length ? kinds : ['other'], outcome, durationMinutes: 10 } }], 'Võ Minh Tuấn');
        const r = view.people.p1!.readiness;
        const rank = (v: string | null) => ['none', 'installed', 'level1', 'level2'].indexOf(v ?? '');
        expect(rank(r.vneid)).toBeGreaterThanOrEqual(rank(vneid));
        if (outcome !== 'done') expect(r).toEqual(s.people.p1!.readiness);
        if (outcome === 'done' && kinds.includes('account_created')) expect(r.portalAccount).toBe(true);
        expect(view.acts['act-1']).toMatchObject({ villageId: V1, householdId: 'h1', memberName: 'Võ Minh Tuấn' });
      },
    ));
  });

  it('an anonymous walk-in is logged in the village the member chose', () => {
    const view = overlayCommands(start(), [{ type: 'support_act.log', deviceAt: '2026-11-20T01:00:00.000Z', payload: { id: 'w', villageId: V2, place: 'it_point', kinds: ['scam_awareness'], durationMinutes: 5 } }]);
    expect(view.acts.w).toMatchObject({ villageId: V2, personId: null, householdId: null });
  });
});

describe('lists on the phone', () => {
  const state = (): LocalState => {
    const s = emptyState();
    s.households = { h1: household('h1', 'Nguyễn Văn Bình'), h2: household('h2', 'Trần Thị Hạnh'), h3: household('h3', 'Nguyễn Văn Bình', V2) };
    s.people = {
      p1: person('p1', 'h1', { fullName: 'Nguyễn Văn Bình', isHead: true, birthYear: 1950, readiness: { ...readiness, portalAccount: false } }),
      p2: person('p2', 'h2', { fullName: 'Trần Thị Hạnh', isHead: true, birthYear: 1990, readiness: { ...readiness, portalAccount: true } }),
      p3: person('p3', 'h3', { fullName: 'Nguyễn Văn Bình', villageId: V2, isHead: true, birthYear: 1995 }),
    };
    return s;
  };

  it('search ignores diacritics and case: typing without accents finds the same households', () => {
    fc.assert(fc.property(fc.constantFrom('Nguyễn', 'nguyen', 'NGUYEN VAN', 'bình', 'hanh', 'trần thị', 'xyz'), (q) => {
      const accented = searchHouseholds(state(), { query: q, year: 2026 }).map((h) => h.id);
      const plain = searchHouseholds(state(), { query: q.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd'), year: 2026 }).map((h) => h.id);
      expect(plain).toEqual(accented);
    }));
    expect(searchHouseholds(state(), { query: 'nguyen van b', villageId: V1, year: 2026 }).map((h) => h.id)).toEqual(['h1']);
    expect(searchPeople(state(), 'hanh').map((p) => p.id)).toEqual(['p2']);
  });

  it('warns of a duplicate only for the same head name in the same village', () => {
    expect(findLocalDuplicates(state(), V1, 'NGUYEN VAN BINH').map((h) => h.id)).toEqual(['h1']);
    // Diacritics are ignored altogether (the server's rule): a mistyped tone mark still warns; another name does not.
    expect(findLocalDuplicates(state(), V1, 'Nguyễn Văn Bính').map((h) => h.id)).toEqual(['h1']);
    expect(findLocalDuplicates(state(), V1, 'Nguyễn Văn Bảo')).toEqual([]);
    expect(findLocalDuplicates(state(), V2, 'Trần Thị Hạnh')).toEqual([]);
  });

  it('targets households where no adult has a portal account, the elderly first', () => {
    const list = targetHouseholds(state(), 'no_portal_account', 2026);
    expect(list.map((h) => h.id)).toEqual(['h1', 'h3']);
    expect(list[0]!.hasElderly).toBe(true);
  });
});
