import { desc, eq } from 'drizzle-orm';
import type { AppDeps } from '../../platform/http';
import { DeliveryError, type ClaimedMessage } from '../../platform/outbox';
import { maskPhone } from '../../shared/validation';
import { devMessages } from './notifications.schema';
import { renderTemplate, type TemplateParams } from './templates';

export interface NotificationPayload {
  template: string;
  recipient: { phone?: string; email?: string };
  params: TemplateParams;
}

/**
 * Until real providers are configured, "sending" records the message and logs
 * it (phone masked). The outbox id is unique, so a retry never records it twice.
 */
export async function deliverToDevChannel(deps: AppDeps, message: ClaimedMessage): Promise<void> {
  const payload = message.payload as unknown as NotificationPayload;
  const body = renderTemplate(payload.template, payload.params ?? {});
  if (!body) throw new DeliveryError('permanent', `unknown template ${payload.template}`);
  const recipient = payload.recipient?.phone ?? payload.recipient?.email;
  if (!recipient) throw new DeliveryError('permanent', 'message has no recipient');
  await deps.db
    .insert(devMessages)
    .values({
      id: crypto.randomUUID(),
      outboxId: message.id,
      channel: 'dev',
      recipient,
      template: payload.template,
      subjectRef: message.subjectRef,
      communeCode: message.communeCode,
      bodyVi: body.vi,
      bodyEn: body.en,
      createdAt: deps.now(),
    })
    .onConflictDoNothing();
  const shown = payload.template === 'otp' ? body.vi.replace(/\d{6}/, '******') : body.vi;
  deps.log.info({ channel: 'dev', to: payload.recipient.phone ? maskPhone(recipient) : 'email', template: payload.template }, shown);
}

export async function listDevMessages(deps: AppDeps, opts: { recipient?: string; limit: number }) {
  const q = deps.db.select().from(devMessages);
  const filtered = opts.recipient ? q.where(eq(devMessages.recipient, opts.recipient)) : q;
  return filtered.orderBy(desc(devMessages.createdAt), desc(devMessages.outboxId)).limit(opts.limit);
}
