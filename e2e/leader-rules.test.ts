import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as server from '../src/modules/indicators/period';
import { linePath } from '../web/lanh-dao/charts/line-chart';
import { niceTicks } from '../web/lanh-dao/charts/use-width';
import { addDays, fillDays } from '../web/lanh-dao/days';
import { formatNumber, formatPercent, parseVietnameseNumber } from '../web/lanh-dao/format';
import { analysePanelData } from '../web/lanh-dao/panel-data';
import { addMonths, checkPeriod, currentMonth, monthsBetween, periodFromQuery } from '../web/lanh-dao/period';
import { sortRows } from '../web/lanh-dao/sort';

/** The pure rules behind the dashboards' pages (web/lanh-dao): sorting, periods, numbers, days, panel shapes. */
const month = fc.record({ y: fc.integer({ min: 2015, max: 2045 }), m: fc.integer({ min: 1, max: 12 }) })
  .map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`);

describe('ranking sort', () => {
  const value = fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null });
  it('keeps every row, orders the values, and leaves rows without a value last in both directions', () => {
    fc.assert(fc.property(fc.array(value, { maxLength: 40 }), fc.constantFrom('asc' as const, 'desc' as const), (values, dir) => {
      const rows = values.map((v, i) => ({ v, i }));
      const out = sortRows(rows, (r) => r.v, dir);
      expect([...out].sort((a, b) => a.i - b.i)).toEqual(rows);
      const firstMissing = out.findIndex((r) => r.v === null);
      if (firstMissing >= 0) expect(out.slice(firstMissing).every((r) => r.v === null)).toBe(true);
      const known = out.filter((r) => r.v !== null).map((r) => r.v!);
      expect(known).toEqual([...known].sort((a, b) => (dir === 'asc' ? a - b : b - a)));
    }));
  });

  it('sorts names in Vietnamese order, and a reversed sort is the mirror image', () => {
    const names = ['Đông Trà Bồng', 'Trà Bồng', 'Ba Tơ', 'Sơn Hạ', 'Sơn Hà', 'An Phú', 'Ân Phú', 'Bình Sơn'];
    const asc = sortRows(names, (n) => n, 'asc');
    expect(asc.indexOf('Đông Trà Bồng')).toBeGreaterThan(asc.indexOf('Bình Sơn'));
    expect(asc.indexOf('Đông Trà Bồng')).toBeLessThan(asc.indexOf('Sơn Hà'));
    expect(sortRows(names, (n) => n, 'desc')).toEqual([...asc].reverse());
  });
});

describe('periods', () => {
  it('the picker refuses exactly the periods the server refuses', () => {
    fc.assert(fc.property(month, month, (from, to) => {
      const mine = checkPeriod(from, to);
      const theirs = server.resolvePeriod(new Date('2026-11-22T05:00:00Z'), from, to);
      expect(mine === null).toBe(typeof theirs === 'object');
      if (mine && typeof theirs === 'string') expect(mine).toBe(theirs);
    }));
  });

  it('month arithmetic agrees with the server, and the current month is Vietnam’s', () => {
    fc.assert(fc.property(month, fc.integer({ min: -400, max: 400 }), (m, n) => {
      expect(addMonths(m, n)).toBe(server.addMonths(m, n));
      if (n >= 0) expect(monthsBetween(m, addMonths(m, n))).toBe(n + 1);
    }));
    fc.assert(fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }), (d) => {
      expect(currentMonth(d)).toBe(server.currentMonth(d));
    }));
    // 23:30 UTC on 31 December is already January in Vietnam.
    expect(currentMonth(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01');
  });

  it('drops a malformed period from the address instead of sending it', () => {
    expect(periodFromQuery(new URLSearchParams('tu=2026-13&den=2026-05'))).toEqual({ from: undefined, to: '2026-05' });
    expect(periodFromQuery(new URLSearchParams('tu=abc'))).toEqual({ from: undefined, to: undefined });
  });
});

describe('numbers the Vietnamese way', () => {
  it('writes 1.234,5 and 42,2% and reads them back', () => {
    expect(formatNumber(1234.5, 1, 'vi')).toBe('1.234,5');
    expect(formatPercent(42.2, 'vi')).toBe('42,2%');
    expect(formatNumber(1234.5, 1, 'en')).toBe('1,234.5');
    fc.assert(fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (tenths) => {
      expect(parseVietnameseNumber(formatNumber(tenths / 10, 1, 'vi'))).toBe(tenths / 10);
    }));
  });
});

describe('days and charts', () => {
  it('fills every day between the first and the last, keeping the real rows', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => addDays('2025-01-01', n));
    fc.assert(fc.property(fc.uniqueArray(day, { maxLength: 30 }), (days) => {
      const rows = days.map((d) => ({ day: d, n: 1 }));
      const out = fillDays(rows, (d) => ({ day: d, n: 0 }));
      if (!days.length) {
        expect(out).toEqual([]);
        return;
      }
      for (let i = 1; i < out.length; i++) expect(out[i]!.day).toBe(addDays(out[i - 1]!.day, 1));
      expect(out.filter((r) => r.n === 1).map((r) => r.day).sort()).toEqual([...days].sort());
    }));
  });

  it('axis ticks start at 0, step evenly and reach the largest value', () => {
    fc.assert(fc.property(fc.double({ min: 0.01, max: 1e7, noNaN: true }), (max) => {
      const ticks = niceTicks(max);
      expect(ticks[0]).toBe(0);
      expect(ticks[ticks.length - 1]!).toBeGreaterThanOrEqual(max);
      const step = ticks[1]! - ticks[0]!;
      ticks.forEach((v, i) => expect(v).toBeCloseTo(i * step, 6));
    }));
  });

  it('a missing month breaks the line instead of drawing it at zero', () => {
    const d = linePath([{ value: 10 }, { value: null }, { value: 30 }, { value: 40 }], (i) => i * 10, (v) => v);
    expect(d).toBe('M0.0 10.0 M20.0 30.0 L30.0 40.0');
  });
});

describe('drawing an unknown source panel from its data', () => {
  it('funnel steps, dated rows, counts by key and plain facts each get their own form', () => {
    const sections = analysePanelData({
      households: 240,
      note: { vi: 'Theo sổ hộ', en: 'From the registry' },
      funnel: [{ step: 'a', label: { vi: 'Có điện thoại', en: 'Phone' }, count: 500, share: 69.4 }, { step: 'b', label: { vi: 'Có VNeID', en: 'VNeID' }, count: 200, share: 27.8 }],
      days: [{ day: '2026-08-09', acts: 12 }, { day: '2026-08-08', acts: 30 }],
      byKind: { account_created: 12, scam_awareness: 5 },
      criteria: [{ id: 'x1', criterion: 'Đúng hẹn', rate: 82.5 }],
    });
    expect(sections.map((s) => (s.kind === 'facts' ? 'facts' : `${s.key}:${s.chart}`))).toEqual(['facts', 'funnel:funnel', 'days:series', 'byKind:bars', 'criteria:bars']);
    const funnel = sections[1]!;
    expect(funnel.kind === 'table' && [funnel.labelKey, funnel.valueKey, funnel.percent]).toEqual(['label', 'count', false]);
    const days = sections[2]!;
    expect(days.kind === 'table' && days.rows.map((r) => r.day)).toEqual(['2026-08-08', '2026-08-09']);
    const criteria = sections[4]!;
    // Ids are hidden when the rows have a readable label; a rate is a share.
    expect(criteria.kind === 'table' && [criteria.columns.map((c) => c.key), criteria.percent]).toEqual([['criterion', 'rate'], true]);
  });
});
