import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/calendar';
import { hasEnded, isoWeekday, listOccurrences } from './shift-schedule';

const date = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2025-01-01', n));

describe('weekly duty shifts', () => {
  it('lists exactly the dates in the window that fall on the weekday and inside the validity', () => {
    fc.assert(fc.property(date, fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: -30, max: 30 }), fc.option(fc.integer({ min: 0, max: 90 })), (from, weekday, days, validOffset, untilOffset) => {
      const rule = { weekday, startTime: '07:30', endTime: '11:00', validFrom: addDays(from, validOffset), validUntil: untilOffset === null ? null : addDays(from, untilOffset) };
      const got = listOccurrences(rule, from, days);
      const expected = Array.from({ length: days }, (_, i) => addDays(from, i)).filter(
        (d) => isoWeekday(d) === weekday && d >= rule.validFrom && (!rule.validUntil || d <= rule.validUntil),
      );
      expect(got).toEqual(expected);
    }));
  });

  it('knows 2026-11-26 is a Thursday (ISO weekday 4) and Sunday is 7', () => {
    expect(isoWeekday('2026-11-26')).toBe(4);
    expect(isoWeekday('2026-11-22')).toBe(7);
  });

  it('treats a shift as ended only once its end time has passed today', () => {
    expect(hasEnded('2026-11-26', '11:00', '2026-11-26', '10:59')).toBe(false);
    expect(hasEnded('2026-11-26', '11:00', '2026-11-26', '11:00')).toBe(true);
    expect(hasEnded('2026-11-25', '11:00', '2026-11-26', '06:00')).toBe(true);
  });
});
