import { createHash } from 'node:crypto';

/**
 * The pull cursor is opaque to the device: "<version>.<last change number>.<scope key>".
 * The scope key changes when the member's villages change, and then the device must
 * resync: it holds nothing of the new villages, and must drop what it may no longer see.
 */
const VERSION = 'c1';

export interface Cursor {
  seq: number;
  scopeKey: string;
}

export function scopeKeyOf(villageIds: readonly string[]): string {
  return createHash('sha256').update([...villageIds].sort().join(',')).digest('base64url').slice(0, 12);
}

export function encodeCursor(c: Cursor): string {
  return `${VERSION}.${c.seq}.${c.scopeKey}`;
}

/** undefined for anything this server did not write (an old app version, a typo). */
export function decodeCursor(s: string): Cursor | undefined {
  const parts = s.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION) return undefined;
  const seq = Number(parts[1]);
  const scopeKey = parts[2] ?? '';
  if (!/^\d{1,15}$/.test(parts[1] ?? '') || !Number.isSafeInteger(seq) || !/^[\w-]{12}$/.test(scopeKey)) return undefined;
  return { seq, scopeKey };
}

export type ResyncReason = 'unknown_cursor' | 'scope_changed' | 'pruned' | 'too_far_behind';

/** Pure rule: when is a full resync cheaper or necessary instead of paging changes? */
export function decideResync(
  cursor: Cursor | undefined,
  current: { scopeKey: string; minSeq: number; lastSeq: number },
  pendingCount: number,
  maxPending: number,
): ResyncReason | undefined {
  if (!cursor || cursor.seq > current.lastSeq) return 'unknown_cursor';
  if (cursor.scopeKey !== current.scopeKey) return 'scope_changed';
  if (cursor.seq < current.minSeq) return 'pruned';
  if (pendingCount >= maxPending) return 'too_far_behind';
  return undefined;
}
