import { and, asc, desc, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { queueCounters, queueDailyStats, queueGroups, queueSequences, queueTickets, type QueueTicketRow } from './counter.schema';

export async function selectGroups(db: Db, communeCode: string) {
  return db.select().from(queueGroups).where(and(eq(queueGroups.communeCode, communeCode), eq(queueGroups.active, true))).orderBy(asc(queueGroups.sort));
}

export async function replaceGroups(db: Db, communeCode: string, groups: { key: string; name: string; nameEn: string; letter: string }[], now: Date) {
  // Letters must stay unique while rows are rewritten: retire every row, then upsert the new list.
  await db.delete(queueGroups).where(eq(queueGroups.communeCode, communeCode));
  if (groups.length) await db.insert(queueGroups).values(groups.map((g, i) => ({ ...g, communeCode, sort: i, active: true, updatedAt: now })));
}

export async function selectCounters(db: Db, communeCode: string) {
  return db.select().from(queueCounters).where(and(eq(queueCounters.communeCode, communeCode), eq(queueCounters.active, true))).orderBy(asc(queueCounters.number));
}

export async function findCounter(db: Db, communeCode: string, id: string, forUpdate = false) {
  const q = db.select().from(queueCounters).where(and(eq(queueCounters.communeCode, communeCode), eq(queueCounters.id, id), eq(queueCounters.active, true))).limit(1);
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

/** Counters keep their id across edits (matched by number); those left out are deactivated, not deleted. */
export async function replaceCounters(db: Db, communeCode: string, counters: { number: number; name: string; groupKeys: string[] }[], now: Date) {
  await db.update(queueCounters).set({ active: false, updatedAt: now }).where(eq(queueCounters.communeCode, communeCode));
  for (const c of counters) {
    await db.insert(queueCounters).values({ id: crypto.randomUUID(), communeCode, ...c, active: true, updatedAt: now })
      .onConflictDoUpdate({ target: [queueCounters.communeCode, queueCounters.number], set: { name: c.name, groupKeys: c.groupKeys, active: true, updatedAt: now } });
  }
}

export async function nextSequence(db: Db, communeCode: string, groupKey: string, day: string): Promise<number> {
  const [row] = await db.insert(queueSequences).values({ communeCode, groupKey, day, lastSeq: 1 })
    .onConflictDoUpdate({ target: [queueSequences.communeCode, queueSequences.groupKey, queueSequences.day], set: { lastSeq: sql`${queueSequences.lastSeq} + 1` } })
    .returning({ seq: queueSequences.lastSeq });
  return row!.seq;
}

export async function insertTicketIfNew(db: Db, row: typeof queueTickets.$inferInsert): Promise<boolean> {
  const rows = await db.insert(queueTickets).values(row).onConflictDoNothing().returning({ id: queueTickets.id });
  return rows.length === 1;
}

export async function findTicketByKey(db: Db, communeCode: string, key: string) {
  const [row] = await db.select().from(queueTickets).where(and(eq(queueTickets.communeCode, communeCode), eq(queueTickets.idempotencyKey, key))).limit(1);
  return row;
}

const waitingOf = (communeCode: string, day: string) =>
  and(eq(queueTickets.communeCode, communeCode), eq(queueTickets.day, day), eq(queueTickets.status, 'waiting'));

export async function countWaitingByGroup(db: Db, communeCode: string, day: string): Promise<Map<string, number>> {
  const rows = await db.select({ groupKey: queueTickets.groupKey, n: sql<number>`count(*)::int` }).from(queueTickets).where(waitingOf(communeCode, day)).groupBy(queueTickets.groupKey);
  return new Map(rows.map((r) => [r.groupKey, r.n]));
}

/** The waiting ticket with exactly `ahead` people before it in its group's queue. */
export async function findWaitingAt(db: Db, communeCode: string, groupKey: string, day: string, ahead: number) {
  const [row] = await db.select().from(queueTickets).where(and(waitingOf(communeCode, day), eq(queueTickets.groupKey, groupKey)))
    .orderBy(asc(queueTickets.createdAt), asc(queueTickets.seq)).offset(ahead).limit(1);
  return row;
}

export async function findCurrentTicket(db: Db, counterId: string): Promise<QueueTicketRow | undefined> {
  const [row] = await db.select().from(queueTickets).where(and(eq(queueTickets.counterId, counterId), eq(queueTickets.status, 'called'))).orderBy(desc(queueTickets.calledAt)).limit(1);
  return row;
}

export async function selectCalledTickets(db: Db, communeCode: string, day: string) {
  return db.select().from(queueTickets).where(and(eq(queueTickets.communeCode, communeCode), eq(queueTickets.day, day), eq(queueTickets.status, 'called')));
}

/**
 * Takes the oldest waiting ticket of the given groups and locks it; two counters
 * pressing "next" together never get the same person (SKIP LOCKED).
 */
export async function lockNextWaiting(db: Db, communeCode: string, day: string, groupKeys: string[]) {
  if (groupKeys.length === 0) return undefined;
  const [row] = await db.select().from(queueTickets).where(and(waitingOf(communeCode, day), inArray(queueTickets.groupKey, groupKeys)))
    .orderBy(asc(queueTickets.createdAt), asc(queueTickets.seq)).limit(1).for('update', { skipLocked: true });
  return row;
}

export async function updateTicket(db: Db, id: string, set: Partial<typeof queueTickets.$inferInsert>): Promise<QueueTicketRow> {
  const [row] = await db.update(queueTickets).set(set).where(eq(queueTickets.id, id)).returning();
  return row!;
}

export async function recentCalls(db: Db, communeCode: string, day: string, limit: number) {
  return db.select().from(queueTickets).where(and(eq(queueTickets.communeCode, communeCode), eq(queueTickets.day, day), isNotNull(queueTickets.calledAt)))
    .orderBy(desc(queueTickets.calledAt)).limit(limit);
}

export interface StatsDelta { tickets?: number; called?: number; served?: number; skipped?: number; waitSeconds?: number; serviceSeconds?: number }

/** Adds to the day's counters of a group (one upsert, in the caller's transaction). */
export async function bumpStats(db: Db, communeCode: string, day: string, groupKey: string, d: StatsDelta): Promise<void> {
  const s = queueDailyStats;
  const wait = d.waitSeconds ?? 0;
  await db.insert(s).values({
    communeCode, day, groupKey, tickets: d.tickets ?? 0, called: d.called ?? 0, served: d.served ?? 0, skipped: d.skipped ?? 0,
    waitSecondsTotal: wait, waitSecondsMax: wait, serviceSecondsTotal: d.serviceSeconds ?? 0,
  }).onConflictDoUpdate({
    target: [s.communeCode, s.day, s.groupKey],
    set: {
      tickets: sql`${s.tickets} + ${d.tickets ?? 0}`, called: sql`${s.called} + ${d.called ?? 0}`,
      served: sql`${s.served} + ${d.served ?? 0}`, skipped: sql`${s.skipped} + ${d.skipped ?? 0}`,
      waitSecondsTotal: sql`${s.waitSecondsTotal} + ${wait}`, waitSecondsMax: sql`greatest(${s.waitSecondsMax}, ${wait})`,
      serviceSecondsTotal: sql`${s.serviceSecondsTotal} + ${d.serviceSeconds ?? 0}`,
    },
  });
}

export async function selectStats(db: Db, communeCode: string, from: string, to: string) {
  return db.select().from(queueDailyStats).where(and(eq(queueDailyStats.communeCode, communeCode), gte(queueDailyStats.day, from), lte(queueDailyStats.day, to)))
    .orderBy(asc(queueDailyStats.day), asc(queueDailyStats.groupKey));
}

/** People still waiting before this ticket in its group's queue. */
export async function countWaitingAhead(db: Db, t: QueueTicketRow): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(queueTickets).where(and(
    waitingOf(t.communeCode, t.day), eq(queueTickets.groupKey, t.groupKey),
    sql`(${queueTickets.createdAt}, ${queueTickets.seq}) < (${t.createdAt}, ${t.seq})`,
  ));
  return row?.n ?? 0;
}

export interface QueueStatsTotals {
  communeCode: string;
  /** The local day, or 'YYYY-MM' when summed by month. */
  period: string;
  groupKey: string;
  tickets: number;
  called: number;
  served: number;
  skipped: number;
  waitSecondsTotal: number;
  waitSecondsMax: number;
  serviceSecondsTotal: number;
}

/** queue_daily_stats summed per commune, day or month, and group, over local days [fromDay, toDay] (primary key range). */
export async function sumStats(db: Db, communeCodes: string[], fromDay: string, toDay: string, by: 'day' | 'month'): Promise<QueueStatsTotals[]> {
  if (communeCodes.length === 0) return [];
  const s = queueDailyStats;
  const period = by === 'day' ? sql<string>`${s.day}` : sql<string>`substr(${s.day}, 1, 7)`;
  return db.select({
    communeCode: s.communeCode, period, groupKey: s.groupKey,
    tickets: sql<number>`sum(${s.tickets})::int`, called: sql<number>`sum(${s.called})::int`, served: sql<number>`sum(${s.served})::int`,
    skipped: sql<number>`sum(${s.skipped})::int`, waitSecondsTotal: sql<number>`sum(${s.waitSecondsTotal})::float8`,
    waitSecondsMax: sql<number>`max(${s.waitSecondsMax})::int`, serviceSecondsTotal: sql<number>`sum(${s.serviceSecondsTotal})::float8`,
  }).from(s)
    .where(and(inArray(s.communeCode, communeCodes), gte(s.day, fromDay), lte(s.day, toDay)))
    .groupBy(s.communeCode, period, s.groupKey);
}
