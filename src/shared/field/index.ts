/**
 * Pure rules of the community digital team, shared by the server (households, outreach, field modules) and the
 * field app (web/to-cong-nghe): nothing here imports server code, zod or the DOM.
 */
export * from './readiness';
export * from './merge';
export * from './support-kinds';
export * from './consent-notice';
export * from './read-aloud';
