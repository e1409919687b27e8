import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideResync, decodeCursor, encodeCursor, scopeKeyOf } from './cursor';

describe('the pull cursor', () => {
  it('decodes what it encodes, and nothing else', () => {
    fc.assert(fc.property(fc.nat({ max: 2 ** 40 }), fc.array(fc.uuid(), { maxLength: 5 }), (seq, villages) => {
      const c = { seq, scopeKey: scopeKeyOf(villages) };
      expect(decodeCursor(encodeCursor(c))).toEqual(c);
    }));
    for (const bad of ['', 'c1', 'c1.x.abcdefabcdef', 'c0.1.abcdefabcdef', 'c1.-1.abcdefabcdef', 'c1.1.short']) expect(decodeCursor(bad)).toBeUndefined();
  });

  it('does not depend on the order of the villages', () => {
    expect(scopeKeyOf(['b', 'a'])).toBe(scopeKeyOf(['a', 'b']));
    expect(scopeKeyOf(['a'])).not.toBe(scopeKeyOf(['a', 'b']));
  });

  it('asks for a resync exactly when paging could miss or would be too long', () => {
    const scopeKey = scopeKeyOf(['v']);
    const state = { scopeKey, minSeq: 10, lastSeq: 100 };
    expect(decideResync({ seq: 50, scopeKey }, state, 3, 1000)).toBeUndefined();
    expect(decideResync(undefined, state, 0, 1000)).toBe('unknown_cursor');
    expect(decideResync({ seq: 101, scopeKey }, state, 0, 1000)).toBe('unknown_cursor');
    expect(decideResync({ seq: 50, scopeKey: scopeKeyOf(['w']) }, state, 0, 1000)).toBe('scope_changed');
    expect(decideResync({ seq: 9, scopeKey }, state, 0, 1000)).toBe('pruned');
    expect(decideResync({ seq: 10, scopeKey }, state, 1000, 1000)).toBe('too_far_behind');
  });
});
