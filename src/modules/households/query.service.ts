import type { Actor } from '../../platform/auth';
import { writeAudit } from '../../platform/audit';
import type { AppDeps } from '../../platform/http';
import { toLocalDate } from '../../shared/calendar';
import { compareVietnamese, foldVietnamese } from '../../shared/text';
import { listVillages } from '../admin-units';
import { assertVillageInScope, resolveFieldScope, type FieldScope } from '../teams';
import * as repo from './households.repo';
import type { HouseholdRow, PersonRow } from './households.schema';
import { getScopedHousehold, getScopedPerson } from './households.service';
import { householdMatches, isAdult, isElderly, type TargetNeed } from '../../shared/field/readiness';
import { maskHistoryValue, readinessOf, toHouseholdView } from './views';

async function villageNames(deps: AppDeps, scope: FieldScope): Promise<Map<string, string>> {
  return new Map((await listVillages(deps, scope.communeCode)).map((v) => [v.id, v.name]));
}

function scopedVillages(scope: FieldScope, villageId?: string): string[] {
  if (!villageId) return scope.villageIds;
  assertVillageInScope(scope, villageId);
  return [villageId];
}

interface Loaded {
  scope: FieldScope;
  names: Map<string, string>;
  households: HouseholdRow[];
  people: Map<string, PersonRow[]>;
}

async function loadScoped(deps: AppDeps, actor: Actor | undefined, villageId?: string): Promise<Loaded> {
  const scope = await resolveFieldScope(deps, actor);
  const list = await repo.listLiveHouseholds(deps.db, scopedVillages(scope, villageId));
  const people = new Map<string, PersonRow[]>();
  for (const p of await repo.listLivePeople(deps.db, list.map((h) => h.id))) people.set(p.householdId, [...(people.get(p.householdId) ?? []), p]);
  return { scope, names: await villageNames(deps, scope), households: list, people };
}

function hasElderly(people: PersonRow[], year: number): boolean {
  return people.some((p) => isElderly(p, year));
}

function summaryOf(h: HouseholdRow, people: PersonRow[], names: Map<string, string>, year: number) {
  const { members: _m, ...view } = toHouseholdView(h, people, names.get(h.villageId) ?? '');
  return { ...view, memberCount: people.length, hasElderly: hasElderly(people, year) };
}

/** My villages' households, by village then head name in Vietnamese order; phones never appear. */
export async function listHouseholds(deps: AppDeps, actor: Actor | undefined, q: { villageId?: string; q?: string; limit: number; offset: number }) {
  const { households, people, names } = await loadScoped(deps, actor, q.villageId);
  const year = Number(toLocalDate(deps.now()).slice(0, 4));
  const words = q.q ? foldVietnamese(q.q) : '';
  const matching = words ? households.filter((h) => h.headFolded.includes(words) || (people.get(h.id) ?? []).some((p) => foldVietnamese(p.fullName).includes(words))) : households;
  const sorted = matching.sort((a, b) => compareVietnamese(names.get(a.villageId) ?? '', names.get(b.villageId) ?? '') || compareVietnamese(a.headName, b.headName));
  return { total: sorted.length, items: sorted.slice(q.offset, q.offset + q.limit).map((h) => summaryOf(h, people.get(h.id) ?? [], names, year)) };
}

export async function getHousehold(deps: AppDeps, actor: Actor | undefined, id: string) {
  const scope = await resolveFieldScope(deps, actor);
  const h = await getScopedHousehold({ db: deps.db, scope }, id);
  const people = await repo.listLivePeople(deps.db, [id]);
  return toHouseholdView(h, people, (await villageNames(deps, scope)).get(h.villageId) ?? '');
}

/** Every write, applied or not, newest first: who changed what, from which device time. */
export async function getHouseholdHistory(deps: AppDeps, actor: Actor | undefined, id: string, limit: number) {
  const scope = await resolveFieldScope(deps, actor);
  await getScopedHousehold({ db: deps.db, scope }, id);
  const rows = await repo.listHistory(deps.db, id, limit);
  return rows.map((r) => ({
    entity: r.entity, entityId: r.entityId, field: r.field, oldValue: maskHistoryValue(r.field, r.oldValue), newValue: maskHistoryValue(r.field, r.newValue),
    baseValue: maskHistoryValue(r.field, r.baseValue), outcome: r.outcome, source: r.source, actorName: r.actorName,
    deviceAt: r.deviceAt.toISOString(), serverAt: r.serverAt.toISOString(), commandId: r.commandId,
  }));
}

/** "Show" on a person: the full phone and ID number, with an audit row (Decree 13/2023). */
export async function revealPerson(deps: AppDeps, actor: Actor | undefined, personId: string) {
  const scope = await resolveFieldScope(deps, actor);
  const p = await getScopedPerson({ db: deps.db, scope }, personId);
  await writeAudit(deps.db, actor, deps.now(), {
    action: 'household_person.reveal', entity: 'household_person', entityId: p.id, communeCode: p.communeCode, details: { fields: ['phone', 'idNumber'] },
  });
  return { phone: p.phone, idNumber: p.idNumber };
}

export async function checkDuplicates(deps: AppDeps, actor: Actor | undefined, villageId: string, headName: string) {
  const scope = await resolveFieldScope(deps, actor);
  assertVillageInScope(scope, villageId);
  const same = await repo.findSameHead(deps.db, villageId, foldVietnamese(headName));
  const people = await repo.listLivePeople(deps.db, same.map((h) => h.id));
  return same.map((h) => ({ id: h.id, headName: h.headName, villageId: h.villageId, address: h.address, memberCount: people.filter((p) => p.householdId === h.id).length }));
}

/**
 * Targeting list: households of my villages where no adult has X yet (or someone needs
 * full help), households with an elderly person first, then by village and head name.
 */
export async function listTargets(deps: AppDeps, actor: Actor | undefined, need: TargetNeed, villageId?: string) {
  const { households, people, names } = await loadScoped(deps, actor, villageId);
  const year = Number(toLocalDate(deps.now()).slice(0, 4));
  return households
    .filter((h) => householdMatches(need, (people.get(h.id) ?? []).filter((p) => isAdult(p.birthYear, year)).map(readinessOf)))
    .map((h) => summaryOf(h, people.get(h.id) ?? [], names, year))
    .sort((a, b) => Number(b.hasElderly) - Number(a.hasElderly) || compareVietnamese(a.villageName, b.villageName) || compareVietnamese(a.headName, b.headName));
}

/** The same list as a CSV file for printing or a meeting; every export is audited. */
export async function exportTargetsCsv(deps: AppDeps, actor: Actor | undefined, need: TargetNeed, villageId?: string): Promise<string> {
  const rows = await listTargets(deps, actor, need, villageId);
  const scope = await resolveFieldScope(deps, actor);
  await writeAudit(deps.db, actor, deps.now(), {
    action: 'households.export', entity: 'household_list', entityId: need, communeCode: scope.communeCode,
    details: { need, villageId: villageId ?? null, rows: rows.length },
  });
  const esc = (s: string) => (/[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [['Thôn/Tổ dân phố', 'Chủ hộ', 'Địa chỉ', 'Số người', 'Có người cao tuổi'].join(',')];
  for (const r of rows) lines.push([r.villageName, r.headName, r.address ?? '', String(r.memberCount), r.hasElderly ? 'Có' : 'Không'].map(esc).join(','));
  // BOM: Excel on Vietnamese Windows opens UTF-8 CSV correctly only with it.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
