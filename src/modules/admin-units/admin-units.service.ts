import type { Actor } from '../../platform/auth';
import { writeAudit } from '../../platform/audit';
import { notFound } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { sortByVietnamese } from '../../shared/text';
import * as repo from './admin-units.repo';
import { findCommuneRef } from './admin-units-data';
import type { CommuneRow } from './admin-units.schema';
import { assertCommuneAdmin, communeNotFound } from './tenancy';

export interface Province {
  code: string;
  name: string;
  fullName: string;
  type: string;
}

export interface CommuneSummary {
  code: string;
  name: string;
  fullName: string;
  type: string;
}

export interface Commune extends CommuneSummary {
  provinceCode: string;
  provinceName: string;
  agencyCode: string;
}

export async function listProvinces(deps: AppDeps): Promise<Province[]> {
  return sortByVietnamese(await repo.selectProvinces(deps.db), (p) => p.name);
}

export async function listCommunesOfProvince(deps: AppDeps, provinceCode: string): Promise<CommuneSummary[]> {
  const province = await repo.selectProvince(deps.db, provinceCode);
  if (!province) {
    throw notFound('PROVINCE_NOT_FOUND', {
      vi: `Không tìm thấy tỉnh/thành phố có mã ${provinceCode}`,
      en: `No province with code ${provinceCode}`,
    });
  }
  const rows = await repo.selectCommunesOfProvince(deps.db, provinceCode);
  return sortByVietnamese(rows.map(toSummary), (c) => c.name);
}

/**
 * Communes change only when their admin edits the agency code, but every
 * submission reads one: keep them in memory per database, dropped on that edit,
 * with a TTL so several processes sharing one PostgreSQL catch up.
 */
const COMMUNE_TTL_MS = 60_000;
const communeCaches = new WeakMap<object, Map<string, { commune: Commune; at: number }>>();

function communeCache(deps: AppDeps) {
  let cache = communeCaches.get(deps.db);
  if (!cache) communeCaches.set(deps.db, (cache = new Map()));
  return cache;
}

export async function findCommune(deps: AppDeps, code: string): Promise<Commune | undefined> {
  const cache = communeCache(deps);
  const hit = cache.get(code);
  if (hit && Date.now() - hit.at < COMMUNE_TTL_MS) return hit.commune;
  const row = await repo.selectCommune(deps.db, code);
  if (!row) return undefined;
  const commune = toCommune(row, findCommuneRef(code)?.provinceName ?? '');
  cache.set(code, { commune, at: Date.now() });
  return commune;
}

export async function getCommune(deps: AppDeps, code: string): Promise<Commune> {
  const commune = await findCommune(deps, code);
  if (!commune) throw communeNotFound(code);
  return commune;
}

export async function updateAgencyCode(deps: AppDeps, actor: Actor | undefined, code: string, agencyCode: string): Promise<Commune> {
  assertCommuneAdmin(actor, code);
  const before = await getCommune(deps, code);
  await deps.db.transaction(async (tx) => {
    await repo.updateCommuneAgencyCode(tx, code, agencyCode);
    await writeAudit(tx, actor, deps.now(), {
      action: 'commune.agency_code.update',
      entity: 'commune',
      entityId: code,
      communeCode: code,
      details: { from: before.agencyCode, to: agencyCode },
    });
  });
  communeCache(deps).delete(code);
  return { ...before, agencyCode };
}

function toSummary(row: CommuneRow): CommuneSummary {
  return { code: row.code, name: row.name, fullName: row.fullName, type: row.type };
}

function toCommune(row: CommuneRow, provinceName: string): Commune {
  return { ...toSummary(row), provinceCode: row.provinceCode, provinceName, agencyCode: row.agencyCode };
}
