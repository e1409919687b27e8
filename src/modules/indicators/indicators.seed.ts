import type { AppDeps } from '../../platform/http';
import { syncIndicatorCalendars } from './calendar-sync';
import { backfillIndicatorFacts } from './maintenance.repo';

/**
 * Reference seeder (every install, every start; idempotent): materialise the working-day calendar
 * the triggers count with, then count in any dossier that exists without facts (an install that
 * had dossiers before the indicators module). Runs before the demo dossiers are seeded.
 */
export async function seedIndicators(deps: AppDeps): Promise<void> {
  const rebuilt = await syncIndicatorCalendars(deps);
  const counted = await backfillIndicatorFacts(deps.db);
  if (rebuilt.length || counted) deps.log.info({ calendars: rebuilt, dossiers: counted }, 'indicators: calendar and aggregates up to date');
}
