import type { AppDeps } from '../../platform/http';
import { computeDueAt } from '../../shared/calendar';
import type { DossierAction, DossierState } from '../../shared/dossier';
import { getWorkingCalendar } from '../calendar';
import type { DossierRow } from './dossiers.repo';

/**
 * When the dossier became complete: the submission, or the last supplement made
 * before reception. Legal periods run from receipt of the complete dossier; for
 * online filing, from the time the system logged it (Hà Tĩnh QĐ 2873/QĐ-UBND;
 * docs/decisions/0002), so a slow reception never eats into the citizen's time.
 */
export function completeAt(d: DossierRow, actions: readonly DossierAction[]): Date {
  let at = d.submittedAt.toISOString();
  let received = false;
  for (const a of actions) {
    if (a.type === 'receive') received = true;
    if (a.type === 'supplement' && !received) at = a.at;
  }
  return new Date(at);
}

export async function dueFrom(deps: AppDeps, d: DossierRow, from: Date): Promise<Date> {
  return computeDueAt(from, d.processingDays, await getWorkingCalendar(deps, d.communeCode));
}

/** Before reception the clock has not started; show the appointment it will give. */
export async function expectedDueAt(deps: AppDeps, d: DossierRow, state: DossierState, actions: readonly DossierAction[]): Promise<Date | null> {
  if (state.status !== 'submitted') return null;
  return dueFrom(deps, d, completeAt(d, actions));
}
