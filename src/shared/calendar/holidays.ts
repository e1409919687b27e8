/**
 * Statutory public holidays (ngày nghỉ lễ, tết) and their default schedule.
 *
 * BLLĐ 2019 (Bộ luật Lao động 45/2019/QH14) Điều 112.1 — 11 paid days:
 *   a) Tết Dương lịch: 1 Jan;
 *   b) Tết Âm lịch: 5 days;
 *   c) Ngày Chiến thắng: 30 Apr;
 *   d) Ngày Quốc tế lao động: 1 May;
 *   đ) Quốc khánh: 2 Sep and one adjacent day (1 or 3 Sep);
 *   e) Giỗ Tổ Hùng Vương: 10th day of the 3rd lunar month.
 * Điều 112.3: the Prime Minister fixes the actual Tết and Quốc khánh days each year — those come
 * from a YearSchedule (schedule.ts). Without one we use the customary defaults: Tết = last day of
 * the lunar year + days 1–4 of the new year; Quốc khánh = 1 Sep + 2 Sep.
 * Điều 111.3: a holiday falling on the weekly rest day gives a compensatory day off (nghỉ bù) on
 * the next working day.
 */
import { lunarToSolar, findLunarNewYear } from './lunar';
import { addDays, formatIsoDate, isWeekend, type IsoDate, type ScheduleEntry, type YearSchedule } from './schedule';

/** A day off with its reason in Vietnamese and English. */
export type DayOff = ScheduleEntry;

interface HolidayName {
  vi: string;
  en: string;
}

const NEW_YEAR: HolidayName = { vi: 'Tết Dương lịch', en: "New Year's Day" };
const VICTORY_DAY: HolidayName = { vi: 'Ngày Chiến thắng (30/4)', en: 'Reunification Day (30 April)' };
const LABOUR_DAY: HolidayName = { vi: 'Ngày Quốc tế lao động (1/5)', en: 'International Labour Day (1 May)' };
const NATIONAL_DAY: HolidayName = { vi: 'Quốc khánh (2/9)', en: 'National Day (2 September)' };
const NATIONAL_DAY_ADJACENT: HolidayName = {
  vi: 'Quốc khánh (ngày liền kề 2/9)',
  en: 'National Day (adjacent day)',
};
const HUNG_KINGS: HolidayName = {
  vi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
  en: 'Hung Kings Commemoration Day (10th day of the 3rd lunar month)',
};

function entry(date: IsoDate, name: HolidayName): DayOff {
  return { date, reasonVi: name.vi, reasonEn: name.en };
}

function solarIso(date: { year: number; month: number; day: number }): IsoDate {
  return formatIsoDate(date.year, date.month, date.day);
}

/** BLLĐ 2019 Điều 112.1.b, default schedule: last day of the lunar year + days 1–4 of the new year. */
export function listDefaultTetDays(lunarYear: number): DayOff[] {
  const newYearsDay = solarIso(findLunarNewYear(lunarYear));
  const eve = entry(addDays(newYearsDay, -1), {
    vi: 'Tết Âm lịch (ngày cuối năm âm lịch)',
    en: 'Lunar New Year (last day of the lunar year)',
  });
  const firstDays = [0, 1, 2, 3].map((offset) =>
    entry(addDays(newYearsDay, offset), {
      vi: `Tết Âm lịch (mùng ${offset + 1} tháng Giêng)`,
      en: `Lunar New Year (day ${offset + 1})`,
    }),
  );
  return [eve, ...firstDays];
}

/** Giỗ Tổ Hùng Vương (BLLĐ 2019 Điều 112.1.e): 10/3 of the lunar year starting in `year`. */
export function findHungKingsDay(year: number): IsoDate {
  return solarIso(lunarToSolar(10, 3, year));
}

/**
 * The 11 statutory holidays of a Gregorian year (BLLĐ 2019 Điều 112.1) with default Tết and
 * Quốc khánh days, without compensatory days. Sorted by date.
 */
export function listStatutoryHolidays(year: number): DayOff[] {
  const holidays = [
    entry(formatIsoDate(year, 1, 1), NEW_YEAR),
    ...listDefaultTetDays(year),
    entry(findHungKingsDay(year), HUNG_KINGS),
    entry(formatIsoDate(year, 4, 30), VICTORY_DAY),
    entry(formatIsoDate(year, 5, 1), LABOUR_DAY),
    entry(formatIsoDate(year, 9, 1), NATIONAL_DAY_ADJACENT),
    entry(formatIsoDate(year, 9, 2), NATIONAL_DAY),
  ];
  return mergeSameDate(holidays);
}

/** Two holidays on the same date (e.g. Giỗ Tổ on 30/4) give one day off with both reasons. */
function mergeSameDate(days: DayOff[]): DayOff[] {
  const byDate = new Map<IsoDate, DayOff>();
  for (const day of days) {
    const existing = byDate.get(day.date);
    byDate.set(
      day.date,
      existing
        ? {
            date: day.date,
            reasonVi: `${existing.reasonVi}; ${day.reasonVi}`,
            reasonEn: `${existing.reasonEn}; ${day.reasonEn}`,
          }
        : day,
    );
  }
  return sortByDate([...byDate.values()]);
}

function sortByDate(days: DayOff[]): DayOff[] {
  return [...days].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * BLLĐ 2019 Điều 111.3: each holiday on a Saturday/Sunday gives a compensatory day off on the next
 * day that is neither a weekend day nor already off. Returns holidays + compensatory days, sorted.
 */
export function addCompensatoryDays(holidays: readonly DayOff[]): DayOff[] {
  const sorted = sortByDate([...holidays]);
  const off = new Set(sorted.map((d) => d.date));
  const result = [...sorted];
  for (const holiday of sorted) {
    if (!isWeekend(holiday.date)) continue;
    let candidate = addDays(holiday.date, 1);
    while (isWeekend(candidate) || off.has(candidate)) candidate = addDays(candidate, 1);
    off.add(candidate);
    result.push({
      date: candidate,
      reasonVi: `Nghỉ bù ${holiday.reasonVi} (trùng ngày nghỉ hằng tuần)`,
      reasonEn: `Compensatory day off for ${holiday.reasonEn} (fell on a weekend)`,
    });
  }
  return sortByDate(result);
}

/** Default days off of a year when no government schedule exists: holidays + compensatory days. */
export function listDefaultDaysOff(year: number): DayOff[] {
  return addCompensatoryDays(listStatutoryHolidays(year));
}

/**
 * Days off (beyond ordinary weekends) of a Gregorian year, with reasons. A government schedule for
 * that year is authoritative (BLLĐ 2019 Điều 112.3); otherwise the computed defaults apply.
 */
export function listDaysOff(year: number, schedule?: YearSchedule): DayOff[] {
  if (!schedule) return listDefaultDaysOff(year);
  if (schedule.year !== year) {
    throw new RangeError(`holidays: schedule for ${schedule.year} given for year ${year}`);
  }
  return sortByDate(schedule.daysOff);
}
