import { and, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Actor } from '../../platform/auth';
import { conflict, unprocessable } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { addDays, makeLocalInstant } from '../../shared/calendar';
import { listVillages } from '../admin-units';
import { applyReadinessEffects, getScopedHousehold, getScopedPerson, householdPeople, type WriteCtx } from '../households';
import { assertVillageInScope, resolveFieldScope } from '../teams';
import type { SupportActInput } from './outreach.contracts';
import { supportActs, type SupportActRow } from './outreach.schema';
import { readinessEffectsOf, type SupportKind, type SupportOutcome } from '../../shared/field/support-kinds';

/**
 * Logs one act of support and, when it finished, updates the person's readiness through the
 * household merge (history kept). Runs in the caller's transaction: an offline command's or
 * an assisted submission's.
 */
export async function logSupportAct(ctx: WriteCtx, input: SupportActInput & { dossierCode?: string }) {
  const where = await locate(ctx, input);
  const existing = await ctx.db.select({ id: supportActs.id }).from(supportActs).where(eq(supportActs.id, input.id));
  if (existing.length) throw conflict('SUPPORT_ACT_EXISTS', { vi: 'Mã lượt hỗ trợ này đã có', en: 'A support act with this id exists' });
  await ctx.db.insert(supportActs).values({
    id: input.id, communeCode: ctx.scope.communeCode, villageId: where.villageId, householdId: where.householdId, personId: input.personId ?? null,
    place: input.place, kinds: input.kinds, outcome: input.outcome, durationMinutes: input.durationMinutes, note: input.note ?? null,
    attachmentIds: input.attachmentIds, dossierCode: input.dossierCode ?? null, memberId: ctx.scope.member?.id ?? null, actorId: ctx.scope.actor.accountId,
    actorName: ctx.scope.member?.fullName ?? ctx.scope.actor.fullName, occurredAt: ctx.deviceAt, recordedAt: ctx.now, commandId: ctx.commandId,
  });
  ctx.changes.push({ entity: 'support_act', entityId: input.id, villageId: where.villageId, op: 'upsert' });
  const effects = readinessEffectsOf(input.kinds as SupportKind[], input.outcome as SupportOutcome);
  const readiness = input.personId ? await applyReadinessEffects(ctx, input.personId, effects) : undefined;
  return { supportActId: input.id, villageId: where.villageId, readinessApplied: readiness?.applied ?? [], readinessSuperseded: readiness?.superseded ?? [] };
}

/** The village comes from the person or household helped; an anonymous walk-in names the village. */
async function locate(ctx: WriteCtx, input: SupportActInput): Promise<{ villageId: string; householdId: string | null }> {
  let found: { villageId: string; householdId: string | null } | undefined;
  if (input.personId) {
    const p = await getScopedPerson(ctx, input.personId);
    if (input.householdId && input.householdId !== p.householdId) throw unprocessable('PERSON_NOT_IN_HOUSEHOLD', { vi: 'Người này không thuộc hộ đã chọn', en: 'The person is not in that household' });
    found = { villageId: p.villageId, householdId: p.householdId };
  } else if (input.householdId) {
    const h = await getScopedHousehold(ctx, input.householdId);
    found = { villageId: h.villageId, householdId: h.id };
  }
  if (found) {
    if (input.villageId && input.villageId !== found.villageId) throw unprocessable('VILLAGE_MISMATCH', { vi: 'Thôn không khớp với hộ được hỗ trợ', en: 'The village does not match the household' });
    return found;
  }
  if (!input.villageId) throw unprocessable('VILLAGE_REQUIRED', { vi: 'Lượt hỗ trợ người vãng lai cần ghi thôn', en: 'A walk-in needs the village where it happened' });
  assertVillageInScope(ctx.scope, input.villageId);
  return { villageId: input.villageId, householdId: null };
}

export interface SupportListQuery {
  villageId?: string;
  memberId?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** The team's log for a leader (or a member: their villages), newest first, with totals per kind. */
export async function listSupportActs(deps: AppDeps, actor: Actor | undefined, q: SupportListQuery) {
  const scope = await resolveFieldScope(deps, actor);
  if (q.villageId) assertVillageInScope(scope, q.villageId);
  const villages = q.villageId ? [q.villageId] : scope.villageIds;
  if (villages.length === 0) return { total: 0, byKind: {}, items: [] };
  const where = [eq(supportActs.communeCode, scope.communeCode), inArray(supportActs.villageId, villages)];
  if (q.memberId) where.push(eq(supportActs.memberId, q.memberId));
  if (q.from) where.push(gte(supportActs.occurredAt, makeLocalInstant(q.from, 0)));
  if (q.to) where.push(lt(supportActs.occurredAt, makeLocalInstant(addDays(q.to, 1), 0)));
  const rows = await deps.db.select().from(supportActs).where(and(...where)).orderBy(desc(supportActs.occurredAt), desc(supportActs.recordedAt));
  const byKind: Record<string, number> = {};
  for (const r of rows) for (const k of r.kinds) byKind[k] = (byKind[k] ?? 0) + 1;
  const page = rows.slice(q.offset, q.offset + q.limit);
  const personIds = page.map((r) => r.personId).filter((x): x is string => !!x);
  const people = personIds.length ? await deps.db.select({ id: householdPeople.id, fullName: householdPeople.fullName }).from(householdPeople).where(inArray(householdPeople.id, personIds)) : [];
  const names = new Map((await listVillages(deps, scope.communeCode, { includeDeleted: true })).map((v) => [v.id, v.name]));
  return { total: rows.length, byKind, items: page.map((r) => toSupportActView(r, names.get(r.villageId) ?? '', people.find((p) => p.id === r.personId)?.fullName ?? null)) };
}

export function toSupportActView(r: SupportActRow, villageName: string, personName: string | null) {
  return {
    id: r.id, villageId: r.villageId, villageName, householdId: r.householdId, personId: r.personId, personName,
    place: r.place, kinds: r.kinds as SupportKind[], outcome: r.outcome, durationMinutes: r.durationMinutes, note: r.note, attachmentIds: r.attachmentIds,
    dossierCode: r.dossierCode, memberName: r.actorName, occurredAt: r.occurredAt.toISOString(), recordedAt: r.recordedAt.toISOString(),
  };
}
