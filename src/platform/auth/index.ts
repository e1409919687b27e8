export * from './actor';
export { requireActor, requireStaff, requireCitizen } from './guards';
export { registerAuth, SESSION_COOKIE, type ActorResolver } from './plugin';
export { createSession, deleteSession } from './sessions';
export { sessions } from './sessions.schema';
export { forgetAllCachedActors } from './actor-cache';
