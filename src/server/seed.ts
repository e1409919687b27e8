import type { AppDeps } from '../platform/http';
import { seedDemoAccounts } from '../modules/auth';
import { importShippedSchedules } from '../modules/calendar';
import { seedDemoDossiers } from '../modules/dossiers';
import { importAdminUnits, seedDemoVillages } from '../modules/admin-units';
import { importProcedures } from '../modules/procedures';
import { importShippedTemplates } from '../modules/notifications';
import { importFeeRules, seedDemoPayments } from '../modules/payments';
import { seedIndicators } from '../modules/indicators';
import { seedDemoQueue } from '../modules/counter';
import { seedDemoRatings } from '../modules/feedback';
import { seedDemoTeam } from '../modules/teams';
import { seedDemoHouseholds } from '../modules/households';
import { seedDemoOutreach } from '../modules/outreach';

/**
 * Reference data every installation needs (administrative units, procedure
 * catalogue), then, in demo mode on an empty database, the demo commune.
 * Each seeder is idempotent: it checks before inserting.
 */
export type Seeder = (deps: AppDeps) => Promise<void>;

export const referenceSeeders: Seeder[] = [
  importShippedSchedules,
  importAdminUnits,
  importProcedures,
  // After the calendar: materialises working days for the indicator triggers (before any dossier).
  seedIndicators,
  importShippedTemplates,
  importFeeRules,
];

export const demoSeeders: Seeder[] = [
  seedDemoVillages,
  seedDemoAccounts,
  seedDemoDossiers,
  // After the dossiers: their fees, some paid, some waiting, two transfers to review.
  seedDemoPayments,
  seedDemoQueue,
  // After the dossiers: satisfaction ratings of about half the returned ones (ND 61/2018 Art. 29–31).
  seedDemoRatings,
  // Community digital team: the team (links demo.volunteer), households, then campaigns and support acts.
  seedDemoTeam,
  seedDemoHouseholds,
  seedDemoOutreach,
];

export async function seedDatabase(deps: AppDeps, opts: { demo: boolean }): Promise<void> {
  for (const seed of referenceSeeders) await seed(deps);
  if (!opts.demo) return;
  for (const seed of demoSeeders) await seed(deps);
}
