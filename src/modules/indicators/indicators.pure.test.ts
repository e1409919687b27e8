import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyTotals } from './measures';
import { computeIndex766 } from './index766';
import { addMonths, describePeriod, listMonths, resolvePeriod } from './period';
import { rankBy } from './rows';
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
    const index = computeIndex766({ totals, proceduresOffered: 30, proceduresOnline: 24, onlineProceduresUsed: 12 });
    const c = (id: string) => index.groups.flatMap((g) => g.components).find((x) => x.id === id)!;
    expect(c('2.1').points).toBe(15); // 20 × 30/40
    expect(c('3.1').points).toBe(2); // 24/30 = 80% → full 2 points
    expect(c('3.2').points).toBe(2); // 4 × 12/24
    expect(c('3.3').points).toBe(2.4); // 20% online → 6 × 20/50
    expect(index.measuredMax).toBe(20 + 2 + 4 + 6);
    expect(index.score).toBe(15 + 2 + 2 + 2.4);
    expect(index.groups.reduce((s, g) => s + g.maxPoints, 0)).toBe(100);
    expect(c('4.2').status).toBe('not_measured_here');
  });

  it('does not score a component without dossiers', () => {
    const index = computeIndex766({ totals: emptyTotals(), proceduresOffered: 30, proceduresOnline: 24, onlineProceduresUsed: 0 });
    const c = (id: string) => index.groups.flatMap((g) => g.components).find((x) => x.id === id)!;
    expect(c('2.1')).toMatchObject({ status: 'no_dossiers', points: null });
    expect(index.measuredMax).toBe(2 + 4);
  });
});
