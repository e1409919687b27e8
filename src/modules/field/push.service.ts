import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../platform/auth';
import { AppError, badRequest, describeZodIssue } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { assistedSubmissionBody, consents, submitAssisted } from '../outreach';
import { runCommandOnce, syncCommands, type CommandOutcome, type CommandReason } from '../sync';
import { resolveFieldScope, type FieldScope } from '../teams';
import { commandHandlers, commandTypes } from './commands';

export const commandEnvelope = z
  .object({
    /** Generated on the device (a UUID): the key that makes a retry harmless. */
    commandId: z.string().regex(/^[\w-]{8,64}$/),
    type: z.enum(commandTypes),
    /** When the member did it, by the device clock (the server caps it at its own time). */
    deviceAt: z.iso.datetime({ offset: true }).optional(),
    payload: z.unknown(),
  })
  .strict();

export interface ItemResult extends CommandOutcome {
  index: number;
}

const serverBusy: CommandReason = { code: 'TRY_AGAIN', vi: 'Máy chủ chưa xử lý được, sẽ tự gửi lại', en: 'The server could not process it now; it will be resent' };

/**
 * Applies each command on its own, in order: one that fails or needs attention never stops
 * the ones after it. Each answer is pending, applied or needs_attention, with a reason in
 * Vietnamese and English.
 */
export async function pushCommands(deps: AppDeps, actor: Actor | undefined, items: unknown[]): Promise<ItemResult[]> {
  const scope = await resolveFieldScope(deps, actor);
  const out: ItemResult[] = [];
  for (const [index, raw] of items.entries()) out.push({ index, ...(await runOne(deps, scope, raw)) });
  return out;
}

async function runOne(deps: AppDeps, scope: FieldScope, raw: unknown): Promise<CommandOutcome> {
  const env = commandEnvelope.safeParse(raw);
  if (!env.success) {
    const id = (raw as { commandId?: unknown } | null)?.commandId;
    return {
      commandId: typeof id === 'string' ? id : '', status: 'needs_attention', replayed: false,
      reason: { code: 'COMMAND_INVALID', vi: 'Lệnh gửi lên không đúng dạng', en: 'The command is malformed', fields: env.error.issues.map((i) => describeZodIssue(i)) },
    };
  }
  const { commandId, type, payload } = env.data;
  const who = { actorId: scope.actor.accountId, communeCode: scope.communeCode };
  const envelope = { commandId, type, payload, deviceAt: env.data.deviceAt ? new Date(env.data.deviceAt) : undefined };
  try {
    if (type === 'dossier.assist') return await runAssist(deps, scope, envelope);
    const h = commandHandlers[type];
    return await runCommandOnce(deps, who, envelope, async (ctx) => {
      const input = parsePayload(h.schema, payload);
      return (await h.apply(deps, { ...ctx, scope }, input as never)) as Record<string, unknown>;
    });
  } catch (err) {
    deps.log.error({ err, commandId, type }, 'sync command failed; the device will retry');
    return { commandId, status: 'pending', reason: serverBusy, replayed: false };
  }
}

function parsePayload(schema: z.ZodType, payload: unknown): unknown {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw badRequest('PAYLOAD_INVALID', { vi: 'Thông tin ghi nhận chưa đúng', en: 'Some recorded values are not valid' }, parsed.error.issues.map((i) => describeZodIssue(i, 'payload')));
  }
  return parsed.data;
}

/**
 * An assisted submission recorded offline. Filing runs in the dossiers module's own
 * transaction and is idempotent by its consent, so it happens first; the command's record
 * then stores the answer. A signature still on its way keeps the command pending.
 */
async function runAssist(deps: AppDeps, scope: FieldScope, env: { commandId: string; type: string; payload: unknown; deviceAt?: Date }): Promise<CommandOutcome> {
  const who = { actorId: scope.actor.accountId, communeCode: scope.communeCode };
  let filed: Record<string, unknown> | AppError | undefined;
  const parsed = assistedSubmissionBody.safeParse(env.payload);
  const [stored] = await deps.db.select({ id: syncCommands.commandId }).from(syncCommands).where(eq(syncCommands.commandId, env.commandId));
  if (parsed.success && !stored) {
    const [c] = await deps.db.select({ status: consents.status }).from(consents).where(eq(consents.id, parsed.data.consentId));
    if (!c || c.status === 'awaiting_signature') {
      return { commandId: env.commandId, status: 'pending', replayed: false, reason: { code: 'WAITING_FOR_CONSENT', vi: 'Đang chờ bản ghi đồng ý hoặc ảnh chữ ký được gửi lên', en: 'Waiting for the consent record or its signature upload' } };
    }
    filed = await submitAssisted(deps, scope.actor, parsed.data).then((r) => r as unknown as Record<string, unknown>, (err) => {
      if (err instanceof AppError) return err;
      throw err;
    });
  }
  return runCommandOnce(deps, who, env, async () => {
    if (!parsed.success) parsePayload(assistedSubmissionBody, env.payload);
    if (!filed) throw new Error('assisted submission raced with a replay');
    if (filed instanceof AppError) throw filed;
    return filed!;
  });
}

