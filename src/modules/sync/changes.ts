import { and, asc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { syncChanges, syncCounters } from './sync.schema';

export interface ChangeItem {
  entity: string;
  entityId: string;
  villageId: string | null;
  op: 'upsert' | 'delete';
}

export interface ChangeRow extends ChangeItem {
  seq: number;
  at: Date;
}

/**
 * Appends changes to the commune's log. Call it LAST in the transaction: it takes the
 * commune's counter row lock, held until commit, which orders commits by number. Being
 * last, a transaction never waits for another lock while holding this one (no deadlock).
 */
export async function recordChanges(db: Db, communeCode: string, items: ChangeItem[], now: Date): Promise<void> {
  const unique = dedupe(items);
  if (unique.length === 0) return;
  const [row] = await db
    .insert(syncCounters)
    .values({ communeCode, lastSeq: unique.length })
    .onConflictDoUpdate({ target: syncCounters.communeCode, set: { lastSeq: sql`${syncCounters.lastSeq} + ${unique.length}` } })
    .returning({ last: syncCounters.lastSeq });
  const first = row!.last - unique.length + 1;
  for (let i = 0; i < unique.length; i += 500) {
    await db.insert(syncChanges).values(unique.slice(i, i + 500).map((c, j) => ({ ...c, communeCode, seq: first + i + j, at: now })));
  }
}

function dedupe(items: ChangeItem[]): ChangeItem[] {
  const byKey = new Map<string, ChangeItem>();
  for (const c of items) byKey.set(`${c.entity}:${c.entityId}:${c.villageId ?? ''}`, c);
  return [...byKey.values()];
}

export interface CounterState {
  lastSeq: number;
  minSeq: number;
  prunedAt: Date | null;
}

export async function readCounter(db: Db, communeCode: string): Promise<CounterState> {
  const [row] = await db.select().from(syncCounters).where(eq(syncCounters.communeCode, communeCode));
  return row ? { lastSeq: row.lastSeq, minSeq: row.minSeq, prunedAt: row.prunedAt } : { lastSeq: 0, minSeq: 0, prunedAt: null };
}

/** Changes after `afterSeq` in the given villages (and commune-wide ones), oldest first. */
export async function readChanges(db: Db, communeCode: string, afterSeq: number, villageIds: string[], limit: number): Promise<ChangeRow[]> {
  const inScope = villageIds.length ? or(isNull(syncChanges.villageId), inArray(syncChanges.villageId, villageIds)) : isNull(syncChanges.villageId);
  const rows = await db
    .select()
    .from(syncChanges)
    .where(and(eq(syncChanges.communeCode, communeCode), gt(syncChanges.seq, afterSeq), inScope))
    .orderBy(asc(syncChanges.seq))
    .limit(limit);
  return rows.map((r) => ({ entity: r.entity, entityId: r.entityId, villageId: r.villageId, op: r.op, seq: r.seq, at: r.at }));
}

/** How many changes wait behind a cursor, counting no further than `cap`. */
export async function countChangesAfter(db: Db, communeCode: string, afterSeq: number, cap: number): Promise<number> {
  const rows = await db
    .select({ seq: syncChanges.seq })
    .from(syncChanges)
    .where(and(eq(syncChanges.communeCode, communeCode), gt(syncChanges.seq, afterSeq)))
    .limit(cap);
  return rows.length;
}

/**
 * Drops log entries older than `before` and raises the low-water mark, so the log stays
 * small; a device whose cursor is behind the mark is told to do a full resync.
 */
export async function pruneChanges(db: Db, communeCode: string, before: Date, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const old = await tx
      .select({ seq: syncChanges.seq })
      .from(syncChanges)
      .where(and(eq(syncChanges.communeCode, communeCode), lte(syncChanges.at, before)))
      .orderBy(sql`${syncChanges.seq} desc`)
      .limit(1);
    const mark = old[0]?.seq;
    if (mark === undefined) {
      await tx.update(syncCounters).set({ prunedAt: now }).where(eq(syncCounters.communeCode, communeCode));
      return 0;
    }
    const deleted = await tx
      .delete(syncChanges)
      .where(and(eq(syncChanges.communeCode, communeCode), lte(syncChanges.seq, mark)))
      .returning({ seq: syncChanges.seq });
    await tx
      .update(syncCounters)
      .set({ minSeq: sql`greatest(${syncCounters.minSeq}, ${mark})`, prunedAt: now })
      .where(eq(syncCounters.communeCode, communeCode));
    return deleted.length;
  });
}
