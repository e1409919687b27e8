/** Public surface of the households module (hộ gia đình, digital readiness): other modules import only from here. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/http';
import { registerHouseholdsRoutes as registerQueryRoutes } from './households.routes';
import { registerImportRoutes } from './import/import.routes';

export async function registerHouseholdsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await registerImportRoutes(app, deps);
  registerQueryRoutes(app, deps);
}

export {
  createHousehold, updateHousehold, updatePerson, addPerson, removeHousehold, removePerson, applyReadinessEffects,
  getScopedHousehold, getScopedPerson, findDuplicateHouseholds,
} from './households.service';
export { createHouseholdInput, updatePersonInput, updateHouseholdInput, addPersonInput, removeInput, householdView, personView } from './households.contracts';
export { toHouseholdView, toPersonView, readinessOf } from './views';
export { listLiveHouseholds, listLivePeople, findHousehold, findPerson } from './households.repo';
export type { WriteCtx } from './write-context';
export * from '../../shared/field/readiness';
export { households, householdPeople, recordChanges as householdRecordChanges, householdConflicts, householdImports } from './households.schema';
export { seedDemoHouseholds } from './demo/seed-demo-households';
export { createDemoRandom, type DemoRandom } from './demo/random';
export { tallyReadiness, tallyFibre, type ReadinessTally } from './households.repo';
