import type { PublicDossierView } from './dossiers.contracts';

/**
 * Hot public lookups (people re-open the QR link often; PGlite costs ~0.3 ms a
 * query). Every action invalidates its code before the response is sent, and a
 * read that started before an invalidation never stores its result, so the
 * cache never serves a status older than an acknowledged action.
 */
const MAX_ENTRIES = 5000;
const TTL_MS = 60_000;
/** No database read lasts this long, so older invalidation marks can be forgotten. */
const MARK_RETENTION_MS = 60_000;

/** A cached view and its JSON, serialised once when stored: a hit costs no serialisation (bench: issue 2 lookup). */
export interface CachedPublicView {
  view: PublicDossierView;
  json: string;
}

export class PublicLookupCache {
  private entries = new Map<string, CachedPublicView & { storedAt: number }>();
  private invalidatedAt = new Map<string, { seq: number; at: number }>();
  private seq = 0;

  read(code: string, now: number): PublicDossierView | undefined {
    return this.readCached(code, now)?.view;
  }

  readCached(code: string, now: number): CachedPublicView | undefined {
    const e = this.entries.get(code);
    if (!e) return undefined;
    if (now - e.storedAt > TTL_MS) {
      this.entries.delete(code);
      return undefined;
    }
    return e;
  }

  /** Take before reading the database; pass to store() afterwards. */
  ticket(): number {
    return this.seq;
  }

  /** `json` must be the view as the route's response schema serialises it. */
  store(code: string, ticket: number, view: PublicDossierView, now: number, json = JSON.stringify(view)): void {
    const mark = this.invalidatedAt.get(code);
    if (mark && mark.seq > ticket) return;
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(code, { view, json, storedAt: now });
  }

  invalidate(code: string, now: number): void {
    this.seq += 1;
    this.invalidatedAt.set(code, { seq: this.seq, at: now });
    this.entries.delete(code);
    if (this.invalidatedAt.size > 10_000) this.forgetOldMarks(now);
  }

  private forgetOldMarks(now: number): void {
    for (const [code, mark] of this.invalidatedAt) {
      if (now - mark.at > MARK_RETENTION_MS) this.invalidatedAt.delete(code);
    }
  }
}
