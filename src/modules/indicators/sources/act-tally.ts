import type { ActDimension, ActFact, ActTally } from '../../outreach';

/**
 * The support-log tallies of one commune made in memory from its acts (outreach listActFacts), with the same
 * meaning as the SQL tallies a province uses (outreach tallySupportActs): acts, acts done, distinct registered
 * people, anonymous walk-ins, distinct households visited door to door, minutes. Pure.
 */
const keyOf: Record<ActDimension, (a: ActFact) => string> = {
  commune: () => '',
  month: (a) => a.day.slice(0, 7),
  day: (a) => a.day,
  village: (a) => a.villageId,
  member: (a) => a.memberKey,
  place: (a) => a.place,
  outcome: (a) => a.outcome,
};

interface Acc { row: ActTally; people: Set<string>; households: Set<string> }

export function tallyActFacts(communeCode: string, facts: ActFact[], dimensions: ActDimension[]): ActTally[] {
  const out: ActTally[] = [];
  for (const dimension of dimensions) {
    const groups = new Map<string, Acc>();
    for (const a of facts) {
      const key = keyOf[dimension](a);
      let g = groups.get(key);
      if (!g) {
        g = { row: { communeCode, dimension, key, label: null, acts: 0, done: 0, people: 0, anonymous: 0, householdsVisited: 0, minutes: 0, lastChangeAt: null }, people: new Set(), households: new Set() };
        groups.set(key, g);
      }
      const r = g.row;
      r.acts += 1;
      if (a.outcome === 'done') r.done += 1;
      if (a.personId) g.people.add(a.personId);
      else r.anonymous += 1;
      if (a.place === 'door_to_door' && a.householdId) g.households.add(a.householdId);
      r.minutes += a.minutes;
      if (dimension === 'member' && (r.label === null || a.memberName > r.label)) r.label = a.memberName;
      if (!r.lastChangeAt || a.recordedAt > r.lastChangeAt) r.lastChangeAt = a.recordedAt;
    }
    for (const g of groups.values()) out.push({ ...g.row, people: g.people.size, householdsVisited: g.households.size });
  }
  return out;
}

/** Acts per kind of help (an act with two kinds counts under each), and of them those done. */
export function tallyActKinds(communeCode: string, facts: ActFact[]): { communeCode: string; kind: string; acts: number; done: number }[] {
  const kinds = new Map<string, { acts: number; done: number }>();
  for (const a of facts) {
    for (const kind of a.kinds) {
      const k = kinds.get(kind) ?? { acts: 0, done: 0 };
      k.acts += 1;
      if (a.outcome === 'done') k.done += 1;
      kinds.set(kind, k);
    }
  }
  return [...kinds].map(([kind, c]) => ({ communeCode, kind, ...c }));
}
