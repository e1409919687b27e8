import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { newPhonePage } from './support/browser';
import { expectAccessible } from './support/citizen';
import { recordTransfers } from './support/page-weight';
import { tableRows, vn, waitForDashboard } from './support/leader';
import { useWebAppAndBrowser, type WebTestApp } from './support/web-app';

/**
 * Issue 6, open data: the commune's headline figures for anyone, with no sign-in and nothing about a person.
 * Reached from the citizen home page's footer.
 */
let t: WebTestApp;
let browser: Browser;
useWebAppAndBrowser((app, b) => { t = app; browser = b; });

/** A Vietnamese mobile (0 + 9 digits, or +84), or a 12-digit citizen ID number. */
const PHONE_OR_ID = /(?<!\d)(?:0|\+?84)\d{9}(?!\d)|(?<!\d)\d{12}(?!\d)/;

describe('the public figures page in Chromium', { timeout: 180_000 }, () => {
  it('shows the commune figures without sign-in, from the citizen home footer, with no phone or ID number', async () => {
    const { context, page } = await newPhonePage(browser, t.baseURL);
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto('/');
    await page.getByRole('heading', { name: 'Thủ tục hay dùng' }).waitFor();
    asked.length = 0;
    await page.getByRole('link', { name: 'Số liệu dịch vụ công của xã (công khai)' }).click();
    await waitForDashboard(page, 'Số liệu công khai xã Trà Bồng');
    expect(new URL(page.url()).pathname).toBe('/lanh-dao/cong-khai/21115');
    // Nothing asked who is signed in, and no session was needed.
    expect(asked).toContain('/api/public/communes/21115/figures');
    expect(asked).not.toContain('/api/me');
    expect((await context.cookies()).length).toBe(0);

    const res = await t.app.inject({ url: '/api/public/communes/21115/figures' });
    const figures = res.json() as { months: { month: string; submitted: number; onlineShare: number | null }[]; indicators: { id: string; value: number | null }[] };
    const rows = await tableRows(page, 'months-table');
    expect(rows.map((r) => Number(r[1]))).toEqual(figures.months.map((m) => m.submitted));
    expect((await tableRows(page, 'trend-table')).map((r) => vn(r[3]!))).toEqual(figures.months.map((m) => m.onlineShare));
    expect(await page.locator('[data-indicator="online_share"] .figure-value').textContent())
      .toBe(`${String(figures.indicators.find((i) => i.id === 'online_share')!.value).replace('.', ',')}%`);
    expect(await page.locator('[data-chart="trend"] .c-target text').textContent()).toBe('Mục tiêu 50%');

    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(PHONE_OR_ID);
    expect(text).toContain('CC BY 4.0');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'public figures (phone)');

    // The machine-readable data is linked, and answers without a session too.
    const json = await page.getByRole('link', { name: 'tải dữ liệu' }).getAttribute('href');
    const data = await page.request.get(json!);
    expect(data.status()).toBe(200);
    expect(await data.text()).not.toMatch(PHONE_OR_ID);
    await context.close();
  });

  it('is light enough for a cheap phone on 3G: within the citizen pages\' 150 KB budget on first load', async () => {
    const { context, page } = await newPhonePage(browser, t.baseURL);
    const rec = await recordTransfers(context, page);
    await page.goto('/lanh-dao/cong-khai/21115', { waitUntil: 'networkidle' });
    await waitForDashboard(page, 'Số liệu công khai xã Trà Bồng');
    const weight = rec.pageWeight();
    console.log(`public figures page: ${weight} bytes (HTML+JS+CSS+fonts)\n${rec.transfers.map((x) => `${x.type} ${x.bytes} ${x.url}`).join('\n')}`);
    expect(weight).toBeLessThanOrEqual(150 * 1024);
    expect(rec.transfers.some((x) => x.type === 'Script')).toBe(true);
    await context.close();
  });

  it('an unknown commune says so, in words', async () => {
    const { context, page } = await newPhonePage(browser, t.baseURL);
    await page.goto('/lanh-dao/cong-khai/99999');
    await page.getByText('Không tìm thấy xã/phường có mã 99999').waitFor();
    await expectAccessible(page, 'public figures, unknown commune');
    await context.close();
  });
});
