import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth';
import { writeAudit } from '../../platform/audit';
import { conflict, notFound, unprocessable } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { recordChanges as publishChanges } from '../sync';
import { assertCanResolveConflicts, isVillageInScope, resolveFieldScope } from '../teams';
import { parseChanges, writeFields } from './field-writes';
import * as repo from './households.repo';
import { householdConflicts, type ConflictRow } from './households.schema';
import { getScopedHousehold, getScopedPerson } from './households.service';
import type { Json } from '../../shared/field/merge';
import { maskHistoryValue } from './views';
import type { WriteCtx } from './write-context';

const conflictNotFound = () => notFound('CONFLICT_NOT_FOUND', { vi: 'Không tìm thấy xung đột', en: 'No such conflict' });

function toConflictView(c: ConflictRow, current: unknown, headName: string) {
  const mask = (v: unknown) => maskHistoryValue(c.field, v);
  return {
    id: c.id, householdId: c.householdId, headName, villageId: c.villageId, entity: c.entity, entityId: c.entityId, field: c.field,
    baseValue: mask(c.baseValue), currentValue: mask(current),
    kept: { value: mask(c.keptValue), by: c.keptBy, at: c.keptAt?.toISOString() ?? null },
    other: { value: mask(c.otherValue), by: c.otherBy, at: c.otherAt?.toISOString() ?? null },
    status: c.status, resolution: c.resolution, resolvedBy: c.resolvedBy, resolvedAt: c.resolvedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
  };
}

/** The team leader's list: both values, who wrote each and when, and what is in place now. */
export async function listConflicts(deps: AppDeps, actor: Actor | undefined, status: 'open' | 'resolved') {
  const scope = await resolveFieldScope(deps, actor);
  assertCanResolveConflicts(scope);
  const rows = await repo.listConflicts(deps.db, scope.communeCode, status, scope.villageIds);
  const out = [];
  for (const c of rows) {
    const household = await repo.findHousehold(deps.db, c.householdId);
    const record = c.entity === 'person' ? await repo.findPerson(deps.db, c.entityId) : household;
    out.push(toConflictView(c, (record as unknown as Record<string, unknown> | undefined)?.[c.field] ?? null, household?.headName ?? ''));
  }
  return out;
}

/**
 * The leader keeps the value in place, takes the other one, or types the right one. The
 * decision is written as the newest write of the field (server time), so it stands.
 */
export async function resolveConflict(deps: AppDeps, actor: Actor | undefined, id: string, body: { choice: 'kept' | 'other' | 'custom'; value?: unknown }) {
  const scope = await resolveFieldScope(deps, actor);
  assertCanResolveConflicts(scope);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const c = await repo.findConflict(tx, id, true);
    if (!c || c.communeCode !== scope.communeCode || !isVillageInScope(scope, c.villageId)) throw conflictNotFound();
    if (c.status !== 'open') throw conflict('CONFLICT_ALREADY_RESOLVED', { vi: 'Xung đột này đã được xử lý', en: 'This conflict was already resolved' });
    if (body.choice === 'custom' && body.value === undefined) throw unprocessable('VALUE_REQUIRED', { vi: 'Cần nhập giá trị đúng', en: 'Give the right value' });
    const raw = body.choice === 'kept' ? c.keptValue : body.choice === 'other' ? c.otherValue : body.value;
    const [parsed] = parseChanges(c.entity, [{ field: c.field, to: raw }]);
    const ctx: WriteCtx = { db: tx, scope, now, deviceAt: now, commandId: null, changes: [] };
    const entity = c.entity === 'person'
      ? { kind: 'person' as const, row: await getScopedPerson(ctx, c.entityId, true) }
      : { kind: 'household' as const, row: await getScopedHousehold(ctx, c.entityId, true) };
    await writeFields(ctx, entity, [{ field: c.field, value: parsed!.to as Json, mode: 'assert' }], 'resolution');
    await tx.update(householdConflicts).set({
      status: 'resolved', resolution: body.choice, resolvedValue: parsed!.to, resolvedBy: scope.member?.fullName ?? scope.actor.fullName, resolvedAt: now,
    }).where(eq(householdConflicts.id, id));
    await writeAudit(tx, actor, now, { action: 'household_conflict.resolve', entity: 'household_conflict', entityId: id, communeCode: c.communeCode, details: { choice: body.choice, field: c.field } });
    await publishChanges(tx, scope.communeCode, ctx.changes, now);
  });
  return (await listConflicts(deps, actor, 'resolved')).find((c) => c.id === id)!;
}
