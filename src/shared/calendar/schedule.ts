/**
 * Yearly government holiday schedule (lịch nghỉ lễ, tết của cán bộ, công chức, viên chức).
 *
 * BLLĐ 2019 Điều 112.3: the Prime Minister fixes the actual Tết Âm lịch and Quốc khánh days each
 * year; the Ministry of Home Affairs announces them for civil servants (e.g. TB 9441/TB-BNV for
 * 2026) and day swaps are approved by VPCP letters (e.g. 8726/VPCP-KGVX for 30/4–1/5/2025).
 *
 * When a schedule exists for a year it is authoritative: `daysOff` lists every day off beyond
 * ordinary weekends (holidays, compensatory and swapped days; weekend days inside a holiday
 * period may be listed too), `workingDays` lists weekend days that are worked (make-up days).
 *
 * This file also holds the calendar-date ('YYYY-MM-DD') primitives shared by the calendar module.
 */
import { z } from 'zod';

/** A calendar date 'YYYY-MM-DD' (no time, no zone). */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Calendar-date primitives
// ---------------------------------------------------------------------------------------------

/** Parses 'YYYY-MM-DD' into a UTC-midnight epoch (ms); throws RangeError when invalid. */
export function toEpochDay(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`calendar: expected YYYY-MM-DD, got "${date}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  if (formatIsoDate(year, month, day) !== epochToIsoDate(ms)) {
    throw new RangeError(`calendar: invalid date "${date}"`);
  }
  return ms / DAY_MS;
}

/** Days since 1970-01-01 → 'YYYY-MM-DD'. */
export function fromEpochDay(epochDay: number): IsoDate {
  return epochToIsoDate(epochDay * DAY_MS);
}

function epochToIsoDate(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isValidIsoDate(date: string): boolean {
  try {
    toEpochDay(date);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function getDayOfWeek(date: IsoDate): number {
  return new Date(toEpochDay(date) * DAY_MS).getUTCDay();
}

/** Weekly rest days of state agencies: Saturday and Sunday (40-hour week, QĐ 188/1999/QĐ-TTg). */
export function isWeekend(date: IsoDate): boolean {
  const dow = getDayOfWeek(date);
  return dow === 0 || dow === 6;
}

export function getYear(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

// ---------------------------------------------------------------------------------------------
// Schedule schema
// ---------------------------------------------------------------------------------------------

export const isoDateSchema = z.iso.date();

export const scheduleEntry = z.object({
  date: isoDateSchema,
  reasonVi: z.string().min(1),
  reasonEn: z.string().min(1),
});

export const yearSchedule = z
  .object({
    year: z.number().int().min(1900).max(2200),
    daysOff: z.array(scheduleEntry),
    /** Make-up working days (ngày làm bù): weekend days worked in exchange for a swapped day off. */
    workingDays: z.array(scheduleEntry),
    /** Legal sources of the schedule (notice numbers, URLs). */
    source: z.string().min(1),
  })
  .superRefine((schedule, ctx) => {
    for (const issue of scheduleIssues(schedule)) ctx.addIssue({ code: 'custom', message: issue });
  });

export type ScheduleEntry = z.infer<typeof scheduleEntry>;
export type YearSchedule = z.infer<typeof yearSchedule>;

/** Consistency problems of a schedule: dates outside its year, duplicates, overlaps, weekday make-up days. */
function scheduleIssues(schedule: Omit<YearSchedule, 'source'>): string[] {
  const issues: string[] = [];
  const seen = new Set<string>();
  const all = [...schedule.daysOff, ...schedule.workingDays];
  for (const { date } of all) {
    if (getYear(date) !== schedule.year) issues.push(`${date} is outside year ${schedule.year}`);
    if (seen.has(date)) issues.push(`${date} is listed more than once`);
    seen.add(date);
  }
  for (const { date } of schedule.workingDays) {
    if (isValidIsoDate(date) && !isWeekend(date)) issues.push(`make-up working day ${date} is not a weekend day`);
  }
  return issues;
}

/** Validates unknown JSON (e.g. data/holidays/2026.json) as a schedule; throws ZodError. */
export function parseYearSchedule(input: unknown): YearSchedule {
  return yearSchedule.parse(input);
}
