import type { Db } from '../../../platform/db';
import { devMessages } from '../notifications.schema';
import type { ChannelAdapter, ChannelName, OutgoingMessage } from './types';

/**
 * Test mode (no provider configured, the default of `npm start`): the message is
 * recorded on the local channel that the demo page shows (GET /api/dev/messages),
 * under the channel it would have used. Nothing leaves the machine.
 */
export async function recordLocally(db: Db, now: Date, channel: ChannelName, m: OutgoingMessage): Promise<void> {
  await db
    .insert(devMessages)
    .values({
      id: crypto.randomUUID(), outboxId: m.outboxId, channel, recipient: m.to.phone ?? m.to.email ?? m.to.citizenId ?? '',
      template: m.template, subjectRef: m.subjectRef, communeCode: m.communeCode, bodyVi: m.text.vi, bodyEn: m.text.en, createdAt: now,
    })
    .onConflictDoNothing();
}

export function createLocalChannel(channel: Exclude<ChannelName, 'inapp'>, db: Db, now: () => Date): ChannelAdapter {
  return {
    channel,
    provider: 'local',
    canSend: (m) => (channel === 'email' ? Boolean(m.to.email) : Boolean(m.to.phone)),
    async send(m: OutgoingMessage) {
      await recordLocally(db, now(), channel, m);
      return {};
    },
  };
}

/** In test mode the inbox also shows on the demo page, so every message is visible in one place. */
export function mirrorToLocal(inner: ChannelAdapter, db: Db, now: () => Date): ChannelAdapter {
  return {
    ...inner,
    async send(m: OutgoingMessage) {
      const result = await inner.send(m);
      await recordLocally(db, now(), inner.channel, m);
      return result;
    },
  };
}
