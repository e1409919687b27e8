import type { AppDeps } from '../../platform/http';
import { foldVietnamese } from '../../shared/text';
import { loadCatalogue } from './catalogue';
import { invalidateProcedureCache } from './procedure-cache';
import { upsertProcedures } from './procedures.repo';

/** The national catalogue from data/procedures.json, upserted at every start (idempotent). */
export async function importProcedures(deps: AppDeps): Promise<void> {
  const rows = loadCatalogue().map((p) => ({ ...p, searchText: foldVietnamese(p.name) }));
  await upsertProcedures(deps.db, rows);
  invalidateProcedureCache(deps.db);
}
