import { and, eq, inArray } from 'drizzle-orm';
import type { AppDeps } from '../../platform/http';
import { buildCalendar, type WorkingCalendar, type YearSchedule } from '../../shared/calendar';
import { calendarSchedules } from './calendar.schema';

const NATIONAL = 'national';

/** Calendars are read on every submission and action; rebuilt only after an edit. One cache per database. */
const caches = new WeakMap<object, Map<string, Promise<WorkingCalendar>>>();

function cacheOf(deps: AppDeps): Map<string, Promise<WorkingCalendar>> {
  let cache = caches.get(deps.db);
  if (!cache) caches.set(deps.db, (cache = new Map()));
  return cache;
}

export function getWorkingCalendar(deps: AppDeps, communeCode?: string | null): Promise<WorkingCalendar> {
  const cache = cacheOf(deps);
  const key = communeCode ?? NATIONAL;
  let calendar = cache.get(key);
  if (!calendar) {
    calendar = loadCalendar(deps, communeCode ?? undefined);
    cache.set(key, calendar);
    calendar.catch(() => cache.delete(key));
  }
  return calendar;
}

async function loadCalendar(deps: AppDeps, communeCode?: string): Promise<WorkingCalendar> {
  const scopes = communeCode ? [NATIONAL, communeCode] : [NATIONAL];
  const rows = await deps.db.select().from(calendarSchedules).where(inArray(calendarSchedules.scope, scopes));
  const byYear = new Map<number, YearSchedule>();
  for (const row of rows.filter((r) => r.scope === NATIONAL)) byYear.set(row.year, row.schedule);
  // A commune's correction replaces the national schedule of that year.
  for (const row of rows.filter((r) => r.scope !== NATIONAL)) byYear.set(row.year, row.schedule);
  return buildCalendar([...byYear.values()]);
}

export async function listSchedules(deps: AppDeps, communeCode?: string) {
  const scopes = communeCode ? [NATIONAL, communeCode] : [NATIONAL];
  return deps.db.select().from(calendarSchedules).where(inArray(calendarSchedules.scope, scopes));
}

export async function saveCommuneSchedule(deps: AppDeps, communeCode: string, schedule: YearSchedule, accountId: string): Promise<void> {
  await deps.db
    .insert(calendarSchedules)
    .values({ scope: communeCode, year: schedule.year, schedule, updatedBy: accountId, updatedAt: deps.now() })
    .onConflictDoUpdate({
      target: [calendarSchedules.scope, calendarSchedules.year],
      set: { schedule, updatedBy: accountId, updatedAt: deps.now() },
    });
  cacheOf(deps).delete(communeCode);
}

export async function deleteCommuneSchedule(deps: AppDeps, communeCode: string, year: number): Promise<boolean> {
  const rows = await deps.db
    .delete(calendarSchedules)
    .where(and(eq(calendarSchedules.scope, communeCode), eq(calendarSchedules.year, year)))
    .returning({ year: calendarSchedules.year });
  cacheOf(deps).delete(communeCode);
  return rows.length > 0;
}
