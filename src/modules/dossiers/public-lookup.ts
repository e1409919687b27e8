import type { AppDeps } from '../../platform/http';
import { deriveState } from '../../shared/dossier';
import { findProcedure } from '../procedures';
import { dossierNotFound } from './access';
import { expectedDueAt } from './deadlines';
import type { PublicDossierView } from './dossiers.contracts';
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

export async function lookupPublicDossier(deps: AppDeps, code: string): Promise<PublicDossierView> {
  const cache = getPublicCache(deps);
  const hit = cache.read(code, Date.now());
  if (hit) return hit;
  const ticket = cache.ticket();
  const d = await repo.findDossierByCode(deps.db, code);
  if (!d) throw dossierNotFound(code);
  const rows = await repo.listActions(deps.db, d.id);
  const log = toDomainActions(rows);
  const procedure = await findProcedure(deps, d.procedureCode);
  const view = toPublicView(d, rows, procedure?.name ?? d.procedureCode, await expectedDueAt(deps, d, deriveState(log), log));
  cache.store(code, ticket, view, Date.now());
  return view;
}
