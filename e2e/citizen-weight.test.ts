import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { newPhonePage } from './support/browser';
import { recordTransfers } from './support/page-weight';
import { useWebAppAndBrowser, type WebTestApp } from './support/web-app';

/** Issue 3: the citizen home and procedure pages transfer at most 150 KB (HTML+JS+CSS+fonts, compressed) on first load. */
const BUDGET = 150 * 1024;

let t: WebTestApp;
let browser: Browser;
useWebAppAndBrowser((app, b) => { t = app; browser = b; });

async function firstLoad(path: string, ready: string) {
  const { context, page } = await newPhonePage(browser, t.baseURL);
  const rec = await recordTransfers(context, page);
  await page.goto(path, { waitUntil: 'networkidle' });
  await page.getByRole('heading', { name: ready }).first().waitFor();
  const weight = rec.pageWeight();
  const compressed = rec.transfers.filter((x) => x.type === 'Script' || x.type === 'Stylesheet');
  await context.close();
  return { weight, transfers: rec.transfers, compressed };
}

describe('page weight on first load (empty cache)', { timeout: 60_000 }, () => {
  for (const [name, path, ready] of [['home', '/', 'Thủ tục hay dùng'], ['procedure page', '/thu-tuc/1.001193', 'Đăng ký khai sinh']] as const) {
    it(`${name} stays within 150 KB`, async () => {
      const { weight, transfers } = await firstLoad(path, ready);
      const lines = transfers.map((x) => `${x.type} ${x.bytes} ${x.url}`).join('\n');
      console.log(`${name}: ${weight} bytes (HTML+JS+CSS+fonts)\n${lines}`);
      expect(weight, lines).toBeLessThanOrEqual(BUDGET);
      // It really loaded the app (not an error page): at least the HTML, one script and one stylesheet.
      expect(transfers.some((x) => x.type === 'Script')).toBe(true);
      expect(transfers.some((x) => x.type === 'Stylesheet')).toBe(true);
    });
  }

  it('sends scripts and styles compressed (brotli)', async () => {
    const { context, page } = await newPhonePage(browser, t.baseURL);
    const sent: { url: string; encoding: string; bytes: number }[] = [];
    page.on('response', async (r) => {
      if (!/\.(js|css)$/.test(new URL(r.url()).pathname)) return;
      sent.push({ url: r.url(), encoding: r.headers()['content-encoding'] ?? 'none', bytes: (await r.body()).length });
    });
    await page.goto('/', { waitUntil: 'networkidle' });
    expect(sent.length).toBeGreaterThan(0);
    // Files under 256 bytes are not worth compressing; everything else travels as brotli.
    expect(sent.filter((s) => s.encoding !== 'br' && s.bytes >= 256), JSON.stringify(sent)).toEqual([]);
    expect(sent.filter((s) => s.encoding === 'br').length).toBeGreaterThanOrEqual(2);
    await context.close();
  });
});
