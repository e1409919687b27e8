import type { Actor } from '../../platform/auth';
import { writeAudit } from '../../platform/audit';
import { conflict, notFound } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { foldVietnamese, sortByVietnamese } from '../../shared/text';
import type { VillageRow } from './admin-units.schema';
import { getCommune } from './admin-units.service';
import { assertCommuneAdmin } from './tenancy';
import type { VillageKind } from './village-kinds';
import * as repo from './villages.repo';

export interface Village {
  id: string;
  communeCode: string;
  name: string;
  kind: VillageKind;
  contactPhone: string | null;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export interface VillageInput {
  name: string;
  kind: VillageKind;
  contactPhone?: string | null;
}

/** Live villages of a commune in Vietnamese order; `includeDeleted` adds tombstones (sync). */
export async function listVillages(deps: AppDeps, communeCode: string, opts: { includeDeleted?: boolean } = {}): Promise<Village[]> {
  await getCommune(deps, communeCode);
  const rows = await repo.selectVillages(deps.db, communeCode, opts);
  return sortByVietnamese(rows.map(toVillage), (v) => v.name);
}

export async function findVillage(deps: AppDeps, communeCode: string, id: string): Promise<Village | undefined> {
  const row = await repo.selectVillage(deps.db, communeCode, id);
  return row ? toVillage(row) : undefined;
}

export async function getVillage(deps: AppDeps, communeCode: string, id: string): Promise<Village> {
  const village = await findVillage(deps, communeCode, id);
  if (!village) throw villageNotFound(id);
  return village;
}

export async function createVillage(deps: AppDeps, actor: Actor | undefined, communeCode: string, input: VillageInput): Promise<Village> {
  assertCommuneAdmin(actor, communeCode);
  await getCommune(deps, communeCode);
  await assertNameFree(deps, communeCode, input.name);
  const now = deps.now();
  const row = {
    id: crypto.randomUUID(),
    communeCode,
    name: input.name,
    kind: input.kind,
    contactPhone: input.contactPhone ?? null,
    createdAt: now,
    updatedAt: now,
  };
  const created = await deps.db.transaction(async (tx) => {
    const [inserted] = await repo.insertVillages(tx, [row]);
    await audit(tx, deps, actor, 'village.create', communeCode, row.id, { name: input.name });
    return inserted!;
  });
  return toVillage(created);
}

export async function updateVillage(
  deps: AppDeps,
  actor: Actor | undefined,
  communeCode: string,
  id: string,
  patch: Partial<VillageInput>,
): Promise<Village> {
  assertCommuneAdmin(actor, communeCode);
  const current = await getVillage(deps, communeCode, id);
  if (patch.name !== undefined && foldVietnamese(patch.name) !== foldVietnamese(current.name)) {
    await assertNameFree(deps, communeCode, patch.name);
  }
  const updated = await deps.db.transaction(async (tx) => {
    const row = await repo.updateVillage(tx, id, { ...patch, updatedAt: deps.now() });
    await audit(tx, deps, actor, 'village.update', communeCode, id, { fields: Object.keys(patch) });
    return row!;
  });
  return toVillage(updated);
}

/** Tombstone, never a hard delete: field devices must learn that the village is gone. */
export async function deleteVillage(deps: AppDeps, actor: Actor | undefined, communeCode: string, id: string): Promise<void> {
  assertCommuneAdmin(actor, communeCode);
  const current = await getVillage(deps, communeCode, id);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await repo.updateVillage(tx, id, { deletedAt: now, updatedAt: now });
    await audit(tx, deps, actor, 'village.delete', communeCode, id, { name: current.name });
  });
}

/** "Thôn An Hoà" and "Thôn An Hòa" are the same village written in two tone styles. */
async function assertNameFree(deps: AppDeps, communeCode: string, name: string): Promise<void> {
  const folded = foldVietnamese(name);
  const live = await repo.selectVillages(deps.db, communeCode);
  if (live.some((v) => foldVietnamese(v.name) === folded)) {
    throw conflict('VILLAGE_NAME_TAKEN', {
      vi: `Xã đã có thôn/tổ dân phố tên "${name}"`,
      en: `The commune already has a village named "${name}"`,
    });
  }
}

function villageNotFound(id: string) {
  return notFound('VILLAGE_NOT_FOUND', { vi: `Không tìm thấy thôn/tổ dân phố ${id}`, en: `No village ${id}` });
}

async function audit(
  db: AppDeps['db'],
  deps: AppDeps,
  actor: Actor | undefined,
  action: string,
  communeCode: string,
  id: string,
  details: Record<string, unknown>,
): Promise<void> {
  await writeAudit(db, actor, deps.now(), { action, entity: 'village', entityId: id, communeCode, details });
}

function toVillage(row: VillageRow): Village {
  return { ...row, kind: row.kind as VillageKind };
}
