import { applyChanges } from '../../../src/shared/field/local-store';
import { attachmentFailed, attachmentUploaded, dueItems, nextWake, onSendFailed, onServerAnswer } from '../../../src/shared/field/outbox';
import { ApiError } from '../../lib/api/client';
import { getMyTeam, getSnapshot, pullChanges, pushCommand, uploadAttachment } from '../api';
import { fieldDb, getField, onWrite, saveAttachment, saveItems, saveSnapshot, saveState, saveTeam, setSync, type StoredAttachment } from './field-store';

/**
 * Sends the outbox and pulls changes (decision 0011): attachments first, each on its own back-off; then commands one
 * by one, oldest first (a refused or waiting one never blocks the next); then changes from the cursor, or a fresh
 * snapshot when the server says "resync". Runs when a write is made, when the phone comes back online, when the app
 * is shown again, on "Gửi ngay", and on a timer at the next back-off deadline (at least every 2 minutes online).
 */
const PULL_EVERY_MS = 2 * 60_000;
let running: Promise<void> | undefined;
let again = false;
let timer: ReturnType<typeof setTimeout> | undefined;

class Offline extends Error {}

export function syncNow(opts: { force?: boolean } = {}): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = runOnce(!!opts.force).finally(() => {
    running = undefined;
    if (again) {
      again = false;
      void syncNow();
    } else schedule();
  });
  return running;
}

async function runOnce(force: boolean): Promise<void> {
  if (!getField()) return;
  setSync({ running: true });
  try {
    await sendAttachments(force);
    await sendCommands(force);
    await pull();
    setSync({ running: false, online: true, lastSyncAt: Date.now(), signedOut: false, error: undefined });
  } catch (err) {
    const signedOut = err instanceof ApiError && err.status === 401;
    const offline = err instanceof Offline || (err instanceof ApiError && err.isNetwork);
    setSync({ running: false, online: !offline, signedOut, error: offline || signedOut ? undefined : err instanceof ApiError ? err.userMessage : String(err) });
  }
}

/** A lost connection stops the round (everything would fail); a refusal of the server stops only that item. */
function stopOn(err: unknown): void {
  if (err instanceof ApiError && (err.isNetwork || err.status === 401)) throw err.isNetwork ? new Offline() : err;
}

async function sendAttachments(force: boolean): Promise<void> {
  const db = fieldDb();
  const field = getField();
  if (!db || !field) return;
  const now = Date.now();
  for (const a of field.attachments.filter((x) => x.state === 'pending' && (force || x.nextAttemptAt <= now))) {
    const stored = await db.get<StoredAttachment>('attachments', a.id);
    if (!stored) continue;
    try {
      await uploadAttachment(a.id, stored.blob, a.contentType);
      await saveAttachment(attachmentUploaded(a));
    } catch (err) {
      const refusal = err instanceof ApiError && err.status >= 400 && err.status < 500 && err.status !== 401 && err.status !== 429
        ? { code: err.code, vi: err.text.vi, en: err.text.en } : undefined;
      await saveAttachment(attachmentFailed(a, Date.now(), Math.random(), refusal));
      stopOn(err);
    }
  }
}

async function sendCommands(force: boolean): Promise<void> {
  const field = getField();
  if (!field) return;
  for (const item of dueItems(field.outbox, Date.now(), force)) {
    try {
      const answer = await pushCommand({ commandId: item.commandId, type: item.type, payload: item.payload, deviceAt: item.deviceAt });
      await saveItems([onServerAnswer(item, answer, Date.now(), Math.random())]);
    } catch (err) {
      await saveItems([onSendFailed(item, Date.now(), Math.random())]);
      stopOn(err);
    }
  }
}

async function pull(): Promise<void> {
  const field = getField();
  if (!field) return;
  await refreshTeam();
  let state = field.state;
  if (!state.cursor) return saveSnapshot(await getSnapshot());
  for (let page = 0; page < 50; page++) {
    const res = await pullChanges(state.cursor!);
    if (res.mode === 'resync') return saveSnapshot(await getSnapshot());
    state = applyChanges(state, res.changes, res.cursor, Date.now(), res.villages);
    await saveState(state);
    if (!res.hasMore) return;
  }
}

async function refreshTeam(): Promise<void> {
  try {
    await saveTeam(await getMyTeam());
  } catch (err) {
    // The commune leader or admin oversees every village without being a team member.
    if (err instanceof ApiError && err.code === 'NOT_A_TEAM_MEMBER') await saveTeam(null);
    else throw err;
  }
}

function schedule(): void {
  clearTimeout(timer);
  const field = getField();
  if (!field) return;
  const wake = Math.min(nextWake(field.outbox) ?? Infinity, Date.now() + PULL_EVERY_MS);
  timer = setTimeout(() => void syncNow(), Math.max(1000, wake - Date.now()));
}

let started = false;
/** Once per page: wire the triggers. */
export function startSyncEngine(): void {
  if (started) return;
  started = true;
  onWrite(() => void syncNow());
  addEventListener('online', () => void syncNow({ force: true }));
  addEventListener('offline', () => setSync({ online: false }));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void syncNow();
  });
}

export function stopSyncEngine(): void {
  clearTimeout(timer);
}
