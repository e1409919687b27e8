import { applySnapshot, emptyState, overlayCommands, type LocalState, type Snapshot } from '../../../src/shared/field/local-store';
import {
  newOutboxItem, pruneOutbox, replaceWith, type AttachmentItem, type OutboxCommand, type OutboxItem,
} from '../../../src/shared/field/outbox';
import { useListeners } from '../../lib/use-listeners';
import type { MyTeam } from '../api';
import { FieldDb, deleteFieldDb } from './idb';

/**
 * Everything the field app holds on the phone for the signed-in member, mirrored in IndexedDB so that it survives a
 * closed app and a dead battery: the server-confirmed state of my villages, the outbox, attachments waiting for
 * upload, and my team. Components read `useField()`; the sync engine and the pages write through the functions below.
 */
export interface SyncStatus {
  running: boolean;
  /** What the last request told us (navigator.onLine lies on captive Wi-Fi). */
  online: boolean;
  lastSyncAt?: number;
  /** The session expired: the outbox waits until the member signs in again. */
  signedOut?: boolean;
  error?: string;
}

export interface FieldData {
  username: string;
  memberName: string;
  state: LocalState;
  outbox: OutboxItem[];
  attachments: AttachmentItem[];
  team: MyTeam | null;
  /** The state plus my commands not yet confirmed by a pull: what pages show. */
  view: LocalState;
  sync: SyncStatus;
}

export type StoredAttachment = AttachmentItem & { blob: Blob };

let db: FieldDb | undefined;
let data: FieldData | undefined;
const listeners = new Set<() => void>();

function notify(): void {
  listeners.forEach((fn) => fn());
}

/** Pending commands, and sent ones the last pull has not brought back yet (so nothing flickers away). */
function computeView(d: Omit<FieldData, 'view'>): LocalState {
  const mine = d.outbox
    .filter((i) => i.state === 'pending' || (i.state === 'sent' && (i.sentAt ?? 0) >= d.state.pulledAt))
    .sort((a, b) => a.seq - b.seq);
  return overlayCommands(d.state, mine, d.memberName);
}

function set(patch: Partial<Omit<FieldData, 'view'>>): void {
  if (!data) return;
  const next = { ...data, ...patch };
  data = { ...next, view: patch.state || patch.outbox || patch.memberName ? computeView(next) : data.view };
  notify();
}

export async function openFieldStore(username: string, memberName: string): Promise<void> {
  if (data?.username === username) return;
  closeFieldStore();
  const opened = await FieldDb.open(username);
  const [state, outbox, attachments, team] = await Promise.all([
    opened.get<LocalState>('meta', 'state'), opened.getAll<OutboxItem>('outbox'),
    opened.getAll<StoredAttachment>('attachments'), opened.get<MyTeam>('meta', 'team'),
  ]);
  db = opened;
  const base = {
    username, memberName, state: state ?? emptyState(), outbox: pruneOutbox(outbox, Date.now()),
    attachments: attachments.map(({ blob: _b, ...a }) => a), team: team ?? null,
    sync: { running: false, online: typeof navigator === 'undefined' ? true : navigator.onLine },
  };
  data = { ...base, view: computeView(base) };
  notify();
}

export function closeFieldStore(): void {
  db?.close();
  db = undefined;
  data = undefined;
  notify();
}

/** Signing out on a shared phone: the member's copy of household data is removed (nothing unsent: checked before). */
export async function wipeFieldStore(username: string): Promise<void> {
  closeFieldStore();
  await deleteFieldDb(username);
}

export const getField = () => data;
export const fieldDb = () => db;

export function useField(): FieldData | undefined {
  useListeners(listeners);
  return data;
}

/** A UUID from getRandomValues: crypto.randomUUID exists only on HTTPS, and a commune LAN may be plain HTTP. */
export function newId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const nextSeq = () => Math.max(0, ...(data?.outbox ?? []).map((i) => i.seq)) + 1;
const commandOf = (type: string, payload: unknown): OutboxCommand => ({ commandId: newId(), type, payload, deviceAt: new Date().toISOString() });

let kick: () => void = () => {};
/** The sync engine registers how to start a send, so every write tries at once when there is a network. */
export function onWrite(fn: () => void): void {
  kick = fn;
}

/** Records one write in the outbox (saved on the phone before anything is sent) and returns its command id. */
export async function enqueue(type: string, payload: unknown): Promise<string> {
  if (!data || !db) throw new Error('field store not open');
  const item = newOutboxItem(commandOf(type, payload), nextSeq());
  await db.put('outbox', item);
  set({ outbox: [...data.outbox, item] });
  kick();
  return item.commandId;
}

/** A refused command corrected by the member: both saved together, the correction sent next. */
export async function enqueueCorrection(old: OutboxItem, payload: unknown): Promise<string | undefined> {
  if (!data || !db) return undefined;
  const pair = replaceWith(old, commandOf(old.type, payload), nextSeq());
  if (!pair) return undefined;
  await db.putMany('outbox', pair);
  set({ outbox: [...data.outbox.filter((i) => i.commandId !== old.commandId), ...pair] });
  kick();
  return pair[1].commandId;
}

export async function saveItems(items: OutboxItem[]): Promise<void> {
  if (!data || !db || items.length === 0) return;
  await db.putMany('outbox', items);
  const byId = new Map(items.map((i) => [i.commandId, i]));
  set({ outbox: data.outbox.map((i) => byId.get(i.commandId) ?? i) });
}

export async function addAttachment(id: string, blob: Blob, contentType: AttachmentItem['contentType']): Promise<void> {
  if (!data || !db) throw new Error('field store not open');
  const item: AttachmentItem = { id, contentType, state: 'pending', attempts: 0, nextAttemptAt: 0, createdAt: Date.now() };
  await db.put('attachments', { ...item, blob });
  set({ attachments: [...data.attachments, item] });
}

export async function saveAttachment(item: AttachmentItem): Promise<void> {
  if (!data || !db) return;
  const stored = await db.get<StoredAttachment>('attachments', item.id);
  // Uploaded bytes are dropped from the phone: the server has them, and a phone has little space.
  if (item.state === 'sent') await db.remove('attachments', item.id);
  else if (stored) await db.put('attachments', { ...stored, ...item });
  set({ attachments: data.attachments.map((a) => (a.id === item.id ? item : a)).filter((a) => a.state !== 'sent') });
}

export async function saveState(state: LocalState): Promise<void> {
  if (!data || !db) return;
  await db.put('meta', state, 'state');
  set({ state });
}

export async function saveSnapshot(s: Snapshot): Promise<void> {
  await saveState(applySnapshot(s, Date.now()));
}

export async function saveTeam(team: MyTeam | null): Promise<void> {
  if (!data || !db) return;
  await db.put('meta', team, 'team');
  set({ team });
}

export function setSync(patch: Partial<SyncStatus>): void {
  if (data) set({ sync: { ...data.sync, ...patch } });
}

export async function cacheGet<T>(key: string): Promise<T | undefined> {
  return db?.get<T>('cache', key);
}

export async function cachePut(key: string, value: unknown): Promise<void> {
  await db?.put('cache', value, key);
}
