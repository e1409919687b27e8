/**
 * The field app's API (Tổ công nghệ số cộng đồng, offline): commands pushed from the device's
 * outbox, attachments, and changes pulled by cursor. Built on the sync protocol module.
 */
export { registerFieldRoutes } from './field.routes';
export { pushCommands } from './push.service';
export { commandTypes } from './commands';
