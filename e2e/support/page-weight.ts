import type { BrowserContext, Page } from 'playwright-core';

export interface Transfer { url: string; type: string; bytes: number }

/** The resource types that make a page's weight (the budget counts HTML, JS, CSS and fonts). */
export const WEIGHT_TYPES = new Set(['Document', 'Script', 'Stylesheet', 'Font']);

/**
 * Records bytes on the wire (compressed body + headers, CDP `encodedDataLength`) of every response of a page,
 * from a fresh context (empty cache), until `done()` is called.
 */
export async function recordTransfers(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  const types = new Map<string, { url: string; type: string }>();
  const transfers: Transfer[] = [];
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, { url: e.response.url, type: e.type }));
  cdp.on('Network.loadingFinished', (e) => {
    const info = types.get(e.requestId);
    if (info) transfers.push({ ...info, bytes: e.encodedDataLength });
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return {
    cdp,
    transfers,
    /** Bytes of HTML + JS + CSS + fonts. */
    pageWeight: () => transfers.filter((t) => WEIGHT_TYPES.has(t.type)).reduce((n, t) => n + t.bytes, 0),
    total: () => transfers.reduce((n, t) => n + t.bytes, 0),
  };
}
