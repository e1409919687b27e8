import { eq } from 'drizzle-orm';
import type { StaffActor } from '../../platform/auth';
import { notFound } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { reopenOutboxMessage } from '../../platform/outbox';
import { maskPhone } from '../../shared/validation';
import { canAccessCommune } from '../admin-units';
import { dossiers } from '../dossiers';
import { maskEmail, notificationPayload } from './deliver.service';
import * as repo from './deliveries.repo';
import { shippedTemplates } from './templates';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Every message sent about a dossier and each channel tried, for staff of its commune; phones masked (Decree 13/2023). */
export async function dossierDeliveryLog(deps: AppDeps, actor: StaffActor, code: string) {
  const [d] = await deps.db.select({ communeCode: dossiers.communeCode }).from(dossiers).where(eq(dossiers.code, code)).limit(1);
  if (!d || !canAccessCommune(actor, d.communeCode)) {
    throw notFound('DOSSIER_NOT_FOUND', { vi: `Không tìm thấy hồ sơ ${code}`, en: `Dossier ${code} not found` });
  }
  const rows = await repo.listMessagesAbout(deps.db, code, 200);
  return rows.map(({ message: m, deliveries }) => {
    const payload = notificationPayload.safeParse(m.payload);
    const template = payload.success ? payload.data.template : '?';
    const to = payload.success ? payload.data.recipient : {};
    const delivered = [...deliveries].reverse().find((t) => t.status === 'delivered');
    return {
      id: m.id, template, labelVi: shippedTemplates[template]?.labelVi ?? template, labelEn: shippedTemplates[template]?.labelEn ?? template,
      status: m.status, recipient: to.phone ? maskPhone(to.phone) : to.email ? maskEmail(to.email) : '', attempts: m.attempts,
      createdAt: m.createdAt.toISOString(), finishedAt: iso(m.finishedAt), deliveredVia: delivered?.channel ?? null,
      tries: deliveries.map((t) => ({
        channel: t.channel, provider: t.provider, status: t.status, recipient: t.recipientMasked, templateVersion: t.templateVersion,
        error: t.error, startedAt: t.startedAt.toISOString(), finishedAt: iso(t.finishedAt), reportedAt: iso(t.reportedAt),
      })),
    };
  });
}

export interface ProviderReport {
  messageId: string;
  outcome: 'delivered' | 'failed';
}

const ID_FIELDS = ['messageId', 'message_id', 'msg_id', 'MessageId', 'id', 'requestId', 'RequestId', 'SmsId', 'tracking_id'];
const STATUS_FIELDS = ['status', 'Status', 'SendStatus', 'state', 'event_name'];
const DELIVERED = /^(delivered|delivrd|success|succeeded|ok|user_received_message)$/i;
const FAILED = /^(failed|fail|undeliv|undelivered|rejected|rejectd|expired|error|not_delivered)$/i;

/**
 * Providers report in their own shapes; xaso reads the common field names (JSON,
 * form or query string; Zalo's webhook nests them under `message`). Unknown
 * statuses (e.g. "queued") are acknowledged and ignored.
 */
export function parseProviderReport(input: Record<string, unknown>): ProviderReport | undefined {
  const nested = typeof input.message === 'object' && input.message ? (input.message as Record<string, unknown>) : {};
  const pick = (fields: string[]) => fields.map((f) => input[f] ?? nested[f]).find((v) => typeof v === 'string' || typeof v === 'number');
  const id = pick(ID_FIELDS);
  const status = pick(STATUS_FIELDS);
  if (id === undefined || status === undefined) return undefined;
  const s = String(status);
  const outcome = DELIVERED.test(s) ? 'delivered' : FAILED.test(s) ? 'failed' : undefined;
  return outcome ? { messageId: String(id), outcome } : undefined;
}

/**
 * Applies a provider's status report. A failure after acceptance marks the try
 * failed_permanent and reopens the message, so the worker falls back to the next channel.
 */
export async function applyProviderReport(deps: AppDeps, provider: string, report: ProviderReport): Promise<boolean> {
  const d = await repo.findDeliveryForReport(deps.db, provider, report.messageId);
  if (!d) return false;
  const now = deps.now();
  if (report.outcome === 'delivered') {
    await repo.markReported(deps.db, d.id, { reportedAt: now });
    return true;
  }
  await repo.markReported(deps.db, d.id, { status: 'failed_permanent', error: 'the provider reported it undelivered', reportedAt: now });
  await reopenOutboxMessage(deps.db, d.outboxId, now, `${d.channel} reported undelivered`);
  return true;
}
