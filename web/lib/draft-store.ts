import { newIdempotencyKey } from './api/client';

/**
 * A submission in progress, kept on the phone so a dropped connection or a closed tab loses nothing.
 * Typed answers live in localStorage (small, synchronous); photos not yet uploaded wait in IndexedDB as blobs
 * and are uploaded when the network is back. The Idempotency-Key is made once per draft, so however often the
 * final "Nộp" is retried, one dossier is created.
 */
export interface DraftFile {
  localId: string;
  /** Server file id once uploaded. */
  id?: string;
  name: string;
  type: string;
  size: number;
  /** Small JPEG data URL for the preview (images only). */
  thumb?: string;
}

export interface Draft {
  procedureCode: string;
  idempotencyKey: string;
  step: number;
  applicant: { fullName: string; idNumber: string; phone: string; address: string };
  values: Record<string, string | boolean>;
  files: Record<string, DraftFile[]>;
  updatedAt: string;
}

const key = (owner: string, procedureCode: string) => `xaso.draft.${owner}.${procedureCode}`;

export function loadDraft(owner: string, procedureCode: string): Draft | undefined {
  try {
    const raw = localStorage.getItem(key(owner, procedureCode));
    return raw ? (JSON.parse(raw) as Draft) : undefined;
  } catch {
    return undefined;
  }
}

export function newDraft(procedureCode: string, phone: string): Draft {
  return {
    procedureCode, idempotencyKey: newIdempotencyKey(), step: 0,
    applicant: { fullName: '', idNumber: '', phone, address: '' }, values: {}, files: {}, updatedAt: new Date().toISOString(),
  };
}

export function saveDraft(owner: string, draft: Draft): void {
  try {
    localStorage.setItem(key(owner, draft.procedureCode), JSON.stringify({ ...draft, updatedAt: new Date().toISOString() }));
  } catch {
    // Storage full or private mode: the draft lives as long as the page.
  }
}

export function deleteDraft(owner: string, draft: Draft): void {
  try {
    localStorage.removeItem(key(owner, draft.procedureCode));
  } catch {
    // nothing to do
  }
  for (const list of Object.values(draft.files)) for (const f of list) void deleteBlob(f.localId);
}

// --- Pending photos (IndexedDB) -------------------------------------------------------------------------------

const DB_NAME = 'xaso';
const STORE = 'pending-files';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T | undefined> {
  try {
    const db = await openDb();
    return await new Promise<T>((resolve, reject) => {
      const req = fn(db.transaction(STORE, mode).objectStore(STORE));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  } catch {
    return undefined;
  }
}

export const putBlob = (localId: string, blob: Blob) => withStore('readwrite', (s) => s.put(blob, localId));
export const getBlob = (localId: string) => withStore<Blob>('readonly', (s) => s.get(localId) as IDBRequest<Blob>);
export const deleteBlob = (localId: string) => withStore('readwrite', (s) => s.delete(localId));
