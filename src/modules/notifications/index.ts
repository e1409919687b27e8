import type { AppDeps } from '../../platform/http';
import type { OutboxHandler } from '../../platform/outbox';
import { deliverNotification } from './deliver.service';
import { getNotifier, type Notifier } from './notifier';

export { registerNotificationRoutes } from './notifications.routes';
export { renderShipped, renderTemplate, renderText, shippedTemplates, templateKeys, type TemplateParams } from './templates';
export { importShippedTemplates } from './template-store';
export { devMessages, notificationInbox, notificationDeliveries, notificationTemplates } from './notifications.schema';
export { notificationPayload, type NotificationPayload } from './deliver.service';
export { toSmsText, foldForSms } from './sms-text';
export { getNotifier, createNotifier, channelStatuses, type Notifier } from './notifier';

/** Outbox handlers this module owns, wired explicitly by the server. */
export function notificationHandlers(deps: AppDeps, notifier: Notifier = getNotifier(deps)): Record<string, OutboxHandler> {
  return { 'notification.send': (m) => deliverNotification(deps, notifier, m) };
}
