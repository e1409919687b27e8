import type { AppDeps } from '../../platform/http';
import { countWorkingDaysBetween, makeLocalInstant, toLocalDate } from '../../shared/calendar';
import { getWorkingCalendar } from '../calendar';

/** Working days each appointment is overdue by: the working days after the due day, up to today. */
export async function overdueDays(deps: AppDeps, communeCode: string, dueAts: Date[], now: Date): Promise<number[]> {
  const calendar = await getWorkingCalendar(deps, communeCode);
  return dueAts.map((due) => countWorkingDaysBetween(makeLocalInstant(toLocalDate(due), 0), now, calendar));
}
