import { useEffect, useState } from 'preact/hooks';
import { fetchMe, logout, type Me } from './api/auth';

/**
 * Who is signed in, shared by all components of a page. `undefined` while loading, `null` when signed out.
 * The session itself is an HttpOnly cookie; this only mirrors /api/me.
 */
let me: Me | null | undefined;
let pending: Promise<void> | undefined;
const listeners = new Set<() => void>();

function set(next: Me | null): void {
  me = next;
  listeners.forEach((fn) => fn());
}

export function refreshMe(): Promise<void> {
  pending = fetchMe().then(set, () => set(null));
  return pending;
}

export function useMe(): Me | null | undefined {
  const [, setTick] = useState(0);
  const seen = me;
  useEffect(() => {
    const fn = () => setTick((n) => n + 1);
    listeners.add(fn);
    // The subscription starts after the first render: an /api/me answer that landed in between (a lazily loaded
    // page) would otherwise be missed until the next change.
    if (me !== seen) fn();
    if (me === undefined && !pending) void refreshMe();
    return () => void listeners.delete(fn);
  }, []);
  return me;
}

export async function signOut(): Promise<void> {
  await logout().catch(() => undefined);
  set(null);
}
