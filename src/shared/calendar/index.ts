/** Working-day calendar: lunar conversion, statutory holidays, yearly schedules, legal deadlines. */
export {
  lunarToSolar,
  solarToLunar,
  findLunarNewYear,
  findLeapMonth,
  type LunarDate,
  type SolarDate,
} from './lunar';
export {
  listStatutoryHolidays,
  listDefaultTetDays,
  findHungKingsDay,
  addCompensatoryDays,
  listDefaultDaysOff,
  listDaysOff,
  type DayOff,
} from './holidays';
export {
  yearSchedule,
  scheduleEntry,
  parseYearSchedule,
  addDays,
  getDayOfWeek,
  isWeekend,
  isValidIsoDate,
  type IsoDate,
  type ScheduleEntry,
  type YearSchedule,
} from './schedule';
export {
  buildCalendar,
  isWorkingDay,
  findDayOffReason,
  listCalendarDaysOff,
  listMakeUpWorkingDays,
  type WorkingCalendar,
  type YearCalendar,
} from './working-days';
export {
  computeDueAt,
  countWorkingDaysBetween,
  addWorkingDays,
  nextWorkingDay,
  findEffectiveReceiptDay,
  toLocalDate,
  makeLocalInstant,
  getLocalMinutesOfDay,
  formatLocalDateTime,
  RECEIPT_CUTOFF_MINUTES,
  DUE_TIME_MINUTES,
} from './due-date';
