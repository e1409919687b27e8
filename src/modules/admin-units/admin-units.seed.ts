import type { AppDeps } from '../../platform/http';
import { loadAdminUnits } from './admin-units-data';
import { upsertCommunes, upsertProvinces } from './admin-units.repo';
import { defaultAgencyCode } from './agency-code';
import { DEMO_COMMUNE_CODE, DEMO_VILLAGES } from './demo';
import { hasAnyVillage, insertVillages } from './villages.repo';

/** All 34 provinces and 3,321 communes, in a few multi-row upserts (runs at every start and test run). */
export async function importAdminUnits(deps: AppDeps): Promise<void> {
  const data = loadAdminUnits();
  await upsertProvinces(
    deps.db,
    data.map((p) => ({ code: p.code, name: p.name, fullName: p.fullName, type: p.type })),
  );
  const rows = data.flatMap((p) =>
    p.communes.map((c) => ({
      code: c.code,
      provinceCode: p.code,
      name: c.name,
      fullName: c.fullName,
      type: c.type,
      agencyCode: defaultAgencyCode(c.code, p.code),
    })),
  );
  await upsertCommunes(deps.db, rows);
}

/** The demo commune's villages, only when it has none yet (not even tombstoned ones). */
export async function seedDemoVillages(deps: AppDeps): Promise<void> {
  if (await hasAnyVillage(deps.db, DEMO_COMMUNE_CODE)) return;
  const now = deps.now();
  await insertVillages(
    deps.db,
    DEMO_VILLAGES.map((v) => ({ id: crypto.randomUUID(), communeCode: DEMO_COMMUNE_CODE, ...v, createdAt: now, updatedAt: now })),
  );
}
