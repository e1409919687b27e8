import type { AppDeps } from '../platform/http';
import { seedDemoAccounts } from '../modules/auth';
import { importShippedSchedules } from '../modules/calendar';
import { seedDemoDossiers } from '../modules/dossiers';
import { importAdminUnits, seedDemoVillages } from '../modules/admin-units';
import { importProcedures } from '../modules/procedures';

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
];

export const demoSeeders: Seeder[] = [
  seedDemoVillages,
  seedDemoAccounts,
  seedDemoDossiers,
];

export async function seedDatabase(deps: AppDeps, opts: { demo: boolean }): Promise<void> {
  for (const seed of referenceSeeders) await seed(deps);
  if (!opts.demo) return;
  for (const seed of demoSeeders) await seed(deps);
}
