import { and, count, desc, eq, gte } from 'drizzle-orm';
import type { AppDeps } from '../../platform/http';
import { DEMO_COMMUNE_CODE, findCommune } from '../admin-units';
import { dossiers } from '../dossiers';
import { listCommuneProcedures, listProcedures, type Procedure } from '../procedures';

const POPULAR_COUNT = 6;
const POPULAR_WINDOW_DAYS = 365;
const CACHE_MS = 5 * 60_000;

/** Per database (tests run several apps in one process): commune → ranked codes and when computed. */
const cache = new WeakMap<object, Map<string, { at: number; codes: string[] }>>();

/**
 * The commune this portal serves: PORTAL_COMMUNE_CODE, else the demo commune in demo mode, else none (the citizen
 * picks one). A `communeCode` the citizen chose wins when it exists.
 */
export async function resolvePortalCommune(deps: AppDeps, requested?: string) {
  const code = requested ?? deps.config.PORTAL_COMMUNE_CODE ?? (deps.config.XASO_DEMO ? DEMO_COMMUNE_CODE : undefined);
  const commune = code ? await findCommune(deps, code) : undefined;
  return commune ? { code: commune.code, name: commune.name, provinceName: commune.provinceName } : null;
}

/**
 * "Most used" on the citizen home page: procedures ranked by dossiers filed in the commune over the last year
 * (all communes when none is chosen), offered there; the catalogue order fills the rest when there are few dossiers.
 */
export async function popularProcedures(deps: AppDeps, communeCode: string | undefined): Promise<Procedure[]> {
  const ranked = await rankedCodes(deps, communeCode ?? '*');
  const catalogue = communeCode ? (await listCommuneProcedures(deps, communeCode)).filter((p) => p.offered) : await listProcedures(deps);
  const byCode = new Map(catalogue.map((p) => [p.code, p]));
  const top = ranked.flatMap((c) => byCode.get(c) ?? []);
  for (const p of catalogue) {
    if (top.length >= POPULAR_COUNT) break;
    if (!top.includes(p)) top.push(p);
  }
  return top.slice(0, POPULAR_COUNT);
}

async function rankedCodes(deps: AppDeps, key: string): Promise<string[]> {
  let perDb = cache.get(deps.db);
  if (!perDb) cache.set(deps.db, (perDb = new Map()));
  const hit = perDb.get(key);
  const now = Date.now();
  if (hit && now - hit.at < CACHE_MS) return hit.codes;
  const since = new Date(deps.now().getTime() - POPULAR_WINDOW_DAYS * 86_400_000);
  const where = key === '*' ? gte(dossiers.submittedAt, since) : and(eq(dossiers.communeCode, key), gte(dossiers.submittedAt, since));
  const rows = await deps.db
    .select({ code: dossiers.procedureCode, n: count() })
    .from(dossiers)
    .where(where)
    .groupBy(dossiers.procedureCode)
    .orderBy(desc(count()), dossiers.procedureCode)
    .limit(POPULAR_COUNT * 3);
  const codes = rows.map((r) => r.code);
  perDb.set(key, { at: now, codes });
  return codes;
}
