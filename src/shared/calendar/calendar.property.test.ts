import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  buildCalendar,
  computeDueAt,
  countWorkingDaysBetween,
  findHungKingsDay,
  findLunarNewYear,
  formatLocalDateTime,
  isWeekend,
  isWorkingDay,
  listDefaultDaysOff,
  listDefaultTetDays,
  lunarToSolar,
  parseYearSchedule,
  solarToLunar,
  toLocalDate,
  type SolarDate,
} from './index';

const HOLIDAYS_DIR = fileURLToPath(new URL('../../../data/holidays/', import.meta.url));
const schedules = readdirSync(HOLIDAYS_DIR)
  .filter((name) => name.endsWith('.json'))
  .map((name) => parseYearSchedule(JSON.parse(readFileSync(HOLIDAYS_DIR + name, 'utf8'))));

const calendars = { official: buildCalendar(schedules), computed: buildCalendar([]) };

/**
 * Independent table of Vietnamese Tết (mùng 1 tháng Giêng), UTC+7.
 * 2030 is 2 Feb in Vietnam (new moon 2030-02-02 16:07 UTC = 23:07 UTC+7) but 3 Feb in China (UTC+8);
 * see Hồ Ngọc Đức, "Vietnamese calendar rules" (informatik.uni-leipzig.de/~duc/amlich/calrules_en.html).
 */
const TET: Record<number, string> = {
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-02',
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
};

const iso = ({ year, month, day }: SolarDate) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

const instantArb = fc.date({
  min: new Date('2024-01-01T00:00:00Z'),
  max: new Date('2035-12-31T00:00:00Z'),
  noInvalidDate: true,
});
const daysArb = fc.integer({ min: 0, max: 40 });
const calendarArb = fc.constantFrom(calendars.official, calendars.computed);
const solarDateArb = fc
  .integer({ min: Date.UTC(1900, 1, 1) / 86_400_000, max: Date.UTC(2100, 10, 30) / 86_400_000 })
  .map((epochDay) => new Date(epochDay * 86_400_000).toISOString().slice(0, 10));

describe('computeDueAt properties', () => {
  it('is strictly increasing in the number of working days', () => {
    fc.assert(
      fc.property(instantArb, daysArb, calendarArb, (received, n, cal) => {
        expect(computeDueAt(received, n + 1, cal).getTime()).toBeGreaterThan(computeDueAt(received, n, cal).getTime());
      }),
    );
  });

  it('is non-decreasing in the receipt instant', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 0, max: 10 * 86_400_000 }), daysArb, calendarArb, (r, delta, n, cal) => {
        const later = new Date(r.getTime() + delta);
        expect(computeDueAt(later, n, cal).getTime()).toBeGreaterThanOrEqual(computeDueAt(r, n, cal).getTime());
      }),
    );
  });

  it('always falls at 17:00 local on a working day, after the receipt', () => {
    fc.assert(
      fc.property(instantArb, daysArb, calendarArb, (received, n, cal) => {
        const due = computeDueAt(received, n, cal);
        expect(isWorkingDay(toLocalDate(due), cal)).toBe(true);
        expect(formatLocalDateTime(due).endsWith(' 17:00')).toBe(true);
        if (n >= 1) expect(toLocalDate(due) > toLocalDate(received)).toBe(true);
      }),
    );
  });

  it('countWorkingDaysBetween(received, due(received, n)) === n, and the due day is the first with n', () => {
    fc.assert(
      fc.property(instantArb, daysArb, calendarArb, (received, n, cal) => {
        const due = computeDueAt(received, n, cal);
        expect(countWorkingDaysBetween(received, due, cal)).toBe(n);
        const dayBefore = new Date(due.getTime() - 86_400_000);
        if (n >= 1) expect(countWorkingDaysBetween(received, dayBefore, cal)).toBe(n - 1);
      }),
    );
  });
});

describe('lunar calendar properties', () => {
  it('lunar new year 2024–2035 matches the independent Tết table', () => {
    for (const [year, date] of Object.entries(TET)) {
      expect(iso(findLunarNewYear(Number(year))), year).toBe(date);
      expect(solarToLunar(...(date.split('-').map(Number) as [number, number, number]))).toEqual({
        year: Number(year),
        month: 1,
        day: 1,
        isLeapMonth: false,
      });
    }
  });

  it('Giỗ Tổ (10/3 lunar) 2025–2027', () => {
    expect(findHungKingsDay(2025)).toBe('2025-04-07');
    expect(findHungKingsDay(2026)).toBe('2026-04-26');
    expect(findHungKingsDay(2027)).toBe('2027-04-16');
  });

  it('round-trips solar → lunar → solar for dates 1900–2100', () => {
    fc.assert(
      fc.property(solarDateArb, (date) => {
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        const lunar = solarToLunar(y, m, d);
        expect(iso(lunarToSolar(lunar.day, lunar.month, lunar.year, lunar.isLeapMonth))).toBe(date);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips lunar → solar → lunar for lunar dates 1900–2100', () => {
    const lunarArb = fc.record({
      year: fc.integer({ min: 1900, max: 2100 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 29 }),
    });
    fc.assert(
      fc.property(lunarArb, ({ year, month, day }) => {
        const solar = lunarToSolar(day, month, year);
        expect(solarToLunar(solar.year, solar.month, solar.day)).toEqual({ year, month, day, isLeapMonth: false });
      }),
      { numRuns: 500 },
    );
  });

  it('consecutive solar days are consecutive lunar days (day 1 only after day 29 or 30)', () => {
    fc.assert(
      fc.property(solarDateArb, (date) => {
        const [y1, m1, d1] = date.split('-').map(Number) as [number, number, number];
        const [y2, m2, d2] = addDays(date, 1).split('-').map(Number) as [number, number, number];
        const a = solarToLunar(y1, m1, d1);
        const b = solarToLunar(y2, m2, d2);
        if (b.day === 1) expect([29, 30]).toContain(a.day);
        else expect(b).toEqual({ ...a, day: a.day + 1 });
      }),
      { numRuns: 500 },
    );
  });
});

describe('default holidays 2024–2035 (no schedule)', () => {
  const years = Object.keys(TET).map(Number);

  it('Tết is 5 consecutive days off: the last day of the lunar year and mùng 1–4', () => {
    for (const year of years) {
      const tet = listDefaultTetDays(year).map((d) => d.date);
      expect(tet, String(year)).toHaveLength(5);
      expect(tet).toContain(TET[year]);
      expect(tet[0]).toBe(addDays(TET[year] as string, -1));
      tet.forEach((day, i) => expect(day).toBe(addDays(tet[0] as string, i)));
      const eve = (tet[0] as string).split('-').map(Number) as [number, number, number];
      expect(solarToLunar(...eve)).toMatchObject({ year: year - 1, month: 12 });
      for (const day of tet) expect(isWorkingDay(day, calendars.computed), day).toBe(false);
    }
  });

  it('every weekend holiday has a compensatory weekday: 11 weekdays off per year (BLLĐ Điều 111.3, 112)', () => {
    for (const year of years) {
      const weekdaysOff = listDefaultDaysOff(year).filter((d) => !isWeekend(d.date));
      expect(weekdaysOff, String(year)).toHaveLength(11);
    }
  });
});
