import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AppDeps } from '../../platform/http';
import { yearSchedule } from '../../shared/calendar';
import { calendarSchedules } from './calendar.schema';

const holidaysDir = fileURLToPath(new URL('../../../data/holidays/', import.meta.url));

/** The shipped yearly schedules (data/holidays/*.json, sources in data/holidays/SOURCE.md). */
export function readShippedSchedules() {
  return readdirSync(holidaysDir)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .map((f) => yearSchedule.parse(JSON.parse(readFileSync(holidaysDir + f, 'utf8'))));
}

export async function importShippedSchedules(deps: AppDeps): Promise<void> {
  const rows = readShippedSchedules().map((schedule) => ({
    scope: 'national',
    year: schedule.year,
    schedule,
    updatedBy: null,
    updatedAt: deps.now(),
  }));
  if (rows.length) await deps.db.insert(calendarSchedules).values(rows).onConflictDoNothing();
}
