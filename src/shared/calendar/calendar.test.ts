import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  buildCalendar,
  computeDueAt,
  countWorkingDaysBetween,
  findDayOffReason,
  findHungKingsDay,
  findLeapMonth,
  findLunarNewYear,
  formatLocalDateTime,
  isWeekend,
  isWorkingDay,
  listDaysOff,
  listDefaultDaysOff,
  lunarToSolar,
  nextWorkingDay,
  parseYearSchedule,
  solarToLunar,
  toLocalDate,
  yearSchedule,
  type YearSchedule,
} from './index';

const HOLIDAYS_DIR = fileURLToPath(new URL('../../../data/holidays/', import.meta.url));

function loadSchedules(): YearSchedule[] {
  return readdirSync(HOLIDAYS_DIR)
    .filter((name) => name.endsWith('.json'))
    .map((name) => parseYearSchedule(JSON.parse(readFileSync(HOLIDAYS_DIR + name, 'utf8'))));
}

const official = buildCalendar(loadSchedules());
const computedOnly = buildCalendar([]);

/** UTC instant of a wall-clock time in Asia/Ho_Chi_Minh (UTC+7). */
function local(isoDateTime: string): Date {
  return new Date(`${isoDateTime}:00+07:00`);
}

describe('schedule files (data/holidays)', () => {
  it('contains 2025 and 2026, each valid against the zod schema', () => {
    const names = readdirSync(HOLIDAYS_DIR).filter((n) => n.endsWith('.json'));
    expect(names).toEqual(expect.arrayContaining(['2025.json', '2026.json']));
    for (const name of names) {
      const json: unknown = JSON.parse(readFileSync(HOLIDAYS_DIR + name, 'utf8'));
      const result = yearSchedule.safeParse(json);
      expect(result.success, `${name}: ${result.error?.message ?? ''}`).toBe(true);
      expect(result.data?.year).toBe(Number(name.slice(0, 4)));
      expect(result.data?.source).toMatch(/TB|VPCP|BLLĐ/);
    }
  });

  it('rejects dates outside the year, duplicates and weekday make-up days', () => {
    const entry = (date: string) => ({ date, reasonVi: 'x', reasonEn: 'x' });
    const base = { year: 2026, source: 'test', daysOff: [], workingDays: [] };
    expect(yearSchedule.safeParse({ ...base, daysOff: [entry('2027-01-01')] }).success).toBe(false);
    expect(yearSchedule.safeParse({ ...base, daysOff: [entry('2026-02-30')] }).success).toBe(false);
    expect(yearSchedule.safeParse({ ...base, daysOff: [entry('2026-01-01'), entry('2026-01-01')] }).success).toBe(
      false,
    );
    expect(yearSchedule.safeParse({ ...base, workingDays: [entry('2026-08-24')] }).success).toBe(false);
    expect(yearSchedule.safeParse({ ...base, workingDays: [entry('2026-08-22')] }).success).toBe(true);
  });

  it('refuses two schedules for the same year', () => {
    const s = loadSchedules()[0] as YearSchedule;
    expect(() => buildCalendar([s, s])).toThrow();
  });
});

describe('lunar calendar', () => {
  it('finds Tết and Giỗ Tổ of the domain table', () => {
    expect(findLunarNewYear(2025)).toEqual({ year: 2025, month: 1, day: 29 });
    expect(findLunarNewYear(2026)).toEqual({ year: 2026, month: 2, day: 17 });
    expect(findLunarNewYear(2027)).toEqual({ year: 2027, month: 2, day: 6 });
    expect(findHungKingsDay(2025)).toBe('2025-04-07');
    expect(findHungKingsDay(2026)).toBe('2026-04-26');
    expect(findHungKingsDay(2027)).toBe('2027-04-16');
  });

  it('converts solar → lunar, including the last day of the year and leap months', () => {
    expect(solarToLunar(2026, 2, 16)).toEqual({ year: 2025, month: 12, day: 29, isLeapMonth: false });
    expect(solarToLunar(2025, 7, 25)).toEqual({ year: 2025, month: 6, day: 1, isLeapMonth: true });
    expect(findLeapMonth(2025)).toBe(6);
    expect(findLeapMonth(2026)).toBe(0);
    // The 2033 "leap 11th month" year of the Vietnamese calendar.
    expect(findLeapMonth(2033)).toBe(11);
  });

  it('throws on a leap month that does not exist and on day 30 of a 29-day month', () => {
    expect(() => lunarToSolar(1, 5, 2026, true)).toThrow(RangeError);
    expect(() => lunarToSolar(30, 12, 2025)).toThrow(RangeError);
  });
});

describe('days off', () => {
  it('Tết 2025 and 2026 are off (official schedules)', () => {
    for (const day of ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']) {
      expect(isWorkingDay(day, official), day).toBe(false);
    }
    for (const day of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
      expect(isWorkingDay(day, official), day).toBe(false);
    }
    expect(isWorkingDay('2025-02-03', official)).toBe(true);
    expect(isWorkingDay('2026-02-23', official)).toBe(true);
  });

  it('applies the 2025 and 2026 swaps and compensatory days', () => {
    expect(isWorkingDay('2025-04-26', official)).toBe(true); // make-up Saturday (VPCP 8726/VPCP-KGVX)
    expect(isWorkingDay('2025-05-02', official)).toBe(false); // swapped Friday
    expect(isWorkingDay('2025-04-07', official)).toBe(false); // Giỗ Tổ
    expect(isWorkingDay('2025-09-01', official)).toBe(false);
    expect(isWorkingDay('2025-09-02', official)).toBe(false);
    expect(isWorkingDay('2026-08-22', official)).toBe(true); // make-up Saturday (TB 9441/TB-BNV)
    expect(isWorkingDay('2026-08-31', official)).toBe(false);
    expect(isWorkingDay('2026-04-27', official)).toBe(false); // nghỉ bù Giỗ Tổ
    expect(findDayOffReason('2026-04-27', official)?.reasonEn).toMatch(/Compensatory/);
  });

  it('keeps ordinary weekends off and ordinary weekdays working', () => {
    expect(isWorkingDay('2026-03-07', official)).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08', official)).toBe(false); // Sunday
    expect(isWorkingDay('2026-03-09', official)).toBe(true); // Monday
    expect(isWorkingDay('2026-08-22', computedOnly)).toBe(false); // no schedule: plain Saturday
  });

  it('computes 2027 defaults: Tết on a weekend gives compensatory days (BLLĐ Điều 111.3)', () => {
    const days = listDefaultDaysOff(2027).map((d) => d.date);
    // Tết Đinh Mùi: Fri 5/2 (last day) … Tue 9/2; Sat 6/2 and Sun 7/2 → Wed 10/2 and Thu 11/2.
    expect(days).toEqual(
      expect.arrayContaining(['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11']),
    );
    expect(days).toContain('2027-04-16'); // Giỗ Tổ, Friday
    expect(days).toContain('2027-05-03'); // 1/5 is a Saturday → Monday 3/5
    expect(days).toEqual(expect.arrayContaining(['2027-09-01', '2027-09-02']));
    expect(days.filter((d) => !isWeekend(d))).toHaveLength(11);
  });

  it('the computed 2026 defaults equal the official weekday days off except the 31/8 swap', () => {
    const weekdays = (list: { date: string }[]) => list.map((d) => d.date).filter((d) => !isWeekend(d));
    const official2026 = weekdays(listDaysOff(2026, loadSchedules().find((s) => s.year === 2026)));
    expect([...weekdays(listDefaultDaysOff(2026)), '2026-08-31'].sort()).toEqual(official2026);
  });
});

describe('computeDueAt', () => {
  it('Fri 13/2/2026 10:00 + 3 working days → Wed 25/2/2026 17:00 (Tết 16–20/2 skipped)', () => {
    // Receipt day not counted (BLDS Điều 147): Mon 23/2 = 1, Tue 24/2 = 2, Wed 25/2 = 3.
    const received = local('2026-02-13T10:00');
    expect(computeDueAt(received, 3, official)).toEqual(local('2026-02-25T17:00'));
    expect(computeDueAt(received, 2, official)).toEqual(local('2026-02-24T17:00'));
  });

  it('received Monday 15:30 with 1 working day → due Wednesday 17:00', () => {
    const due = computeDueAt(local('2026-03-09T15:30'), 1, official);
    expect(formatLocalDateTime(due)).toBe('11/03/2026 17:00');
  });

  it('received Monday 14:59 or 15:00 with 1 working day → due Tuesday 17:00', () => {
    expect(computeDueAt(local('2026-03-09T14:59'), 1, official)).toEqual(local('2026-03-10T17:00'));
    expect(computeDueAt(local('2026-03-09T15:00'), 1, official)).toEqual(local('2026-03-10T17:00'));
  });

  it('same-day procedure: Friday 16:00 → Monday 17:00; Friday 10:00 → Friday 17:00', () => {
    expect(computeDueAt(local('2026-03-13T16:00'), 0, official)).toEqual(local('2026-03-16T17:00'));
    expect(computeDueAt(local('2026-03-13T10:00'), 0, official)).toEqual(local('2026-03-13T17:00'));
  });

  it('received on a day off counts from the next working day', () => {
    // Sat 14/2/2026 → treated as received Mon 23/2 (after Tết) → 1 working day = Tue 24/2.
    expect(computeDueAt(local('2026-02-14T09:00'), 1, official)).toEqual(local('2026-02-24T17:00'));
    // Make-up Saturday 22/8/2026 is a working day.
    expect(computeDueAt(local('2026-08-22T09:00'), 1, official)).toEqual(local('2026-08-24T17:00'));
  });

  it('uses the Vietnam local day, not the UTC day', () => {
    const mondayEarly = new Date('2026-03-08T17:30:00Z'); // Mon 9/3 00:30 in Hà Nội
    expect(toLocalDate(mondayEarly)).toBe('2026-03-09');
    expect(computeDueAt(mondayEarly, 0, official)).toEqual(new Date('2026-03-09T10:00:00Z'));
    expect(formatLocalDateTime(new Date('2026-12-31T17:05:00Z'))).toBe('01/01/2027 00:05');
  });
});

describe('working-day arithmetic', () => {
  it('addWorkingDays and nextWorkingDay skip weekends and holidays', () => {
    expect(nextWorkingDay('2026-02-13', official)).toBe('2026-02-23');
    expect(addWorkingDays('2026-02-13', 0, official)).toBe('2026-02-13');
    expect(addWorkingDays('2025-04-24', 2, official)).toBe('2025-04-26'); // Thu → Fri → make-up Sat
    expect(addWorkingDays('2025-12-31', 1, official)).toBe('2026-01-02');
    expect(() => addWorkingDays('2026-01-05', -1, official)).toThrow(RangeError);
    expect(() => isWorkingDay('2026-2-3', official)).toThrow(RangeError);
  });

  it('countWorkingDaysBetween counts working days after the effective receipt day', () => {
    const received = local('2026-02-13T10:00');
    expect(countWorkingDaysBetween(received, local('2026-02-13T16:00'), official)).toBe(0);
    expect(countWorkingDaysBetween(received, local('2026-02-20T10:00'), official)).toBe(0);
    expect(countWorkingDaysBetween(received, local('2026-02-24T09:00'), official)).toBe(2);
    expect(countWorkingDaysBetween(local('2026-03-09T15:30'), local('2026-03-11T08:00'), official)).toBe(1);
    expect(countWorkingDaysBetween(local('2026-03-11T08:00'), local('2026-03-09T08:00'), official)).toBe(0);
  });
});
