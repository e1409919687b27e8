import type { Db } from '../../platform/db';
import type { ChangeItem } from '../sync';
import type { FieldScope } from '../teams';
import type { Clock } from '../../shared/field/merge';

/**
 * What every household write runs with: the caller's transaction (an offline command's,
 * an import's, a leader's resolution), who writes, and when by the device clock.
 */
export interface WriteCtx {
  db: Db;
  scope: FieldScope;
  now: Date;
  deviceAt: Date;
  /** The device's command id; null for server-side writes (imports, resolutions). */
  commandId: string | null;
  /** Pull-log entries, written by the caller at the end of the transaction. */
  changes: ChangeItem[];
}

export function writerName(ctx: WriteCtx): string {
  return ctx.scope.member?.fullName ?? ctx.scope.actor.fullName;
}

export function clockOf(ctx: WriteCtx): Clock {
  return { at: ctx.deviceAt.toISOString(), cmd: ctx.commandId ?? `server:${ctx.now.toISOString()}`, by: writerName(ctx) };
}
