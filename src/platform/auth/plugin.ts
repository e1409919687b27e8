import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db';
import type { Actor } from './actor';
import { cacheActor, readCachedActor } from './actor-cache';
import { findSession, hashToken } from './sessions';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
    sessionToken?: string;
  }
}

export type ActorResolver = (session: { accountKind: 'staff' | 'citizen'; accountId: string }) => Promise<Actor | undefined>;

export const SESSION_COOKIE = 'xaso_session';

/**
 * Turns a Bearer token (or the browser session cookie) into `request.actor`.
 * Routes decide what an actor may do; this hook only says who is asking.
 */
export function registerAuth(app: FastifyInstance, db: Db, resolveActor: ActorResolver, now: () => Date): void {
  const resolve = async (request: FastifyRequest, token: string): Promise<void> => {
    const at = now();
    const tokenHash = hashToken(token);
    const cached = readCachedActor(tokenHash, at.getTime());
    if (cached) {
      request.actor = cached.actor;
      if (cached.actor) request.sessionToken = token;
      return;
    }
    const session = await findSession(db, token, at);
    if (!session) return;
    request.actor = await resolveActor(session);
    cacheActor(tokenHash, request.actor, session.expiresAt.getTime(), at.getTime());
    request.sessionToken = token;
  };
  // Callback style so that anonymous requests (public lookups, the web apps) pay no promise round trip.
  app.addHook('onRequest', (request, _reply, done) => {
    const token = readToken(request.headers.authorization, request.headers.cookie);
    if (!token) return done();
    resolve(request, token).then(() => done(), done);
  });
}

function readToken(authorization: string | undefined, cookie: string | undefined): string | undefined {
  if (authorization?.startsWith('Bearer ')) return authorization.slice(7).trim() || undefined;
  if (!cookie) return undefined;
  for (const part of cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}
