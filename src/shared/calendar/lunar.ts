/**
 * Vietnamese lunisolar calendar (âm lịch), computed astronomically for UTC+7.
 *
 * Rules of the calendar (as described by Hồ Ngọc Đức, "Thuật toán tính âm lịch"):
 *  1. A lunar month starts on the local day (UTC+7) that contains the new moon (sóc).
 *  2. Lunar month 11 is the month that contains the winter solstice (Đông chí, sun longitude 270°).
 *  3. When 13 lunar months separate two consecutive months 11, the first month after month 11 that
 *     contains no major solar term (trung khí: sun longitude a multiple of 30°) is a leap month and
 *     takes the number of the month before it.
 *
 * Astronomy (own implementation of published formulas):
 *  - new moons: J. Meeus, "Astronomical Algorithms" (2nd ed.) ch. 49, with the planetary corrections;
 *  - apparent solar longitude: Meeus ch. 25 (low-accuracy method, about 0.01°);
 *  - ΔT = TT − UT: Espenak & Meeus polynomials (NASA "Five Millennium Canon"), 1900–2150.
 * The major-term test evaluates the sun longitude at local midnight starting each day, as in the
 * standard algorithm. Validated against official Tết dates 2024–2035 (see calendar tests); intended
 * range 1900–2100 (works outside it with decreasing accuracy).
 */

export interface SolarDate {
  year: number;
  month: number;
  day: number;
}

export interface LunarDate {
  year: number;
  month: number;
  day: number;
  isLeapMonth: boolean;
}

/** Vietnam legal time: UTC+7 all year (no daylight-saving time). */
const TIME_ZONE_HOURS = 7;
const SYNODIC_MONTH = 29.530588861;
const DEG = Math.PI / 180;

// ---- Julian day numbers (proleptic Gregorian calendar) ----

/** Julian day number (integer, the day starting at noon UT) of a Gregorian date. */
export function toJulianDayNumber(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  const leapDays = Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400);
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + leapDays - 32045;
}

/** Gregorian date of a Julian day number. */
export function fromJulianDayNumber(jdn: number): SolarDate {
  const a = jdn + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: 100 * b + d - 4800 + Math.floor(m / 10),
  };
}

// ---- Astronomy ----

/** Horner evaluation of c[0] + c[1]·t + c[2]·t² + … */
function polynomial(t: number, coefficients: readonly number[]): number {
  return coefficients.reduceRight((acc, c) => acc * t + c, 0);
}

/** ΔT (s) by segment: [from year, to year, epoch year, polynomial in (year − epoch)]. */
const DELTA_T_SEGMENTS: readonly (readonly [number, number, number, readonly number[]])[] = [
  [1900, 1920, 1900, [-2.79, 1.494119, -0.0598939, 0.0061966, -0.000197]],
  [1920, 1941, 1920, [21.2, 0.84493, -0.0761, 0.0020936]],
  [1941, 1961, 1950, [29.07, 0.407, -1 / 233, 1 / 2547]],
  [1961, 1986, 1975, [45.45, 1.067, -1 / 260, -1 / 718]],
  [1986, 2005, 2000, [63.86, 0.3345, -0.060374, 0.0017275, 0.000651814, 0.00002373599]],
  [2005, 2050, 2000, [62.92, 0.32217, 0.005589]],
];

/** ΔT = TT − UT in days for a decimal year (Espenak & Meeus 2006 polynomials). */
function deltaTDays(year: number): number {
  const segment = DELTA_T_SEGMENTS.find(([from, to]) => year >= from && year < to);
  if (segment) return polynomial(year - segment[2], segment[3]) / 86400;
  const longTerm = -20 + 32 * ((year - 1820) / 100) ** 2;
  const seconds = year >= 2050 && year < 2150 ? longTerm - 0.5628 * (2150 - year) : longTerm;
  return seconds / 86400;
}

function sinDeg(x: number): number {
  return Math.sin(x * DEG);
}

/** Julian day (UT) of the k-th new moon after 2000-01-06 (Meeus ch. 49). */
function newMoonJulianDayUT(k: number): number {
  const t = k / 1236.85;
  const mean = 2451550.09766 + SYNODIC_MONTH * k + polynomial(t, [0, 0, 0.00015437, -0.00000015, 0.00000000073]);
  const jde = mean + newMoonPeriodicTerms(k, t) + newMoonPlanetaryTerms(k, t);
  return jde - deltaTDays(2000 + (jde - 2451545) / 365.25);
}

/**
 * Meeus table 49.A (new moon): [coefficient (days), power of E, multiples of M, M′, F, Ω].
 * M: sun's mean anomaly, M′: moon's mean anomaly, F: moon's argument of latitude, Ω: node.
 */
const PERIODIC_TERMS: readonly (readonly [number, number, number, number, number, number])[] = [
  [-0.4072, 0, 0, 1, 0, 0],
  [0.17241, 1, 1, 0, 0, 0],
  [0.01608, 0, 0, 2, 0, 0],
  [0.01039, 0, 0, 0, 2, 0],
  [0.00739, 1, -1, 1, 0, 0],
  [-0.00514, 1, 1, 1, 0, 0],
  [0.00208, 2, 2, 0, 0, 0],
  [-0.00111, 0, 0, 1, -2, 0],
  [-0.00057, 0, 0, 1, 2, 0],
  [0.00056, 1, 1, 2, 0, 0],
  [-0.00042, 0, 0, 3, 0, 0],
  [0.00042, 1, 1, 0, 2, 0],
  [0.00038, 1, 1, 0, -2, 0],
  [-0.00024, 1, -1, 2, 0, 0],
  [-0.00017, 0, 0, 0, 0, 1],
  [-0.00007, 0, 2, 1, 0, 0],
  [0.00004, 0, 0, 2, -2, 0],
  [0.00004, 0, 3, 0, 0, 0],
  [0.00003, 0, 1, 1, -2, 0],
  [0.00003, 0, 0, 2, 2, 0],
  [-0.00003, 0, 1, 1, 2, 0],
  [0.00003, 0, -1, 1, 2, 0],
  [-0.00002, 0, -1, 1, -2, 0],
  [-0.00002, 0, 1, 3, 0, 0],
  [0.00002, 0, 0, 4, 0, 0],
];

function newMoonPeriodicTerms(k: number, t: number): number {
  const e = polynomial(t, [1, -0.002516, -0.0000074]);
  const m = 2.5534 + 29.1053567 * k + polynomial(t, [0, 0, -0.0000014, -0.00000011]);
  const mp = 201.5643 + 385.81693528 * k + polynomial(t, [0, 0, 0.0107582, 0.00001238, -0.000000058]);
  const f = 160.7108 + 390.67050284 * k + polynomial(t, [0, 0, -0.0016118, -0.00000227, 0.000000011]);
  const om = 124.7746 - 1.56375588 * k + polynomial(t, [0, 0, 0.0020672, 0.00000215]);
  return PERIODIC_TERMS.reduce(
    (sum, [c, ePower, cm, cmp, cf, com]) => sum + c * e ** ePower * sinDeg(cm * m + cmp * mp + cf * f + com * om),
    0,
  );
}

/** [amplitude (days), phase (deg), rate (deg per lunation)] of Meeus' additional corrections. */
const PLANETARY_TERMS: readonly (readonly [number, number, number])[] = [
  [0.000325, 299.77, 0.107408],
  [0.000165, 251.88, 0.016321],
  [0.000164, 251.83, 26.651886],
  [0.000126, 349.42, 36.412478],
  [0.00011, 84.66, 18.206239],
  [0.000062, 141.74, 53.303771],
  [0.00006, 207.14, 2.453732],
  [0.000056, 154.84, 7.30686],
  [0.000047, 34.52, 27.261239],
  [0.000042, 207.19, 0.121824],
  [0.00004, 291.34, 1.844379],
  [0.000037, 161.72, 24.198154],
  [0.000035, 239.56, 25.513099],
  [0.000023, 331.55, 3.592518],
];

function newMoonPlanetaryTerms(k: number, t: number): number {
  return PLANETARY_TERMS.reduce((sum, [amplitude, phase, rate], i) => {
    const extra = i === 0 ? -0.009173 * t ** 2 : 0; // A1 has a t² term
    return sum + amplitude * sinDeg(phase + rate * k + extra);
  }, 0);
}

/** Apparent longitude of the sun in degrees [0, 360) at a Julian day (UT). */
function sunLongitude(jdUT: number): number {
  const jde = jdUT + deltaTDays(2000 + (jdUT - 2451545) / 365.25);
  const t = (jde - 2451545) / 36525;
  const l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t ** 2;
  const m = 357.52911 + 35999.05029 * t - 0.0001537 * t ** 2;
  const center =
    (1.914602 - 0.004817 * t - 0.000014 * t ** 2) * sinDeg(m) +
    (0.019993 - 0.000101 * t) * sinDeg(2 * m) +
    0.000289 * sinDeg(3 * m);
  const omega = 125.04 - 1934.136 * t;
  const apparent = l0 + center - 0.00569 - 0.00478 * sinDeg(omega);
  return ((apparent % 360) + 360) % 360;
}

// ---- Local days (UTC+7) ----

/** Local (UTC+7) Julian day number of the day containing the k-th new moon. */
function newMoonDay(k: number): number {
  return Math.floor(newMoonJulianDayUT(k) + 0.5 + TIME_ZONE_HOURS / 24);
}

/** 30° sector (0–11) of the sun longitude at local midnight starting local day `jdn`. */
function solarSector(jdn: number): number {
  return Math.floor(sunLongitude(jdn - 0.5 - TIME_ZONE_HOURS / 24) / 30);
}

/** Index k of the last new moon whose local day is on or before `jdn`. */
function lunationOnOrBefore(jdn: number): number {
  let k = Math.floor((jdn - 2451550.09766) / SYNODIC_MONTH) + 1;
  while (newMoonDay(k) > jdn) k--;
  while (newMoonDay(k + 1) <= jdn) k++;
  return k;
}

/** Local day containing the December solstice of a Gregorian year (sun longitude reaches 270°). */
function winterSolsticeDay(gregorianYear: number): number {
  let day = toJulianDayNumber(gregorianYear, 12, 15);
  while (solarSector(day + 1) < 9) day++;
  return day;
}

/** Lunation index of lunar month 11 of the year: the month containing the December solstice. */
function month11Lunation(gregorianYear: number): number {
  return lunationOnOrBefore(winterSolsticeDay(gregorianYear));
}

// ---- Lunar months ----

interface LunarMonthSpan {
  /** Local JDN of day 1. */
  start: number;
  /** Number of days (29 or 30). */
  length: number;
  year: number;
  month: number;
  isLeapMonth: boolean;
}

const cycleCache = new Map<number, readonly LunarMonthSpan[]>();

/**
 * The 12 or 13 lunar months from month 11 of lunar year `y - 1` (containing the December
 * solstice of Gregorian year y - 1) up to, excluding, month 11 of lunar year `y`.
 */
function solsticeCycle(y: number): readonly LunarMonthSpan[] {
  const cached = cycleCache.get(y);
  if (cached) return cached;
  const cycle = buildSolsticeCycle(y);
  cycleCache.set(y, cycle);
  return cycle;
}

function buildSolsticeCycle(y: number): LunarMonthSpan[] {
  const firstK = month11Lunation(y - 1);
  const count = month11Lunation(y) - firstK;
  const leapIndex = count === 13 ? firstMonthWithoutMajorTerm(firstK) : -1;
  const months: LunarMonthSpan[] = [];
  let number = 10;
  for (let i = 0; i < count; i++) {
    const isLeapMonth = i === leapIndex;
    if (!isLeapMonth) number = (number % 12) + 1;
    const start = newMoonDay(firstK + i);
    const length = newMoonDay(firstK + i + 1) - start;
    const year = number >= 11 ? y - 1 : y; // months 11 and 12 open the cycle
    months.push({ start, length, year, month: number, isLeapMonth });
  }
  return months;
}

/** Offset (1–12) from month 11 of the first month containing no major solar term (trung khí). */
function firstMonthWithoutMajorTerm(month11K: number): number {
  for (let i = 1; i <= 12; i++) {
    if (solarSector(newMoonDay(month11K + i)) === solarSector(newMoonDay(month11K + i + 1))) return i;
  }
  throw new Error('lunar: 13-month cycle without a month lacking a major solar term');
}

// ---- Public conversions ----

function assertInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`lunar: ${name} must be an integer in [${min}, ${max}], got ${value}`);
  }
}

/** Converts a Gregorian date to the Vietnamese lunar date (UTC+7). */
export function solarToLunar(year: number, month: number, day: number): LunarDate {
  assertInteger('year', year, 1000, 3000);
  assertInteger('month', month, 1, 12);
  assertInteger('day', day, 1, 31);
  const jdn = toJulianDayNumber(year, month, day);
  const check = fromJulianDayNumber(jdn);
  if (check.month !== month || check.day !== day) {
    throw new RangeError(`lunar: invalid Gregorian date ${year}-${month}-${day}`);
  }
  const firstOfNext = solsticeCycle(year + 1)[0];
  const cycle = firstOfNext !== undefined && jdn >= firstOfNext.start ? solsticeCycle(year + 1) : solsticeCycle(year);
  const span = [...cycle].reverse().find((m) => m.start <= jdn);
  if (!span) throw new Error(`lunar: no lunar month found for ${year}-${month}-${day}`);
  return { year: span.year, month: span.month, day: jdn - span.start + 1, isLeapMonth: span.isLeapMonth };
}

/**
 * Converts a Vietnamese lunar date to the Gregorian date.
 * Throws RangeError when the month is not a leap month of that year (isLeapMonth = true), or the
 * day exceeds the month length (29 or 30).
 */
export function lunarToSolar(
  lunarDay: number,
  lunarMonth: number,
  lunarYear: number,
  isLeapMonth = false,
): SolarDate {
  assertInteger('lunarYear', lunarYear, 1000, 2999);
  assertInteger('lunarMonth', lunarMonth, 1, 12);
  assertInteger('lunarDay', lunarDay, 1, 30);
  const cycle = solsticeCycle(lunarMonth >= 11 ? lunarYear + 1 : lunarYear);
  const span = cycle.find(
    (m) => m.year === lunarYear && m.month === lunarMonth && m.isLeapMonth === isLeapMonth,
  );
  if (!span) {
    throw new RangeError(`lunar: month ${lunarMonth}${isLeapMonth ? ' (leap)' : ''} does not exist in ${lunarYear}`);
  }
  if (lunarDay > span.length) {
    throw new RangeError(`lunar: month ${lunarMonth}/${lunarYear} has only ${span.length} days`);
  }
  return fromJulianDayNumber(span.start + lunarDay - 1);
}

/** Gregorian date of lunar new year's day (mùng 1 tháng Giêng) of a lunar year. */
export function findLunarNewYear(lunarYear: number): SolarDate {
  return lunarToSolar(1, 1, lunarYear);
}

/** The leap month number (1–12) of a lunar year, or 0 when the year has no leap month. */
export function findLeapMonth(lunarYear: number): number {
  const inYear = [...solsticeCycle(lunarYear), ...solsticeCycle(lunarYear + 1)].filter(
    (m) => m.year === lunarYear && m.isLeapMonth,
  );
  return inYear[0]?.month ?? 0;
}
