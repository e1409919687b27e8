import type { AppDeps } from '../../platform/http';
import { deriveState } from '../../shared/dossier';
import { findProcedure } from '../procedures';
import { dossierNotFound } from './access';
import { expectedDueAt } from './deadlines';
import { publicDossierView, type PublicDossierView } from './dossiers.contracts';
import * as repo from './dossiers.repo';
import { PublicLookupCache } from './public-cache';
import { toDomainActions, toPublicView } from './views';

const caches = new WeakMap<object, PublicLookupCache>();

/** One cache per database, so two apps in one process never share entries. */
export function getPublicCache(deps: AppDeps): PublicLookupCache {
  let cache = caches.get(deps.db);
  if (!cache) caches.set(deps.db, (cache = new PublicLookupCache()));
  return cache;
}

/**
 * The public view of a dossier as JSON text, validated against `publicDossierView` once when it is read from the
 * database: cache hits skip per-request serialisation (issue 2 lookup target: ≥ 70% of a bare route).
 */
export async function lookupPublicDossierJson(deps: AppDeps, code: string): Promise<string> {
  const cache = getPublicCache(deps);
  const hit = cache.readCached(code, Date.now());
  if (hit) return hit.json;
  const ticket = cache.ticket();
  const view = publicDossierView.parse(await readPublicView(deps, code));
  const json = JSON.stringify(view);
  cache.store(code, ticket, view, Date.now(), json);
  return json;
}

async function readPublicView(deps: AppDeps, code: string): Promise<PublicDossierView> {
  const d = await repo.findDossierByCode(deps.db, code);
  if (!d) throw dossierNotFound(code);
  const rows = await repo.listActions(deps.db, d.id);
  const log = toDomainActions(rows);
  const procedure = await findProcedure(deps, d.procedureCode);
  return toPublicView(d, rows, procedure?.name ?? d.procedureCode, await expectedDueAt(deps, d, deriveState(log), log));
}
