import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareClocks, decideField, mergeWrites, type Clock, type FieldWrite, type Json } from './merge';

const clockArb = fc.record({
  at: fc.integer({ min: 0, max: 50 }).map((m) => new Date(Date.UTC(2026, 10, 1, 8, m)).toISOString()),
  cmd: fc.uuid(),
});

/** Concurrent edits: all start from the same base, each sets a value different from it. */
const concurrentEdits = fc.uniqueArray(fc.record({ value: fc.integer({ min: 1, max: 5 }), clock: clockArb }), {
  minLength: 1, maxLength: 6, selector: (e) => e.clock.cmd,
});

function play(base: Json, edits: { value: number; clock: Clock }[]) {
  const writes: FieldWrite[] = edits.map((e) => ({ field: 'f', value: e.value, base, clock: e.clock, mode: 'edit' }));
  return mergeWrites({ f: base }, {}, writes);
}

describe('field merge (last writer wins per field, conflicts detected)', () => {
  it('ends with the value of the latest edit whatever order the edits arrive in', () => {
    fc.assert(fc.property(concurrentEdits, fc.infiniteStream(fc.nat()), (edits, seeds) => {
      const shuffled = [...edits].sort(() => (seeds.next().value % 3) - 1);
      const latest = [...edits].sort((a, b) => compareClocks(a.clock, b.clock)).pop()!;
      expect(play(0, shuffled).values.f).toBe(latest.value);
      expect(play(0, edits).values.f).toBe(play(0, shuffled).values.f);
    }));
  });

  it('reports a conflict exactly when a second, different value arrives from the same base', () => {
    fc.assert(fc.property(concurrentEdits, (edits) => {
      const { decisions } = play(0, edits);
      expect(decisions[0]!.conflict).toBe(false);
      // After the first edit the field no longer holds the base, so every later edit is
      // concurrent: a conflict unless it sets the very value already there.
      decisions.slice(1).forEach((d, i) => expect(d.conflict).toBe(d.previous !== edits[i + 1]!.value));
    }));
  });

  it('applies an edit that starts from the current value, whatever its time (it saw the last write)', () => {
    fc.assert(fc.property(clockArb, clockArb, fc.integer(), fc.integer(), (c1, c2, v1, v2) => {
      fc.pre(v1 !== 0 && v2 !== v1);
      const first = decideField(0, undefined, { field: 'f', base: 0, value: v1, clock: c1, mode: 'edit' });
      const second = decideField(first.next, first.nextClock, { field: 'f', base: v1, value: v2, clock: c2, mode: 'edit' });
      expect(second).toMatchObject({ outcome: 'applied', conflict: false, next: v2 });
    }));
  });

  it('lets a support act win only when it is the later write, never as a conflict', () => {
    fc.assert(fc.property(clockArb, clockArb, (editClock, actClock) => {
      fc.pre(editClock.at !== actClock.at);
      const edit = decideField(null, undefined, { field: 'portalAccount', base: null, value: false, clock: editClock, mode: 'edit' });
      const act = decideField(edit.next, edit.nextClock, { field: 'portalAccount', value: true, clock: actClock, mode: 'assert' });
      expect(act.conflict).toBe(false);
      expect(act.next).toBe(Date.parse(actClock.at) > Date.parse(editClock.at));
    }));
  });

  it('treats equal arrays and objects as the same value', () => {
    const d = decideField(['elderly'], undefined, { field: 'supportNeeds', base: [], value: ['elderly'], clock: { at: '2026-11-01T00:00:00.000Z', cmd: 'a' }, mode: 'edit' });
    expect(d.outcome).toBe('same');
  });
});
