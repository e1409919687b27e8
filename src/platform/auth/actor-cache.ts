import type { Actor } from './actor';

/**
 * Every API call resolves its token to an actor (two queries). A few seconds of
 * memory saves them on busy counters. Sign-out, deactivation and password reset
 * drop entries at once; anything else (e.g. a role edited in SQL) within TTL_MS.
 */
const TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  actor: Actor | undefined;
  until: number;
}

// One map per process: keys are hashes of random 256-bit tokens, so databases cannot collide,
// and a transaction handle can clear it as well as the root database handle.
const cache = new Map<string, Entry>();

export function readCachedActor(tokenHash: string, now: number): Entry | undefined {
  const hit = cache.get(tokenHash);
  if (hit && hit.until > now) return hit;
  if (hit) cache.delete(tokenHash);
  return undefined;
}

export function cacheActor(tokenHash: string, actor: Actor | undefined, sessionExpiresAt: number, now: number): void {
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(tokenHash, { actor, until: Math.min(sessionExpiresAt, now + TTL_MS) });
}

export function forgetCachedActor(tokenHash: string): void {
  cache.delete(tokenHash);
}

/** After an account change (deactivation, role change, password reset): drop every cached actor. */
export function forgetAllCachedActors(): void {
  cache.clear();
}
