import { addDays, getDayOfWeek, type IsoDate } from '../../shared/calendar';

/** A weekly duty rule: ISO weekday (1 = Monday … 7 = Sunday), local times, validity dates. */
export interface WeeklyRule {
  weekday: number;
  startTime: string;
  endTime: string;
  validFrom: IsoDate;
  validUntil: IsoDate | null;
}

export const WEEKDAY_LABELS: Record<number, { vi: string; en: string }> = {
  1: { vi: 'Thứ Hai', en: 'Monday' },
  2: { vi: 'Thứ Ba', en: 'Tuesday' },
  3: { vi: 'Thứ Tư', en: 'Wednesday' },
  4: { vi: 'Thứ Năm', en: 'Thursday' },
  5: { vi: 'Thứ Sáu', en: 'Friday' },
  6: { vi: 'Thứ Bảy', en: 'Saturday' },
  7: { vi: 'Chủ nhật', en: 'Sunday' },
};

export function isoWeekday(date: IsoDate): number {
  const dow = getDayOfWeek(date);
  return dow === 0 ? 7 : dow;
}

/**
 * The dates in [from, from + days) on which the rule has a shift, oldest first. Pure:
 * the public page and the member's "my next shifts" both come from here.
 */
export function listOccurrences(rule: WeeklyRule, from: IsoDate, days: number): IsoDate[] {
  const out: IsoDate[] = [];
  const offset = (rule.weekday - isoWeekday(from) + 7) % 7;
  for (let d = offset; d < days; d += 7) {
    const date = addDays(from, d);
    if (date < rule.validFrom) continue;
    if (rule.validUntil && date > rule.validUntil) break;
    out.push(date);
  }
  return out;
}

/** A shift that already ended today is not "next": compare local wall-clock times. */
export function hasEnded(date: IsoDate, endTime: string, today: IsoDate, nowHhmm: string): boolean {
  return date < today || (date === today && endTime <= nowHhmm);
}
