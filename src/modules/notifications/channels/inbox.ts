import type { Db } from '../../../platform/db';
import { notificationInbox } from '../notifications.schema';
import type { ChannelAdapter, OutgoingMessage } from './types';

/** The citizen portal's inbox: always reachable for a citizen with an account, so it is the last fallback. */
export function createInboxChannel(db: Db, now: () => Date): ChannelAdapter {
  return {
    channel: 'inapp',
    provider: 'inbox',
    canSend: (m) => Boolean(m.to.citizenId),
    async send(m: OutgoingMessage) {
      // The outbox id is unique: a retried delivery files the message once.
      await db
        .insert(notificationInbox)
        .values({
          id: crypto.randomUUID(), citizenId: m.to.citizenId!, outboxId: m.outboxId, template: m.template,
          subjectRef: m.subjectRef, bodyVi: m.text.vi, bodyEn: m.text.en, createdAt: now(),
        })
        .onConflictDoNothing();
      return {};
    },
  };
}
