import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { CitizenActor } from '../../platform/auth';
import { notFound, unprocessable } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { citizens, findCitizenById } from '../auth';
import type { ChannelName } from './channels/types';
import { getNotifier } from './notifier';
import { notificationInbox } from './notifications.schema';

export async function listInbox(deps: AppDeps, actor: CitizenActor, q: { unreadOnly: boolean; limit: number; offset: number }) {
  const mine = eq(notificationInbox.citizenId, actor.accountId);
  const rows = await deps.db
    .select()
    .from(notificationInbox)
    .where(q.unreadOnly ? and(mine, isNull(notificationInbox.readAt)) : mine)
    .orderBy(desc(notificationInbox.createdAt), desc(notificationInbox.outboxId))
    .limit(q.limit)
    .offset(q.offset);
  const [count] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(notificationInbox).where(and(mine, isNull(notificationInbox.readAt)));
  return {
    items: rows.map((r) => ({
      id: r.id, template: r.template, subjectRef: r.subjectRef, bodyVi: r.bodyVi, bodyEn: r.bodyEn,
      createdAt: r.createdAt.toISOString(), readAt: r.readAt?.toISOString() ?? null,
    })),
    unread: count?.n ?? 0,
  };
}

/** Marks one of the citizen's own messages read; someone else's message answers 404. */
export async function markInboxRead(deps: AppDeps, actor: CitizenActor, id: string): Promise<void> {
  const [row] = await deps.db.select().from(notificationInbox).where(and(eq(notificationInbox.id, id), eq(notificationInbox.citizenId, actor.accountId))).limit(1);
  if (!row) throw notFound('MESSAGE_NOT_FOUND', { vi: 'Không tìm thấy tin nhắn', en: 'Message not found' });
  if (!row.readAt) await deps.db.update(notificationInbox).set({ readAt: deps.now() }).where(eq(notificationInbox.id, id));
}

export async function markAllInboxRead(deps: AppDeps, actor: CitizenActor): Promise<number> {
  const rows = await deps.db
    .update(notificationInbox)
    .set({ readAt: deps.now() })
    .where(and(eq(notificationInbox.citizenId, actor.accountId), isNull(notificationInbox.readAt)))
    .returning({ id: notificationInbox.id });
  return rows.length;
}

export function availableChannels(deps: AppDeps): ChannelName[] {
  return [...getNotifier(deps).adapters.keys()];
}

export async function getPreferences(deps: AppDeps, actor: CitizenActor) {
  const c = await findCitizenById(deps.db, actor.accountId);
  return { preferredChannel: (c?.preferredChannel ?? 'sms') as ChannelName, email: c?.email ?? null, availableChannels: availableChannels(deps) };
}

/** Email as preferred channel needs an address; a channel this server cannot use is refused (422). */
export async function setPreferences(deps: AppDeps, actor: CitizenActor, body: { preferredChannel: ChannelName; email?: string | null }) {
  const current = await findCitizenById(deps.db, actor.accountId);
  const email = body.email === undefined ? (current?.email ?? null) : body.email;
  if (body.preferredChannel === 'email' && !email) {
    throw unprocessable('EMAIL_REQUIRED', { vi: 'Cần nhập địa chỉ email để nhận tin qua email', en: 'An e-mail address is needed to get messages by e-mail' });
  }
  if (!availableChannels(deps).includes(body.preferredChannel)) {
    throw unprocessable('CHANNEL_UNAVAILABLE', { vi: 'Kênh này chưa được xã cấu hình', en: 'This channel is not set up on this server' });
  }
  await deps.db.update(citizens).set({ preferredChannel: body.preferredChannel, email }).where(eq(citizens.id, actor.accountId));
  return getPreferences(deps, actor);
}
