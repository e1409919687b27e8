import type { Db } from '../../platform/db';
import type { CommuneOverride, Procedure } from './procedure-types';
import * as repo from './procedures.repo';
import type { CommuneProcedureRow, ProcedureRow } from './procedures.schema';

/**
 * Dossier submission resolves the effective procedure on every submit, so the
 * catalogue (a few dozen rows) and each commune's overrides are kept in memory.
 * Every write through this module invalidates them; the TTL bounds staleness when
 * several server processes share one PostgreSQL. Keyed by database, so test apps
 * on different databases never see each other's data.
 */
const TTL_MS = 60_000;

interface Entry<T> {
  value: T;
  loadedAt: number;
}

interface DbCache {
  catalogue?: Entry<Map<string, Procedure>>;
  overrides: Map<string, Entry<Map<string, CommuneOverride>>>;
}

const caches = new WeakMap<Db, DbCache>();

function cacheOf(db: Db): DbCache {
  let c = caches.get(db);
  if (!c) {
    c = { overrides: new Map() };
    caches.set(db, c);
  }
  return c;
}

const fresh = <T>(e: Entry<T> | undefined): e is Entry<T> => e !== undefined && Date.now() - e.loadedAt < TTL_MS;

export async function cachedCatalogue(db: Db): Promise<Map<string, Procedure>> {
  const c = cacheOf(db);
  if (fresh(c.catalogue)) return c.catalogue.value;
  const rows = await repo.selectAllProcedures(db);
  const value = new Map(rows.map((r) => [r.code, Object.freeze(toProcedure(r))]));
  c.catalogue = { value, loadedAt: Date.now() };
  return value;
}

export async function cachedOverrides(db: Db, communeCode: string): Promise<Map<string, CommuneOverride>> {
  const c = cacheOf(db);
  const hit = c.overrides.get(communeCode);
  if (fresh(hit)) return hit.value;
  const rows = await repo.selectCommuneOverrides(db, communeCode);
  const value = new Map(rows.map((r) => [r.procedureCode, toOverride(r)]));
  c.overrides.set(communeCode, { value, loadedAt: Date.now() });
  return value;
}

export function invalidateProcedureCache(db: Db): void {
  caches.delete(db);
}

function toProcedure(r: ProcedureRow): Procedure {
  return {
    code: r.code,
    name: r.name,
    field: r.field,
    level: r.level as Procedure['level'],
    processingDays: r.processingDays,
    feeVnd: r.feeVnd,
    requiredDocuments: r.requiredDocuments,
    resultKind: r.resultKind as Procedure['resultKind'],
    serviceGroup: r.serviceGroup as Procedure['serviceGroup'],
    unverified: r.unverified as Procedure['unverified'],
    notes: r.notes,
    sourceUrl: r.sourceUrl,
    form: r.form,
  };
}

function toOverride(r: CommuneProcedureRow): CommuneOverride {
  return { offered: r.offered, feeVnd: r.feeVndOverride, processingDays: r.processingDaysOverride };
}
