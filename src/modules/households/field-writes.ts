import { eq } from 'drizzle-orm';
import { badRequest, type FieldProblem } from '../../platform/errors';
import { splitBilingual } from '../../shared/bilingual';
import { maskIdNumber, maskPhone } from '../../shared/validation';
import { householdFieldSchemas, personFieldSchemas, type FieldChangeInput } from './households.contracts';
import { householdConflicts, householdPeople, households, recordChanges, type HouseholdRow, type PersonRow } from './households.schema';
import { mergeWrites, type FieldClocks, type FieldWrite, type Json } from '../../shared/field/merge';
import { clockOf, writerName, type WriteCtx } from './write-context';

type Source = 'edit' | 'support_act' | 'resolution' | 'import';
type Entity = { kind: 'household'; row: HouseholdRow } | { kind: 'person'; row: PersonRow };

export interface WriteSummary {
  applied: string[];
  same: string[];
  superseded: string[];
  conflicts: string[];
  version: number;
}

/** Validates the new values of an edit with the field's own schema; all problems at once. */
export function parseChanges(kind: 'household' | 'person', changes: FieldChangeInput[]): { field: string; from: Json; to: Json }[] {
  const schemas: Record<string, { safeParse: (v: unknown) => { success: boolean; data?: unknown; error?: { issues: { message: string }[] } } }> =
    kind === 'person' ? personFieldSchemas : householdFieldSchemas;
  const problems: FieldProblem[] = [];
  const parsed = changes.map((c, i) => {
    const r = schemas[c.field]!.safeParse(c.to ?? null);
    if (!r.success) {
      const msg = r.error?.issues[0]?.message ?? '';
      problems.push({ path: `changes.${i}.to`, ...(splitBilingual(msg) ?? { vi: `Giá trị của ${c.field} không hợp lệ`, en: `Invalid value for ${c.field}` }) });
    }
    return { field: c.field, from: (c.from ?? null) as Json, to: (r.data ?? null) as Json };
  });
  if (problems.length) throw badRequest('EDIT_INVALID', { vi: 'Thông tin sửa chưa đúng', en: 'Some edited values are not valid' }, problems);
  return parsed;
}

/**
 * The device only ever holds masked phones and ID numbers, so an edit of those fields
 * starts from the masked value: it matches the current value when the masks agree.
 */
function resolveBase(field: string, from: Json, current: Json): Json {
  if (typeof from !== 'string' || typeof current !== 'string') return from;
  if (field === 'phone' && from === maskPhone(current)) return current;
  if (field === 'idNumber' && from === maskIdNumber(current)) return current;
  return from;
}

/**
 * Applies writes to one record field by field (merge.ts), keeps every write in the history,
 * records real conflicts for the team leader, and publishes the change to the pull log.
 */
export async function writeFields(
  ctx: WriteCtx,
  entity: Entity,
  writes: { field: string; value: Json; base?: Json; mode: 'edit' | 'assert' }[],
  source: Source,
): Promise<WriteSummary> {
  const row = entity.row as unknown as Record<string, Json> & { fieldClock: FieldClocks; version: number };
  const clock = clockOf(ctx);
  const full: FieldWrite[] = writes.map((w) => ({ ...w, clock, ...(w.mode === 'edit' ? { base: resolveBase(w.field, w.base ?? null, row[w.field] ?? null) } : {}) }));
  const merged = mergeWrites(row, row.fieldClock, full);
  const applied = merged.decisions.filter((d) => d.outcome === 'applied');
  const version = applied.length ? row.version + 1 : row.version;
  const patch = Object.fromEntries(applied.map((d) => [d.field, d.next]));
  const table = entity.kind === 'household' ? households : householdPeople;
  await ctx.db.update(table).set({ ...patch, fieldClock: merged.clocks, version, updatedAt: ctx.now }).where(eq(table.id, entity.row.id));
  const householdId = entity.kind === 'household' ? entity.row.id : entity.row.householdId;
  const common = { communeCode: entity.row.communeCode, villageId: entity.row.villageId, householdId, entity: entity.kind, entityId: entity.row.id };
  await ctx.db.insert(recordChanges).values(merged.decisions.map((d, i) => ({
    ...common, field: d.field, baseValue: full[i]!.base ?? null, oldValue: d.previous, newValue: full[i]!.value, outcome: d.outcome, source,
    commandId: ctx.commandId, actorId: ctx.scope.actor.accountId, actorName: writerName(ctx), deviceAt: ctx.deviceAt, serverAt: ctx.now,
  })));
  const conflicts = merged.decisions.filter((d) => d.conflict);
  if (conflicts.length) {
    await ctx.db.insert(householdConflicts).values(conflicts.map((d) => {
      const prev = row.fieldClock[d.field] ?? row.fieldClock['*'];
      const mine = { value: full.find((w) => w.field === d.field)!.value, by: writerName(ctx), at: ctx.deviceAt };
      const theirs = { value: d.previous, by: prev?.by ?? null, at: prev ? new Date(prev.at) : null };
      const [kept, other] = d.outcome === 'applied' ? [mine, theirs] : [theirs, mine];
      return {
        id: crypto.randomUUID(), ...common, field: d.field, baseValue: full.find((w) => w.field === d.field)!.base ?? null,
        keptValue: kept.value, keptBy: kept.by, keptAt: kept.at, otherValue: other.value, otherBy: other.by, otherAt: other.at,
        status: 'open' as const, createdAt: ctx.now,
      };
    }));
  }
  ctx.changes.push({ entity: entity.kind, entityId: entity.row.id, villageId: entity.row.villageId, op: 'upsert' });
  const by = (o: string) => merged.decisions.filter((d) => d.outcome === o).map((d) => d.field);
  return { applied: by('applied'), same: by('same'), superseded: by('superseded'), conflicts: conflicts.map((d) => d.field), version };
}
