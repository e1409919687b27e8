export * from './app-error';
export { bilingual, describeZodIssue } from './zod-messages';
export { registerErrorHandler, errorBody } from './error-handler';
