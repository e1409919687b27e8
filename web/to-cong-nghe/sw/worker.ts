/**
 * The field app's service worker (built into /to-cong-nghe/sw.js by build/pwa-plugin.ts, which prepends VERSION,
 * PRECACHE and SHELL). Self-contained: no imports.
 *
 * - install: every file of the app is cached at once (the shell, all chunks, CSS, icons), so after one visit the
 *   app opens and every page works with no connection;
 * - navigation under /to-cong-nghe/: the cached shell (the app routes itself; a new version arrives as a new
 *   worker, which the browser checks for on each visit);
 * - /assets/: cache first;
 * - /api/: never cached here. Household data lives in IndexedDB, written by the app (Decree 13/2023: the app
 *   controls what stays on the phone and wipes it at sign-out).
 * The previous version's cache is kept until the next update, so a page opened before an update can still load
 * its lazy chunks.
 */
// A module for the type checker (its names stay out of the global scope); the build strips the export.
export {};

declare const VERSION: string;
declare const PRECACHE: string[];
declare const SHELL: string;

interface ExtendableEvt extends Event { waitUntil(p: Promise<unknown>): void }
interface FetchEvt extends ExtendableEvt { request: Request; respondWith(r: Promise<Response>): void }
interface WorkerScope {
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: { origin: string };
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvt) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvt) => void): void;
}

const sw = self as unknown as WorkerScope;
const PREFIX = 'xaso-field-';
const CACHE = `${PREFIX}${VERSION}`;
const STAMP = '/to-cong-nghe/__installed-at';

sw.addEventListener('install', (e) => {
  e.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(PRECACHE);
    await cache.put(STAMP, new Response(String(Date.now())));
    await sw.skipWaiting();
  })());
});

sw.addEventListener('activate', (e) => {
  e.waitUntil((async () => {
    const others = (await caches.keys()).filter((n) => n.startsWith(PREFIX) && n !== CACHE);
    const dated = await Promise.all(others.map(async (name) => {
      const stamp = await (await caches.open(name)).match(STAMP);
      return { name, at: Number(stamp ? await stamp.text() : 0) };
    }));
    dated.sort((a, b) => b.at - a.at);
    await Promise.all(dated.slice(1).map((c) => caches.delete(c.name)));
    await sw.clients.claim();
  })());
});

sw.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== sw.location.origin || url.pathname.startsWith('/api/') || url.pathname === '/api') return;
  if (req.mode === 'navigate' && url.pathname.startsWith('/to-cong-nghe/')) {
    e.respondWith(fromCache(SHELL, req));
    return;
  }
  if (url.pathname.startsWith('/assets/') || PRECACHE.includes(url.pathname)) e.respondWith(fromCache(url.pathname, req));
});

/** This version's copy first, then an older version's (a page opened before an update), then the network. */
async function fromCache(key: string, req: Request): Promise<Response> {
  const own = await (await caches.open(CACHE)).match(key);
  return own ?? (await caches.match(key)) ?? fetch(req);
}
