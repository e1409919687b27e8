import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyTotals } from './measures';
import { computeIndex766 } from './index766';
import { addMonths, describePeriod, listMonths, resolvePeriod } from './period';
import { columnSpans } from './report-labels';
import { rankBy } from './rows';
import { tallyActFacts, tallyActKinds } from './sources/act-tally';
import { formatVnNumber, formatVnPercent } from './vn-format';

describe('Vietnamese number format', () => {
  it('puts dots between thousands and a comma before decimals', () => {
    expect(formatVnNumber(1234.5)).toBe('1.234,5');
    expect(formatVnNumber(1234567, 0)).toBe('1.234.567');
    expect(formatVnNumber(45)).toBe('45');
    expect(formatVnNumber(-0.25, 2)).toBe('-0,25');
    expect(formatVnPercent(45.5)).toBe('45,5%');
    expect(formatVnPercent(null)).toBe('–');
  });

  it('reads back to the same number', () => {
    fc.assert(fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (tenths) => {
      const n = tenths / 10;
      expect(Number(formatVnNumber(n).replaceAll('.', '').replace(',', '.'))).toBeCloseTo(n, 5);
    }));
  });
});

describe('periods', () => {
  it('defaults to the 12 months up to the current local month', () => {
    // 30/11/2026 18:00 UTC is already 1 December in Vietnam.
    expect(resolvePeriod(new Date('2026-11-30T18:00:00Z'))).toEqual({ from: '2026-01', to: '2026-12' });
    expect(resolvePeriod(new Date(), '2026-05')).toEqual({ from: '2026-05', to: '2027-04' });
    expect(resolvePeriod(new Date(), '2026-05', '2026-04')).toBe('from_after_to');
    expect(resolvePeriod(new Date(), '2023-01', '2026-01')).toBe('too_long');
  });

  it('counts months across years and prints the first and last day', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(listMonths('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(describePeriod({ from: '2028-02', to: '2028-02' })).toEqual({ first: '01/02/2028', last: '29/02/2028' });
  });
});

describe('ranking communes', () => {
  it('ranks best first, shares ranks on ties, and puts rows without a value last', () => {
    const rows = [{ id: 'a', v: 10 }, { id: 'b', v: null }, { id: 'c', v: 30 }, { id: 'd', v: 10 }];
    expect(rankBy(rows, (r) => r.v).map((r) => [r.id, r.rank])).toEqual([['c', 1], ['a', 2], ['d', 2], ['b', null]]);
  });
});

describe('Decision 766 index', () => {
  it('scores what xaso measures and leaves the rest unscored', () => {
    const totals = { ...emptyTotals(), resolved: 40, early: 10, onTime: 20, late: 10, received: 50, receivedOnline: 10 };
    const index = computeIndex766({
      totals, proceduresOffered: 30, proceduresOnline: 24, onlineProceduresUsed: 12,
      payments: { paidOnline: 9, feeBearing: 12 }, ratings: { ratings: 20, dislikes: 2 },
    });
    const c = (id: string) => index.groups.flatMap((g) => g.components).find((x) => x.id === id)!;
    expect(c('2.1').points).toBe(15); // 20 × 30/40
    expect(c('3.1').points).toBe(2); // 24/30 = 80% → full 2 points
    expect(c('3.2').points).toBe(2); // 4 × 12/24
    expect(c('3.3').points).toBe(2.4); // 20% online → 6 × 20/50
    expect(c('3.6')).toMatchObject({ status: 'computed', rate: 75, points: 4.5 }); // 9/12 paid online → 6 × 75%
    // 5.4: 100% − (10 late + 2 dislikes) ÷ 40 ended = 100 − 25 − 5 = 70% → 6 × 70/90 = 4.67 → 4.7
    expect(c('5.4')).toMatchObject({ status: 'computed', rate: 70, points: 4.7 });
    expect(index.measuredMax).toBe(20 + 2 + 4 + 6 + 6 + 6);
    expect(index.score).toBe(30.6); // 15 + 2 + 2 + 2,4 + 4,5 + 4,7
    expect(index.groups.reduce((s, g) => s + g.maxPoints, 0)).toBe(100);
    // Domain notes §3: the five official groups and the known maxima of each component.
    expect(index.groups.map((g) => [g.id, g.maxPoints])).toEqual([['publicity', 18], ['progress', 20], ['digitisation', 22], ['online', 22], ['satisfaction', 18]]);
    expect(index.groups.find((g) => g.id === 'online')!.components.reduce((s, x) => s + (x.maxPoints ?? 0), 0)).toBe(22);
    expect(index.groups.find((g) => g.id === 'satisfaction')!.components.reduce((s, x) => s + (x.maxPoints ?? 0), 0)).toBe(18);
    expect(c('4.2').status).toBe('not_measured_here');
    expect(c('5.2').status).toBe('not_measured_here');
  });

  it('gives full 5.4 points from 90% and never a negative rate', () => {
    const totals = { ...emptyTotals(), resolved: 10, onTime: 10 };
    const base = { totals, proceduresOffered: 1, proceduresOnline: 1, onlineProceduresUsed: 1, payments: null };
    const c = (r: { ratings: number; dislikes: number }) => computeIndex766({ ...base, ratings: r }).groups.flatMap((g) => g.components).find((x) => x.id === '5.4')!;
    expect(c({ ratings: 5, dislikes: 1 })).toMatchObject({ rate: 90, points: 6 }); // 100 − 0 − 10
    expect(c({ ratings: 30, dislikes: 25 })).toMatchObject({ rate: 0, points: 0 }); // 100 − 250 → 0
  });

  it('does not score a component without dossiers, and says "no data yet" without payments or ratings', () => {
    const index = computeIndex766({ totals: emptyTotals(), proceduresOffered: 30, proceduresOnline: 24, onlineProceduresUsed: 0, payments: null, ratings: null });
    const c = (id: string) => index.groups.flatMap((g) => g.components).find((x) => x.id === id)!;
    expect(c('2.1')).toMatchObject({ status: 'no_dossiers', points: null });
    expect(c('3.6')).toMatchObject({ status: 'no_data_yet', points: null });
    expect(c('5.4')).toMatchObject({ status: 'no_data_yet', points: null });
    expect(index.measuredMax).toBe(2 + 4);
    const noneEnded = computeIndex766({ totals: emptyTotals(), proceduresOffered: 1, proceduresOnline: 1, onlineProceduresUsed: 0, payments: { paidOnline: 0, feeBearing: 0 }, ratings: { ratings: 3, dislikes: 0 } });
    const d = (id: string) => noneEnded.groups.flatMap((g) => g.components).find((x) => x.id === id)!;
    expect(d('3.6').status).toBe('no_dossiers');
    expect(d('5.4').status).toBe('no_dossiers');
  });
});

describe('panel tables in the report sheet', () => {
  it('share the 13 columns between a table\'s columns, each at least one, wider columns never narrower', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 13 }), (widths) => {
      const spans = columnSpans(widths, 13);
      expect(spans.reduce((a, b) => a + b, 0)).toBe(13);
      for (const s of spans) expect(s).toBeGreaterThanOrEqual(1);
      for (let i = 0; i < widths.length; i++) {
        for (let j = 0; j < widths.length; j++) if (widths[i]! > widths[j]!) expect(spans[i]! + 1).toBeGreaterThanOrEqual(spans[j]!);
      }
    }));
    expect(columnSpans([3, 1, 1, 1, 1, 1, 1, 1, 1], 13)).toEqual([4, 2, 1, 1, 1, 1, 1, 1, 1]);
  });
});

describe('support-log tallies made in memory', () => {
  const fact = fc.record({
    day: fc.constantFrom('2027-03-01', '2027-03-02', '2027-04-10'), villageId: fc.constantFrom('v1', 'v2'), memberKey: fc.constantFrom('m1', 'm2'),
    memberName: fc.constantFrom('Võ Minh Tuấn', 'Hồ Thị Yến Nhi'), place: fc.constantFrom('door_to_door', 'it_point', 'phone'),
    outcome: fc.constantFrom('done', 'partial', 'not_done'), personId: fc.option(fc.constantFrom('p1', 'p2', 'p3')),
    householdId: fc.option(fc.constantFrom('h1', 'h2')), minutes: fc.integer({ min: 1, max: 60 }),
    kinds: fc.uniqueArray(fc.constantFrom('account_created', 'vneid_level2', 'other'), { minLength: 1 }), recordedAt: fc.date({ noInvalidDate: true }),
  });
  it('add up to the same acts, done, walk-ins and minutes whatever the breakdown, and count people once per row', () => {
    fc.assert(fc.property(fc.array(fact, { maxLength: 40 }), (facts) => {
      const dims = ['commune', 'month', 'day', 'village', 'member', 'place', 'outcome'] as const;
      const rows = tallyActFacts('21115', facts, [...dims]);
      for (const d of dims) {
        const of = rows.filter((r) => r.dimension === d);
        expect(of.reduce((s, r) => s + r.acts, 0)).toBe(facts.length);
        expect(of.reduce((s, r) => s + r.done, 0)).toBe(facts.filter((a) => a.outcome === 'done').length);
        expect(of.reduce((s, r) => s + r.anonymous, 0)).toBe(facts.filter((a) => !a.personId).length);
        expect(of.reduce((s, r) => s + r.minutes, 0)).toBe(facts.reduce((s, a) => s + a.minutes, 0));
      }
      const total = rows.find((r) => r.dimension === 'commune');
      expect(total?.people ?? 0).toBe(new Set(facts.map((a) => a.personId).filter(Boolean)).size);
      expect(total?.householdsVisited ?? 0).toBe(new Set(facts.filter((a) => a.place === 'door_to_door').map((a) => a.householdId).filter(Boolean)).size);
      const kinds = tallyActKinds('21115', facts);
      expect(kinds.reduce((s, k) => s + k.acts, 0)).toBe(facts.reduce((s, a) => s + a.kinds.length, 0));
    }));
  });
});
