/**
 * A few lines over IndexedDB (no library: the whole app must stay small). One database per account, so two members
 * sharing a phone never see each other's households (Decree 13/2023), and signing out can wipe exactly one.
 *
 * Stores: `meta` (the local state, cursor, my team: out-of-line keys), `outbox` (commands by id), `attachments`
 * (signatures and photos waiting for upload, with their bytes), `cache` (procedures for assisted submission).
 */
export type StoreName = 'meta' | 'outbox' | 'attachments' | 'cache';

const VERSION = 1;
export const dbName = (username: string) => `xaso-field-${username}`;

const promised = <T>(req: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
  req.onsuccess = () => resolve(req.result);
  req.onerror = () => reject(req.error);
});

export class FieldDb {
  private constructor(private readonly db: IDBDatabase) {}

  static open(username: string): Promise<FieldDb> {
    return new Promise((resolve, reject) => {
      const req = indexedDB.open(dbName(username), VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
        if (!db.objectStoreNames.contains('outbox')) db.createObjectStore('outbox', { keyPath: 'commandId' });
        if (!db.objectStoreNames.contains('attachments')) db.createObjectStore('attachments', { keyPath: 'id' });
        if (!db.objectStoreNames.contains('cache')) db.createObjectStore('cache');
      };
      req.onsuccess = () => resolve(new FieldDb(req.result));
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('IndexedDB blocked by another tab'));
    });
  }

  get<T>(store: StoreName, key: string): Promise<T | undefined> {
    return promised(this.db.transaction(store).objectStore(store).get(key)) as Promise<T | undefined>;
  }

  getAll<T>(store: StoreName): Promise<T[]> {
    return promised(this.db.transaction(store).objectStore(store).getAll()) as Promise<T[]>;
  }

  /** Writes several records in one transaction: all or none (an outbox correction replaces two items at once). */
  putMany(store: StoreName, values: unknown[], key?: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const tx = this.db.transaction(store, 'readwrite');
      const os = tx.objectStore(store);
      for (const v of values) os.put(v, key);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
    });
  }

  put(store: StoreName, value: unknown, key?: string): Promise<void> {
    return this.putMany(store, [value], key);
  }

  remove(store: StoreName, key: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const tx = this.db.transaction(store, 'readwrite');
      tx.objectStore(store).delete(key);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }

  close(): void {
    this.db.close();
  }
}

export function deleteFieldDb(username: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(dbName(username));
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    req.onblocked = () => resolve();
  });
}
