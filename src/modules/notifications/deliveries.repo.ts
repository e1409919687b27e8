import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { outboxMessages } from '../../platform/outbox';
import { notificationDeliveries } from './notifications.schema';

export type DeliveryRow = typeof notificationDeliveries.$inferSelect;
export type DeliveryStatus = DeliveryRow['status'];

export async function insertDelivery(db: Db, row: typeof notificationDeliveries.$inferInsert): Promise<number> {
  const [r] = await db.insert(notificationDeliveries).values(row).returning({ id: notificationDeliveries.id });
  return r!.id;
}

export async function finishDelivery(db: Db, id: number, set: { status: DeliveryStatus; finishedAt: Date; providerMessageId?: string | null; error?: string | null }): Promise<void> {
  await db.update(notificationDeliveries).set(set).where(eq(notificationDeliveries.id, id));
}

export async function listDeliveriesOfMessage(db: Db, outboxId: number): Promise<DeliveryRow[]> {
  return db.select().from(notificationDeliveries).where(eq(notificationDeliveries.outboxId, outboxId)).orderBy(asc(notificationDeliveries.id));
}

/** A provider's report names its own message id, or xaso's request id (`xaso-<outbox id>`). */
export async function findDeliveryForReport(db: Db, provider: string, messageId: string): Promise<DeliveryRow | undefined> {
  const own = /^xaso-(\d+)$/.exec(messageId);
  const byOwnId = own ? and(eq(notificationDeliveries.outboxId, Number(own[1])), eq(notificationDeliveries.status, 'delivered')) : undefined;
  const [row] = await db
    .select()
    .from(notificationDeliveries)
    .where(and(eq(notificationDeliveries.provider, provider), byOwnId ? or(eq(notificationDeliveries.providerMessageId, messageId), byOwnId) : eq(notificationDeliveries.providerMessageId, messageId)))
    .orderBy(desc(notificationDeliveries.id))
    .limit(1);
  return row;
}

export async function markReported(db: Db, id: number, set: { status?: DeliveryStatus; error?: string; reportedAt: Date }): Promise<void> {
  await db.update(notificationDeliveries).set(set).where(eq(notificationDeliveries.id, id));
}

/** Messages about one dossier, newest first, with their channel tries. */
export async function listMessagesAbout(db: Db, subjectRef: string, limit: number) {
  const messages = await db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.subjectRef, subjectRef), eq(outboxMessages.topic, 'notification.send')))
    .orderBy(desc(outboxMessages.id))
    .limit(limit);
  const ids = messages.map((m) => m.id);
  const tries = ids.length ? await db.select().from(notificationDeliveries).where(inArray(notificationDeliveries.outboxId, ids)).orderBy(asc(notificationDeliveries.id)) : [];
  return messages.map((m) => ({ message: m, deliveries: tries.filter((d) => d.outboxId === m.id) }));
}
