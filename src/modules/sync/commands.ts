import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { recordChanges, type ChangeItem } from './changes';
import { syncCommands, type CommandReason } from './sync.schema';

/** The command cannot be applied as sent; a person must look at it. Stored: a replay gets the same answer. */
export class NeedsAttention extends Error {
  constructor(readonly reason: CommandReason) {
    super(`${reason.code}: ${reason.en}`);
  }
}

/** Not yet: something it needs has not arrived (e.g. a signature upload). Not stored: the device retries. */
export class StillPending extends Error {
  constructor(readonly reason: CommandReason) {
    super(`${reason.code}: ${reason.en}`);
  }
}

export interface CommandEnvelope {
  commandId: string;
  type: string;
  payload: unknown;
  /** When the member did it, by the device clock. */
  deviceAt?: Date;
}

export interface CommandContext {
  /** The transaction: every effect of the command commits or rolls back with its record. */
  db: Db;
  now: Date;
  /** The device time, never later than the server's clock (the server has the final say). */
  deviceAt: Date;
  commandId: string;
  /** Changes to publish to the pull log; written at the end of the transaction. */
  changes: ChangeItem[];
}

export type CommandStatus = 'applied' | 'pending' | 'needs_attention';

export interface CommandOutcome {
  commandId: string;
  status: CommandStatus;
  result?: Record<string, unknown>;
  reason?: CommandReason;
  replayed: boolean;
}

class Replay extends Error {}

/**
 * Applies a command exactly once. Its record is inserted first, in the same transaction as
 * its effects; a second delivery (retry after a lost response, two tabs, a replayed outbox)
 * hits the primary key and receives the stored outcome instead of applying it again.
 */
export async function runCommandOnce(
  deps: AppDeps,
  who: { actorId: string; communeCode: string },
  env: CommandEnvelope,
  apply: (ctx: CommandContext) => Promise<Record<string, unknown>>,
): Promise<CommandOutcome> {
  const payloadHash = hashCommand(env.type, env.payload);
  const stored = await findCommand(deps.db, env.commandId);
  if (stored) return replayOf(stored, who.actorId, payloadHash);
  const now = deps.now();
  const deviceAt = env.deviceAt && env.deviceAt.getTime() < now.getTime() ? env.deviceAt : now;
  const base = { commandId: env.commandId, actorId: who.actorId, communeCode: who.communeCode, type: env.type, payloadHash, deviceAt, receivedAt: now };
  try {
    const result = await deps.db.transaction(async (tx) => {
      const inserted = await tx.insert(syncCommands).values({ ...base, status: 'applied' }).onConflictDoNothing().returning({ id: syncCommands.commandId });
      if (inserted.length === 0) throw new Replay();
      const ctx: CommandContext = { db: tx, now, deviceAt, commandId: env.commandId, changes: [] };
      const out = await apply(ctx);
      await tx.update(syncCommands).set({ result: out }).where(eq(syncCommands.commandId, env.commandId));
      await recordChanges(tx, who.communeCode, ctx.changes, now);
      return out;
    });
    return { commandId: env.commandId, status: 'applied', result, replayed: false };
  } catch (err) {
    if (err instanceof StillPending) return { commandId: env.commandId, status: 'pending', reason: err.reason, replayed: false };
    const reason = reasonOf(err);
    if (!reason && !(err instanceof Replay)) throw err;
    const ours = reason
      ? await deps.db.insert(syncCommands).values({ ...base, status: 'needs_attention', reason }).onConflictDoNothing().returning({ id: syncCommands.commandId })
      : [];
    const row = await findCommand(deps.db, env.commandId);
    if (!row) throw err;
    return { ...replayOf(row, who.actorId, payloadHash), replayed: ours.length === 0 };
  }
}

type StoredCommand = typeof syncCommands.$inferSelect;

async function findCommand(db: Db, commandId: string): Promise<StoredCommand | undefined> {
  const [row] = await db.select().from(syncCommands).where(eq(syncCommands.commandId, commandId));
  return row;
}

function replayOf(row: StoredCommand, actorId: string, payloadHash: string): CommandOutcome {
  if (row.actorId !== actorId || row.payloadHash !== payloadHash) {
    return {
      commandId: row.commandId,
      status: 'needs_attention',
      reason: {
        code: 'COMMAND_ID_REUSED',
        vi: 'Mã lệnh này đã được dùng cho một thao tác khác',
        en: 'This command id was already used for a different command',
      },
      replayed: true,
    };
  }
  return {
    commandId: row.commandId,
    status: row.status,
    ...(row.result ? { result: row.result } : {}),
    ...(row.reason ? { reason: row.reason } : {}),
    replayed: true,
  };
}

/** A rule the command broke (a 4xx in the REST API) becomes a stored "needs attention". */
function reasonOf(err: unknown): CommandReason | undefined {
  if (err instanceof NeedsAttention) return err.reason;
  if (err instanceof AppError && err.status >= 400 && err.status < 500) {
    return { code: err.code, vi: err.text.vi, en: err.text.en, ...(err.fields ? { fields: err.fields } : {}) };
  }
  return undefined;
}

export function hashCommand(type: string, payload: unknown): string {
  return createHash('sha256').update(`${type}\n${canonicalJson(payload)}`).digest('hex');
}

/** JSON with sorted keys, so the same command hashes the same whatever the device's key order. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
