import { fetchMe, logout, type Me } from '../../lib/api/auth';
import { ApiError } from '../../lib/api/client';
import { signOut } from '../../lib/session';
import { useListeners } from '../../lib/use-listeners';
import { closeFieldStore, getField, openFieldStore, wipeFieldStore } from './field-store';
import { startSyncEngine, stopSyncEngine, syncNow } from './sync-engine';

/**
 * Who uses the field app. The session is the HttpOnly cookie of /api/auth/staff/login; with no network the app opens
 * on the last account seen on this phone (kept in localStorage: name and role only, no token), so a member can keep
 * working in a village without coverage. A 401 from the server means signed out.
 */
export type FieldRole = 'volunteer' | 'leader' | 'commune_admin';
export interface FieldMe { username: string; fullName: string; role: FieldRole; communeCode: string }
export type SessionState = { status: 'loading' } | { status: 'signedOut'; reason?: 'role' } | { status: 'ready'; me: FieldMe; offline: boolean };

const KEY = 'xaso.field.me';
export const FIELD_ROLES: readonly string[] = ['volunteer', 'leader', 'commune_admin'];

let session: SessionState = { status: 'loading' };
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  session = next;
  listeners.forEach((fn) => fn());
}

function readCached(): FieldMe | undefined {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as FieldMe) : undefined;
  } catch {
    return undefined;
  }
}

function toFieldMe(me: Me | null): FieldMe | undefined {
  if (!me || me.kind !== 'staff' || !me.username || !me.communeCode || !FIELD_ROLES.includes(me.role)) return undefined;
  return { username: me.username, fullName: me.fullName ?? me.username, role: me.role as FieldRole, communeCode: me.communeCode };
}

async function enter(me: FieldMe, offline: boolean): Promise<void> {
  await openFieldStore(me.username, me.fullName);
  set({ status: 'ready', me, offline });
  startSyncEngine();
  if (!offline) void syncNow();
}

/** On start and after sign-in: ask the server; fall back to the cached account when there is no network. */
export async function loadSession(): Promise<void> {
  try {
    const raw = await fetchMe();
    const me = toFieldMe(raw);
    if (!me) {
      if (raw) await logout().catch(() => undefined);
      localStorage.removeItem(KEY);
      closeFieldStore();
      return set({ status: 'signedOut', reason: raw ? 'role' : undefined });
    }
    localStorage.setItem(KEY, JSON.stringify(me));
    await enter(me, false);
  } catch (err) {
    const cached = readCached();
    if (err instanceof ApiError && err.isNetwork && cached) return enter(cached, true);
    set({ status: 'signedOut' });
  }
}

export function useSession(): SessionState {
  useListeners(listeners);
  return session;
}

export const currentSession = () => session;

/**
 * Signs out. With unsent work the caller must have asked first; `wipe` removes this member's copy of household data
 * from the phone (a shared phone must not keep it).
 */
export async function signOutField(wipe: boolean): Promise<void> {
  const username = getField()?.username;
  stopSyncEngine();
  // The shared session mirror (lib/session) is cleared too; importing it also keeps the bundles' shared chunk the same
  // for every app, so adding this app does not grow the citizen pages.
  await signOut();
  localStorage.removeItem(KEY);
  if (wipe && username) await wipeFieldStore(username);
  else closeFieldStore();
  set({ status: 'signedOut' });
}
