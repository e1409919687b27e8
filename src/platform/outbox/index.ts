export { enqueueOutbox, reopenOutboxMessage, type OutboxItem } from './enqueue';
export { startOutboxWorker, processOutboxOnce, DeliveryError, backoffMs, type OutboxHandler, type ClaimedMessage } from './worker';
export { outboxMessages, outboxStatuses, type OutboxStatus } from './outbox.schema';
