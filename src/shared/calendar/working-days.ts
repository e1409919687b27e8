/**
 * Working-day calendar of state agencies.
 *
 * A day is a working day (ngày làm việc) unless it is a weekly rest day (Saturday, Sunday —
 * QĐ 188/1999/QĐ-TTg) or a day off of the year (BLLĐ 2019 Điều 111.3, 112). A government
 * schedule, when present for a year, is authoritative for that year (BLLĐ 2019 Điều 112.3):
 * its `daysOff` are off and its `workingDays` (make-up Saturdays, ngày làm bù) are worked.
 * Years without a schedule use the computed defaults of holidays.ts.
 */
import { listDaysOff, type DayOff } from './holidays';
import { isWeekend, getYear, toEpochDay, type IsoDate, type ScheduleEntry, type YearSchedule } from './schedule';

export interface YearCalendar {
  readonly source: 'schedule' | 'computed';
  readonly daysOff: ReadonlyMap<IsoDate, DayOff>;
  readonly workingDays: ReadonlyMap<IsoDate, ScheduleEntry>;
}

export interface WorkingCalendar {
  /** Resolved days off / make-up days of a year (cached). */
  year(year: number): YearCalendar;
  /** Years that have an official schedule. */
  readonly scheduledYears: readonly number[];
}

/**
 * Builds a calendar answering for any year: from the schedule of that year when given, from the
 * computed statutory defaults otherwise. Years are resolved lazily and cached.
 * Throws when two schedules are given for the same year.
 */
export function buildCalendar(schedules: readonly YearSchedule[] = []): WorkingCalendar {
  const byYear = new Map<number, YearSchedule>();
  for (const schedule of schedules) {
    if (byYear.has(schedule.year)) throw new Error(`calendar: two schedules for ${schedule.year}`);
    byYear.set(schedule.year, schedule);
  }
  const cache = new Map<number, YearCalendar>();
  return {
    scheduledYears: [...byYear.keys()].sort((a, b) => a - b),
    year(year: number): YearCalendar {
      let resolved = cache.get(year);
      if (!resolved) {
        resolved = resolveYear(year, byYear.get(year));
        cache.set(year, resolved);
      }
      return resolved;
    },
  };
}

function resolveYear(year: number, schedule: YearSchedule | undefined): YearCalendar {
  const daysOff = new Map(listDaysOff(year, schedule).map((d) => [d.date, d] as const));
  const workingDays = new Map((schedule?.workingDays ?? []).map((d) => [d.date, d] as const));
  return { source: schedule ? 'schedule' : 'computed', daysOff, workingDays };
}

/** True when `date` ('YYYY-MM-DD') is a working day of state agencies. */
export function isWorkingDay(date: IsoDate, calendar: WorkingCalendar): boolean {
  toEpochDay(date); // validates the format
  const year = calendar.year(getYear(date));
  if (year.workingDays.has(date)) return true;
  if (year.daysOff.has(date)) return false;
  return !isWeekend(date);
}

/** The reason `date` is a day off (holiday, compensatory or swapped day), if it is one. */
export function findDayOffReason(date: IsoDate, calendar: WorkingCalendar): DayOff | undefined {
  return calendar.year(getYear(date)).daysOff.get(date);
}

/** All days off (beyond ordinary weekends) of a year with reasons, sorted by date. */
export function listCalendarDaysOff(year: number, calendar: WorkingCalendar): DayOff[] {
  return [...calendar.year(year).daysOff.values()];
}

/** Make-up working days (weekend days worked) of a year, sorted by date. */
export function listMakeUpWorkingDays(year: number, calendar: WorkingCalendar): ScheduleEntry[] {
  return [...calendar.year(year).workingDays.values()].sort((a, b) => a.date.localeCompare(b.date));
}
