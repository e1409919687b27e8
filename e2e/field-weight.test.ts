import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { newFieldPhone } from './support/field';
import { recordTransfers } from './support/page-weight';
import { useWebAppAndBrowser, type WebTestApp } from './support/web-app';

/**
 * Issue 4: the field app's first load is at most 200 KB compressed, and it is installable (manifest, icons, a
 * service worker served fresh under the app's scope). Counted twice: what the first page transfers (HTML, JS, CSS,
 * fonts), and everything the service worker downloads to work offline (every chunk, icons, manifest).
 */
const BUDGET = 200 * 1024;

let t: WebTestApp;
let browser: Browser;
useWebAppAndBrowser((app, b) => { t = app; browser = b; });

const get = (path: string) => fetch(`${t.baseURL}${path}`, { headers: { 'accept-encoding': 'br, gzip' } });

describe('field app weight and installability', { timeout: 90_000 }, () => {
  it('first load (the sign-in page, empty cache) stays within 200 KB', async () => {
    const { context, page } = await newFieldPhone(browser, t.baseURL);
    const rec = await recordTransfers(context, page);
    await page.goto('/to-cong-nghe/', { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Đăng nhập Tổ công nghệ số' }).waitFor();
    const weight = rec.pageWeight();
    const lines = rec.transfers.map((x) => `${x.type} ${x.bytes} ${x.url}`).join('\n');
    console.log(`field first load: ${weight} bytes (HTML+JS+CSS+fonts)\n${lines}`);
    expect(weight, lines).toBeLessThanOrEqual(BUDGET);
    expect(rec.transfers.some((x) => x.type === 'Script')).toBe(true);
    expect(rec.transfers.some((x) => x.type === 'Stylesheet')).toBe(true);
    await context.close();
  });

  it('everything the service worker keeps for offline use also fits in 200 KB, sent compressed', async () => {
    const sw = await get('/to-cong-nghe/sw.js');
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-type')).toMatch(/javascript/);
    // A worker must never be served from a stale HTTP cache: a new version must reach phones at the next visit.
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const source = await sw.text();
    const precache = JSON.parse(/const PRECACHE = (\[.*?\]);/.exec(source)![1]!) as string[];
    expect(precache).toContain('/to-cong-nghe/index.html');
    expect(precache.filter((p) => p.endsWith('.js')).length).toBeGreaterThan(5);
    let total = 0;
    const sizes: string[] = [];
    for (const path of precache) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      const bytes = (await res.arrayBuffer()).byteLength;
      // fetch() decodes: count what travels, i.e. the pre-compressed size when the server has one.
      const wire = Number(res.headers.get('content-length') ?? 0) || bytes;
      total += wire;
      sizes.push(`${wire} ${res.headers.get('content-encoding') ?? 'identity'} ${path}`);
    }
    console.log(`field offline bundle: ${total} bytes\n${sizes.join('\n')}`);
    expect(total, sizes.join('\n')).toBeLessThanOrEqual(BUDGET);
  });

  it('is installable: a manifest scoped to the app with 192 and 512 px icons', async () => {
    const res = await get('/to-cong-nghe/manifest.webmanifest');
    expect(res.headers.get('content-type')).toBe('application/manifest+json');
    const m = await res.json();
    expect(m).toMatchObject({ start_url: '/to-cong-nghe/', scope: '/to-cong-nghe/', display: 'standalone', lang: 'vi' });
    for (const size of [192, 512]) {
      const icon = m.icons.find((i: { sizes: string; type: string }) => i.sizes === `${size}x${size}` && i.type === 'image/png');
      const png = PNG.sync.read(Buffer.from(await (await get(icon.src)).arrayBuffer()));
      expect([png.width, png.height]).toEqual([size, size]);
    }
    expect(m.icons.some((i: { purpose: string }) => i.purpose === 'maskable')).toBe(true);
    const html = await (await get('/to-cong-nghe/ho/abc')).text();
    expect(html).toContain('rel="manifest" href="/to-cong-nghe/manifest.webmanifest"');
  });
});
