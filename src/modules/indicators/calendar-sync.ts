import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db';
import type { AppDeps } from '../../platform/http';
import { addDays, isWorkingDay, type WorkingCalendar } from '../../shared/calendar';
import { calendarSchedules, getWorkingCalendar } from '../calendar';
import { indicatorCalendarSync, indicatorWorkdays } from './indicators.schema';

/**
 * The SQL triggers count working days (766 §2.2 processing time) from indicator_workdays, a
 * materialised copy of the TypeScript calendar: lunar holidays (Tết, Hùng Kings) cannot be
 * computed in SQL. This keeps that copy equal to the calendar module's answer for every scope.
 */
export const WORKDAY_RANGE = { from: '2015-01-01', to: '2045-12-31' } as const;
export const NATIONAL_SCOPE = 'national';

interface ScheduleStamp {
  scope: string;
  stamp: string;
}

/** Rebuilds every scope whose schedules changed since the last sync; returns the scopes rebuilt. */
export async function syncIndicatorCalendars(deps: AppDeps): Promise<string[]> {
  const wanted = await readScheduleStamps(deps.db);
  const synced = new Map((await deps.db.select().from(indicatorCalendarSync)).map((r) => [r.scope, r.scheduleStamp]));
  const rebuilt: string[] = [];
  for (const { scope, stamp } of wanted) {
    if (synced.get(scope) === stamp) continue;
    const calendar = await getWorkingCalendar(deps, scope === NATIONAL_SCOPE ? null : scope);
    await rebuildScope(deps, scope, stamp, calendar);
    rebuilt.push(scope);
  }
  for (const scope of synced.keys()) {
    if (wanted.some((w) => w.scope === scope)) continue;
    // A commune removed its corrections: it falls back to the national calendar.
    await deps.db.transaction(async (tx) => {
      const firstChange = firstChangedDay(await readWorkingFlags(tx, scope), await readWorkingFlags(tx, NATIONAL_SCOPE));
      await tx.execute(sql`delete from indicator_calendar_sync where scope = ${scope}`);
      await tx.execute(sql`delete from indicator_workdays where scope = ${scope}`);
      if (firstChange) await refreshFinishedSince(tx, scope, firstChange);
    });
    rebuilt.push(scope);
  }
  return rebuilt;
}

/** One stamp per scope: the national schedules, and each commune's corrections on top of them. */
async function readScheduleStamps(db: Db): Promise<ScheduleStamp[]> {
  const rows = await db.select({ scope: calendarSchedules.scope, year: calendarSchedules.year, updatedAt: calendarSchedules.updatedAt }).from(calendarSchedules);
  const line = (r: (typeof rows)[number]) => `${r.scope}:${r.year}:${r.updatedAt.toISOString()}`;
  const national = rows.filter((r) => r.scope === NATIONAL_SCOPE).map(line).sort();
  const communes = [...new Set(rows.filter((r) => r.scope !== NATIONAL_SCOPE).map((r) => r.scope))].sort();
  const hash = (lines: string[]) => createHash('sha256').update(`${WORKDAY_RANGE.from}..${WORKDAY_RANGE.to}\n${lines.join('\n')}`).digest('hex');
  return [
    { scope: NATIONAL_SCOPE, stamp: hash(national) },
    ...communes.map((scope) => ({ scope, stamp: hash([...national, ...rows.filter((r) => r.scope === scope).map(line).sort()]) })),
  ];
}

/** Working-day ordinals of the whole range for one calendar (pure). */
export function buildWorkdayRows(scope: string, calendar: WorkingCalendar) {
  const rows: { scope: string; day: string; ord: number; working: boolean }[] = [];
  let ord = 0;
  for (let day: string = WORKDAY_RANGE.from; day <= WORKDAY_RANGE.to; day = addDays(day, 1)) {
    const working = isWorkingDay(day, calendar);
    if (working) ord++;
    rows.push({ scope, day, ord, working });
  }
  return rows;
}

async function rebuildScope(deps: AppDeps, scope: string, stamp: string, calendar: WorkingCalendar): Promise<void> {
  const rows = buildWorkdayRows(scope, calendar);
  await deps.db.transaction(async (tx) => {
    // Two readers may notice the same change: the second waits here, then finds it done.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('xaso.indicators.calendar'))`);
    const [done] = await queryRows<{ stamp: string }>(tx, sql`select schedule_stamp as stamp from indicator_calendar_sync where scope = ${scope}`);
    if (done?.stamp === stamp) return;
    // A new commune scope replaces the national calendar: compare with that.
    let before = await readWorkingFlags(tx, scope);
    if (before.length === 0 && scope !== NATIONAL_SCOPE) before = await readWorkingFlags(tx, NATIONAL_SCOPE);
    const firstChange = firstChangedDay(before, rows);
    await tx.execute(sql`delete from indicator_workdays where scope = ${scope}`);
    for (let i = 0; i < rows.length; i += 2000) await tx.insert(indicatorWorkdays).values(rows.slice(i, i + 2000));
    await tx
      .insert(indicatorCalendarSync)
      .values({ scope, scheduleStamp: stamp, syncedAt: deps.now() })
      .onConflictDoUpdate({ target: indicatorCalendarSync.scope, set: { scheduleStamp: stamp, syncedAt: deps.now() } });
    if (firstChange) await refreshFinishedSince(tx, scope, firstChange);
  });
}

async function readWorkingFlags(db: Db, scope: string) {
  return queryRows<{ day: string; working: boolean }>(db, sql`select day::text as day, working from indicator_workdays where scope = ${scope} order by day`);
}

/** The first day whose working status differs (a new scope counts from the start of the range). */
function firstChangedDay(before: { day: string; working: boolean }[], after: { day: string; working: boolean }[]): string | undefined {
  if (before.length === 0) return WORKDAY_RANGE.from;
  const old = new Map(before.map((r) => [r.day, r.working]));
  return after.find((r) => old.get(r.day) !== r.working)?.day;
}

/**
 * Dossiers that ended on or after a changed day may have another processing time now: recompute
 * their contribution (the triggers' own function), in the communes that use this calendar.
 */
async function refreshFinishedSince(db: Db, scope: string, day: string): Promise<void> {
  const communeFilter = scope === NATIONAL_SCOPE
    ? sql`f.commune_code not in (select scope from indicator_calendar_sync where scope <> ${NATIONAL_SCOPE})`
    : sql`f.commune_code = ${scope}`;
  await db.execute(sql`
    select indicator_refresh_dossier(f.dossier_id) from indicator_dossier_facts f
    join dossiers d on d.id = f.dossier_id
    where ${communeFilter} and f.finish_month is not null and indicator_local_day(d.finished_at) >= ${day}::date`);
}
