import { and, eq, gte, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/auth';
import type { AppDeps } from '../../platform/http';
import { listVillages } from '../admin-units';
import { householdPeople, households, listLiveHouseholds, listLivePeople, toPersonView } from '../households';
import { campaigns, describeProgress, supportActs, toSupportActView } from '../outreach';
import {
  countChangesAfter, decideResync, decodeCursor, encodeCursor, pruneChanges, readChanges, readCounter, scopeKeyOf, type ChangeRow, type CounterState,
} from '../sync';
import { resolveFieldScope, type FieldScope } from '../teams';

/** Beyond this many waiting changes, one snapshot is cheaper than paging them on 3G. */
export const MAX_PENDING_CHANGES = 5000;
/** Log entries older than this are pruned; a device offline longer resyncs. */
export const CHANGE_RETENTION_DAYS = 60;
const DAY = 86_400_000;

type Entity = { seq: number; entity: string; id: string; op: 'upsert' | 'delete'; data: Record<string, unknown> | null };

const householdData = (h: typeof households.$inferSelect) => ({
  id: h.id, villageId: h.villageId, headName: h.headName, address: h.address, notes: h.notes, version: h.version, updatedAt: h.updatedAt.toISOString(),
});
const personData = (p: typeof householdPeople.$inferSelect) => ({ ...toPersonView(p), villageId: p.villageId });

async function villagesOf(deps: AppDeps, scope: FieldScope) {
  return (await listVillages(deps, scope.communeCode)).filter((v) => scope.villageIds.includes(v.id)).map((v) => ({ id: v.id, name: v.name }));
}

/**
 * What changed in my villages since the cursor, oldest first, deletions included. Records that
 * left my villages or were removed come as 'delete'. When the cursor is unknown, from before the
 * pruned part of the log, from another set of villages, or too far behind: "resync".
 */
export async function pullChanges(deps: AppDeps, actor: Actor | undefined, cursorText: string, limit: number) {
  const scope = await resolveFieldScope(deps, actor);
  const counter = await maybePrune(deps, scope.communeCode, await readCounter(deps.db, scope.communeCode));
  const scopeKey = scopeKeyOf(scope.villageIds);
  const cursor = decodeCursor(cursorText);
  const pending = cursor ? await countChangesAfter(deps.db, scope.communeCode, cursor.seq, MAX_PENDING_CHANGES) : 0;
  const reason = decideResync(cursor, { scopeKey, ...counter }, pending, MAX_PENDING_CHANGES);
  const villages = await villagesOf(deps, scope);
  if (reason) return { mode: 'resync' as const, resyncReason: reason, cursor: cursorText, hasMore: false, changes: [], villages };
  const rows = await readChanges(deps.db, scope.communeCode, cursor!.seq, scope.villageIds, limit);
  const changes = await loadEntities(deps, scope, rows);
  const last = rows.at(-1)?.seq ?? cursor!.seq;
  return { mode: 'changes' as const, cursor: encodeCursor({ seq: last, scopeKey }), hasMore: rows.length === limit, changes, villages };
}

async function maybePrune(deps: AppDeps, communeCode: string, counter: CounterState): Promise<CounterState> {
  const now = deps.now();
  if (counter.lastSeq === 0 || (counter.prunedAt && now.getTime() - counter.prunedAt.getTime() < DAY)) return counter;
  await pruneChanges(deps.db, communeCode, new Date(now.getTime() - CHANGE_RETENTION_DAYS * DAY), now);
  return readCounter(deps.db, communeCode);
}

/** The current state of each changed record (a later change of the same record only repeats it). */
async function loadEntities(deps: AppDeps, scope: FieldScope, rows: ChangeRow[]): Promise<Entity[]> {
  const latest = new Map<string, ChangeRow>();
  for (const r of rows) latest.set(`${r.entity}:${r.entityId}`, r);
  const ids = (entity: string) => [...latest.values()].filter((r) => r.entity === entity).map((r) => r.entityId);
  const inScope = (villageId: string) => scope.villageIds.includes(villageId);
  const hs = ids('household').length ? await deps.db.select().from(households).where(inArray(households.id, ids('household'))) : [];
  const ps = ids('person').length ? await deps.db.select().from(householdPeople).where(inArray(householdPeople.id, ids('person'))) : [];
  const acts = ids('support_act').length ? await deps.db.select().from(supportActs).where(inArray(supportActs.id, ids('support_act'))) : [];
  const camps = ids('campaign').length ? await deps.db.select().from(campaigns).where(inArray(campaigns.id, ids('campaign'))) : [];
  const out: Entity[] = [];
  for (const r of [...latest.values()].sort((a, b) => a.seq - b.seq)) {
    const base = { seq: r.seq, entity: r.entity, id: r.entityId };
    const gone = { ...base, op: 'delete' as const, data: null };
    if (r.entity === 'household') {
      const h = hs.find((x) => x.id === r.entityId);
      out.push(h && !h.deletedAt && inScope(h.villageId) ? { ...base, op: 'upsert', data: householdData(h) } : gone);
    } else if (r.entity === 'person') {
      const p = ps.find((x) => x.id === r.entityId);
      out.push(p && !p.deletedAt && inScope(p.villageId) ? { ...base, op: 'upsert', data: personData(p) } : gone);
    } else if (r.entity === 'support_act') {
      const a = acts.find((x) => x.id === r.entityId);
      out.push(a && inScope(a.villageId) ? { ...base, op: 'upsert', data: toSupportActView(a, '', null) } : gone);
    } else if (r.entity === 'campaign') {
      const c = camps.find((x) => x.id === r.entityId);
      out.push(c ? { ...base, op: 'upsert', data: await campaignData(deps, scope, c) } : gone);
    }
  }
  return out;
}

async function campaignData(deps: AppDeps, scope: FieldScope, c: typeof campaigns.$inferSelect) {
  const p = await describeProgress(deps, c);
  return { ...p, villages: p.villages.filter((v) => scope.villageIds.includes(v.villageId)) };
}

/**
 * Everything a device holds for my villages, and the cursor to pull from next. The counter is
 * read before the data: a change made meanwhile is in the data and comes again in the next
 * pull (an upsert repeated is harmless), never missed.
 */
export async function snapshot(deps: AppDeps, actor: Actor | undefined) {
  const scope = await resolveFieldScope(deps, actor);
  const counter = await readCounter(deps.db, scope.communeCode);
  const hs = await listLiveHouseholds(deps.db, scope.villageIds);
  const ps = await listLivePeople(deps.db, hs.map((h) => h.id));
  const since = new Date(deps.now().getTime() - 90 * DAY);
  const acts = scope.villageIds.length
    ? await deps.db.select().from(supportActs).where(and(eq(supportActs.communeCode, scope.communeCode), inArray(supportActs.villageId, scope.villageIds), gte(supportActs.occurredAt, since)))
    : [];
  const camps = await deps.db.select().from(campaigns).where(eq(campaigns.communeCode, scope.communeCode));
  const progress = await Promise.all(camps.map((c) => campaignData(deps, scope, c)));
  return {
    cursor: encodeCursor({ seq: counter.lastSeq, scopeKey: scopeKeyOf(scope.villageIds) }),
    villages: await villagesOf(deps, scope),
    households: hs.map(householdData),
    people: ps.map(personData),
    supportActs: acts.map((a) => toSupportActView(a, '', null)),
    campaigns: progress.filter((p) => p.status !== 'ended'),
  };
}
