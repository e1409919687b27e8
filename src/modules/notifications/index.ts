import type { AppDeps } from '../../platform/http';
import type { OutboxHandler } from '../../platform/outbox';
import { deliverToDevChannel } from './dev-channel';

export { registerNotificationRoutes } from './notifications.routes';
export { renderTemplate, templates } from './templates';
export { devMessages } from './notifications.schema';
export type { NotificationPayload } from './dev-channel';

/** Outbox handlers this module owns, wired explicitly by the server. */
export function notificationHandlers(deps: AppDeps): Record<string, OutboxHandler> {
  return { 'notification.send': (m) => deliverToDevChannel(deps, m) };
}
