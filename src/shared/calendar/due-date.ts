/**
 * Legal deadlines (thời hạn giải quyết) of administrative dossiers, counted in working days.
 *
 * - Instants are UTC `Date`s. The legal day is the local day in Asia/Ho_Chi_Minh: UTC+7, no DST,
 *   computed by adding 7 hours (independent of the process time zone).
 * - BLDS 2015 Điều 147.1: a period counted in days starts on the day after the triggering event,
 *   so the day of receipt is not counted: N working days ⇒ due on the N-th working day after it.
 * - BLDS 2015 Điều 148: a period whose last day is a day off ends on the next working day — here
 *   automatic, since only working days are counted.
 * - NĐ 61/2018/NĐ-CP Điều 18 (and Luật Hộ tịch 2014 Điều 5 for same-day procedures): a dossier
 *   received after 15:00, or on a day off, is handled from the start of the next working day; it
 *   is then treated as received that day.
 * - The due instant is 17:00 local time of the due day (end of office hours; the appointment slip,
 *   mẫu 01 TT 01/2018/TT-VPCP, states an hour). Project decision — BLDS Điều 148 would allow 24:00.
 */
import { addDays, toEpochDay, type IsoDate } from './schedule';
import { isWorkingDay, type WorkingCalendar } from './working-days';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Asia/Ho_Chi_Minh is UTC+7 all year. */
const LOCAL_OFFSET_MS = 7 * HOUR_MS;
/** NĐ 61/2018 Điều 18: received after 15:00 (15:00:00.000 itself is on time) ⇒ counted from the next working day. */
export const RECEIPT_CUTOFF_MINUTES = 15 * 60;
/** Due time of day (local): 17:00, end of office hours. */
export const DUE_TIME_MINUTES = 17 * 60;
/** Safety bound: no schedule leaves this many consecutive days without a working day. */
const MAX_DAYS_WITHOUT_WORK = 60;

function assertValidDate(d: Date, name: string): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError(`due-date: invalid ${name}`);
}

/** Local (Asia/Ho_Chi_Minh) calendar date of an instant, 'YYYY-MM-DD'. */
export function toLocalDate(d: Date): IsoDate {
  assertValidDate(d, 'date');
  return new Date(d.getTime() + LOCAL_OFFSET_MS).toISOString().slice(0, 10);
}

/** Minutes (fractional) since local midnight (Asia/Ho_Chi_Minh) of an instant. */
export function getLocalMinutesOfDay(d: Date): number {
  const msOfDay = (((d.getTime() + LOCAL_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return msOfDay / 60_000;
}

/** The UTC instant of a local (Asia/Ho_Chi_Minh) wall-clock time on a date. */
export function makeLocalInstant(date: IsoDate, minutesOfDay: number): Date {
  return new Date(toEpochDay(date) * DAY_MS + minutesOfDay * 60_000 - LOCAL_OFFSET_MS);
}

/** "dd/MM/yyyy HH:mm" in Asia/Ho_Chi_Minh, as printed on receipt slips. */
export function formatLocalDateTime(d: Date): string {
  assertValidDate(d, 'date');
  const iso = new Date(d.getTime() + LOCAL_OFFSET_MS).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: IsoDate, calendar: WorkingCalendar): IsoDate {
  let candidate = date;
  for (let i = 0; i < MAX_DAYS_WITHOUT_WORK; i++) {
    candidate = addDays(candidate, 1);
    if (isWorkingDay(candidate, calendar)) return candidate;
  }
  throw new Error(`due-date: no working day within ${MAX_DAYS_WITHOUT_WORK} days after ${date}`);
}

/** The n-th working day after `date` (n = 0 returns `date`); `date` itself is not counted. */
export function addWorkingDays(date: IsoDate, n: number, calendar: WorkingCalendar): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`due-date: n must be an integer ≥ 0, got ${n}`);
  let day = date;
  for (let i = 0; i < n; i++) day = nextWorkingDay(day, calendar);
  return day;
}

/**
 * The day a dossier counts as received (NĐ 61/2018 Điều 18): the local day of receipt when it is
 * a working day and the local time is 15:00 or earlier, otherwise the next working day.
 */
export function findEffectiveReceiptDay(receivedAt: Date, calendar: WorkingCalendar): IsoDate {
  const day = toLocalDate(receivedAt);
  const beforeCutoff = getLocalMinutesOfDay(receivedAt) <= RECEIPT_CUTOFF_MINUTES;
  return beforeCutoff && isWorkingDay(day, calendar) ? day : nextWorkingDay(day, calendar);
}

/**
 * Due instant of a dossier with a processing time of `workingDays` working days:
 * 17:00 local on the `workingDays`-th working day after the effective receipt day (BLDS 2015
 * Điều 147: receipt day not counted). `workingDays` = 0 ("trong ngày"): 17:00 on the effective
 * receipt day, i.e. the same day if received by 15:00, otherwise the next working day (Luật Hộ tịch Điều 5).
 */
export function computeDueAt(receivedAt: Date, workingDays: number, calendar: WorkingCalendar): Date {
  assertValidDate(receivedAt, 'receivedAt');
  const dueDay = addWorkingDays(findEffectiveReceiptDay(receivedAt, calendar), workingDays, calendar);
  return makeLocalInstant(dueDay, DUE_TIME_MINUTES);
}

/**
 * Working days elapsed between a receipt instant and a later instant: the working days after the
 * effective receipt day (same 15:00 rule as computeDueAt) up to and including the local day of
 * `to`. 0 when `to` falls on or before the effective receipt day. Consistent with computeDueAt:
 * countWorkingDaysBetween(r, computeDueAt(r, n)) === n.
 */
export function countWorkingDaysBetween(from: Date, to: Date, calendar: WorkingCalendar): number {
  assertValidDate(from, 'from');
  assertValidDate(to, 'to');
  const start = findEffectiveReceiptDay(from, calendar);
  const end = toLocalDate(to);
  const days = toEpochDay(end) - toEpochDay(start);
  let count = 0;
  for (let i = 1; i <= days; i++) {
    if (isWorkingDay(addDays(start, i), calendar)) count++;
  }
  return count;
}
