export type { AppDeps } from './deps';
export { errorResponse, errorResponses } from './schemas';
