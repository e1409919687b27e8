import { eq } from 'drizzle-orm';
import { AppError, conflict, notFound, unprocessable } from '../../platform/errors';
import { foldVietnamese } from '../../shared/text';
import { assertVillageInScope, isVillageInScope } from '../teams';
import { parseChanges, writeFields, type WriteSummary } from './field-writes';
import type { CreateHouseholdInput, FieldChangeInput, PersonInput } from './households.contracts';
import * as repo from './households.repo';
import { householdPeople, households, recordChanges, type HouseholdRow, type PersonRow } from './households.schema';
import type { Json } from '../../shared/field/merge';
import { raiseVneid, type Readiness, type Vneid } from '../../shared/field/readiness';
import { clockOf, writerName, type WriteCtx } from './write-context';

export const householdNotFound = () => notFound('HOUSEHOLD_NOT_FOUND', { vi: 'Không tìm thấy hộ gia đình trong địa bàn của bạn', en: 'No such household in your area' });
export const personNotFound = () => notFound('PERSON_NOT_FOUND', { vi: 'Không tìm thấy người này trong địa bàn của bạn', en: 'No such person in your area' });

/** A live household the writer may see; anything else looks absent (404). */
export async function getScopedHousehold(ctx: Pick<WriteCtx, 'db' | 'scope'>, id: string, forUpdate = false): Promise<HouseholdRow> {
  const row = await repo.findHousehold(ctx.db, id, forUpdate);
  if (!row || row.deletedAt || row.communeCode !== ctx.scope.communeCode || !isVillageInScope(ctx.scope, row.villageId)) throw householdNotFound();
  return row;
}

export async function getScopedPerson(ctx: Pick<WriteCtx, 'db' | 'scope'>, id: string, forUpdate = false): Promise<PersonRow> {
  const row = await repo.findPerson(ctx.db, id, forUpdate);
  if (!row || row.deletedAt || row.communeCode !== ctx.scope.communeCode || !isVillageInScope(ctx.scope, row.villageId)) throw personNotFound();
  return row;
}

/** Same head's name ignoring diacritics, same village: "Nguyễn Văn Bình" = "Nguyen Van Binh". */
export async function findDuplicateHouseholds(ctx: Pick<WriteCtx, 'db'>, villageId: string, headName: string, exceptId?: string) {
  return repo.findSameHead(ctx.db, villageId, foldVietnamese(headName), exceptId);
}

export async function createHousehold(ctx: WriteCtx, input: CreateHouseholdInput, source: 'create' | 'import' = 'create') {
  assertVillageInScope(ctx.scope, input.villageId);
  const id = input.id ?? crypto.randomUUID();
  const head = input.members.find((m) => m.isHead)!;
  if (await repo.findHousehold(ctx.db, id)) throw conflict('HOUSEHOLD_EXISTS', { vi: 'Mã hộ này đã tồn tại', en: 'A household with this id exists' });
  if (!input.acknowledgeDuplicate) await assertNoDuplicate(ctx, input.villageId, head.fullName);
  const clock = clockOf(ctx);
  const row = {
    id, communeCode: ctx.scope.communeCode, villageId: input.villageId, headName: head.fullName, headFolded: foldVietnamese(head.fullName),
    address: input.address, notes: input.notes, fieldClock: { '*': clock }, version: 1, createdBy: ctx.scope.actor.accountId,
    createdAt: ctx.now, updatedAt: ctx.now,
  };
  await ctx.db.insert(households).values(row);
  const people = await insertPeople(ctx, row, input.members);
  await ctx.db.insert(recordChanges).values([
    historyOfCreate(ctx, row, 'household', id, { address: row.address, notes: row.notes, headName: row.headName }, source),
    ...people.map((p) => historyOfCreate(ctx, row, 'person', p.id, { fullName: p.fullName, isHead: p.isHead }, source)),
  ]);
  ctx.changes.push({ entity: 'household', entityId: id, villageId: row.villageId, op: 'upsert' });
  return { householdId: id, personIds: people.map((p) => p.id), version: 1 };
}

async function assertNoDuplicate(ctx: WriteCtx, villageId: string, headName: string): Promise<void> {
  const same = await findDuplicateHouseholds(ctx, villageId, headName);
  if (same.length === 0) return;
  throw new AppError(409, 'DUPLICATE_HOUSEHOLD', {
    vi: `Có thể trùng với hộ đã có: ${same.map((h) => `hộ ông/bà ${h.headName}${h.address ? `, ${h.address}` : ''}`).join('; ')}. Kiểm tra lại hoặc xác nhận vẫn lưu`,
    en: `This may duplicate an existing household: ${same.map((h) => h.headName).join('; ')}. Check, or confirm to save anyway`,
  }, same.map((h, i) => ({ path: `duplicateOf.${i}`, vi: h.id, en: h.id })));
}

async function insertPeople(ctx: WriteCtx, household: Pick<HouseholdRow, 'id' | 'communeCode' | 'villageId'>, members: PersonInput[]) {
  const clock = clockOf(ctx);
  const rows = members.map((m) => ({
    ...m, id: m.id ?? crypto.randomUUID(), householdId: household.id, communeCode: household.communeCode, villageId: household.villageId,
    fieldClock: { '*': clock }, version: 1, createdAt: ctx.now, updatedAt: ctx.now,
  }));
  // One after another: ctx.db is a transaction, a single connection that runs one query at a time.
  for (const r of rows) if (await repo.findPerson(ctx.db, r.id)) throw conflict('PERSON_EXISTS', { vi: 'Mã người này đã tồn tại', en: 'A person with this id exists' });
  await ctx.db.insert(householdPeople).values(rows);
  for (const r of rows) ctx.changes.push({ entity: 'person', entityId: r.id, villageId: r.villageId, op: 'upsert' });
  return rows;
}

function historyOfCreate(ctx: WriteCtx, h: Pick<HouseholdRow, 'communeCode' | 'villageId' | 'id'>, entity: 'household' | 'person', entityId: string, snapshot: Record<string, Json>, source: 'create' | 'import' | 'remove') {
  return {
    communeCode: h.communeCode, villageId: h.villageId, householdId: h.id, entity, entityId, field: '*', baseValue: null,
    oldValue: source === 'remove' ? snapshot : null, newValue: source === 'remove' ? null : snapshot, outcome: 'applied' as const, source,
    commandId: ctx.commandId, actorId: ctx.scope.actor.accountId, actorName: writerName(ctx), deviceAt: ctx.deviceAt, serverAt: ctx.now,
  };
}

export async function addPerson(ctx: WriteCtx, householdId: string, person: PersonInput) {
  const household = await getScopedHousehold(ctx, householdId, true);
  if (person.isHead) throw unprocessable('HEAD_EXISTS', { vi: 'Hộ đã có chủ hộ', en: 'The household already has a head' });
  const [row] = await insertPeople(ctx, household, [person]);
  await ctx.db.insert(recordChanges).values(historyOfCreate(ctx, household, 'person', row!.id, { fullName: row!.fullName }, 'create'));
  return { personId: row!.id, version: 1 };
}

export async function updatePerson(ctx: WriteCtx, personId: string, changes: FieldChangeInput[]): Promise<WriteSummary & { personId: string }> {
  const parsed = parseChanges('person', changes);
  const person = await getScopedPerson(ctx, personId, true);
  const summary = await writeFields(ctx, { kind: 'person', row: person }, parsed.map((c) => ({ field: c.field, value: c.to, base: c.from, mode: 'edit' })), 'edit');
  if (person.isHead && summary.applied.includes('fullName')) await renameHead(ctx, person);
  return { personId, ...summary };
}

/** The household's head name follows its head's name (and so does the duplicate key). */
async function renameHead(ctx: WriteCtx, person: PersonRow): Promise<void> {
  const fresh = (await repo.findPerson(ctx.db, person.id))!;
  await ctx.db.update(households).set({ headName: fresh.fullName, headFolded: foldVietnamese(fresh.fullName), updatedAt: ctx.now }).where(eq(households.id, person.householdId));
  ctx.changes.push({ entity: 'household', entityId: person.householdId, villageId: person.villageId, op: 'upsert' });
}

export async function updateHousehold(ctx: WriteCtx, householdId: string, changes: FieldChangeInput[]) {
  const parsed = parseChanges('household', changes);
  const household = await getScopedHousehold(ctx, householdId, true);
  const summary = await writeFields(ctx, { kind: 'household', row: household }, parsed.map((c) => ({ field: c.field, value: c.to, base: c.from, mode: 'edit' })), 'edit');
  return { householdId, ...summary };
}

/** Tombstones, never deletes: devices must learn that the household left (moved, merged). */
export async function removeHousehold(ctx: WriteCtx, householdId: string, reason: string) {
  const household = await getScopedHousehold(ctx, householdId, true);
  const people = await repo.listLivePeople(ctx.db, [householdId]);
  await ctx.db.update(households).set({ deletedAt: ctx.now, updatedAt: ctx.now, version: household.version + 1 }).where(eq(households.id, householdId));
  await ctx.db.update(householdPeople).set({ deletedAt: ctx.now, updatedAt: ctx.now }).where(eq(householdPeople.householdId, householdId));
  await ctx.db.insert(recordChanges).values(historyOfCreate(ctx, household, 'household', householdId, { headName: household.headName, reason }, 'remove'));
  ctx.changes.push({ entity: 'household', entityId: householdId, villageId: household.villageId, op: 'delete' });
  for (const p of people) ctx.changes.push({ entity: 'person', entityId: p.id, villageId: p.villageId, op: 'delete' });
  return { householdId, removed: true };
}

export async function removePerson(ctx: WriteCtx, personId: string, reason: string) {
  const person = await getScopedPerson(ctx, personId, true);
  if (person.isHead) throw unprocessable('CANNOT_REMOVE_HEAD', { vi: 'Không xoá chủ hộ; hãy xoá cả hộ nếu hộ đã chuyển đi', en: 'The head cannot be removed; remove the household if it moved' });
  await ctx.db.update(householdPeople).set({ deletedAt: ctx.now, updatedAt: ctx.now, version: person.version + 1 }).where(eq(householdPeople.id, personId));
  const h = { communeCode: person.communeCode, villageId: person.villageId, id: person.householdId };
  await ctx.db.insert(recordChanges).values(historyOfCreate(ctx, h, 'person', personId, { fullName: person.fullName, reason }, 'remove'));
  ctx.changes.push({ entity: 'person', entityId: personId, villageId: person.villageId, op: 'delete' });
  return { personId, removed: true };
}

/**
 * A support act changes the person's readiness (e.g. "account created" sets the portal
 * account), through the same merge: the later write wins and history keeps both.
 */
export async function applyReadinessEffects(ctx: WriteCtx, personId: string, effects: Partial<Readiness>): Promise<WriteSummary | undefined> {
  const person = await getScopedPerson(ctx, personId, true);
  const writes = Object.entries(effects).map(([field, value]) => ({
    field, mode: 'assert' as const,
    value: (field === 'vneid' ? raiseVneid(person.vneid as Vneid | null, value as Vneid) : value) as Json,
  }));
  if (writes.length === 0) return undefined;
  return writeFields(ctx, { kind: 'person', row: person }, writes, 'support_act');
}
