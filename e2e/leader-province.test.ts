import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { submitAsCitizen } from '../tests/support/fixtures';
import { bearer } from '../tests/support/test-app';
import { expectAccessible } from './support/citizen';
import { signInLeader, tableRows, vn, waitForDashboard } from './support/leader';
import { DESKTOP, newStaffPage } from './support/staff';
import { useWebAppAndBrowser, type WebTestApp } from './support/web-app';

/**
 * Issue 6: the province view (demo.province, Quảng Ngãi): communes ranked in a sortable table, drill-down to a
 * commune, side-by-side comparison. A second commune gets three online dossiers so the ranking has two with data.
 */
let t: WebTestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const SECOND = '21025'; // Cẩm Thành, same province as the demo commune

useWebAppAndBrowser((app, b) => { t = app; browser = b; });
beforeAll(async () => {
  for (let i = 0; i < 3; i++) await submitAsCitizen(t, '0900000005', { communeCode: SECOND });
  ({ context, page } = await newStaffPage(browser, t.baseURL, DESKTOP));
});
afterAll(async () => {
  await context?.close();
});

const names = async () => (await tableRows(page, 'ranking')).map((r) => r[2]!);
const column = async (i: number) => (await tableRows(page, 'ranking')).map((r) => r[i]!);
type ApiCommune = { communeName: string; rank: number | null; onlineShare: number | null };
const apiCommunes = async () =>
  (await t.app.inject({ url: '/api/indicators/provinces/51/dashboard', headers: bearer(await t.staffToken('demo.province')) })).json().communes as ApiCommune[];
const sortState = (col: string) => page.locator(`#ranking th[data-col="${col}"]`).getAttribute('aria-sort');

describe('the province view in Chromium', { timeout: 180_000 }, () => {
  it('the province viewer lands on the ranking of every commune, best online share first', async () => {
    await signInLeader(page, 'demo.province');
    await waitForDashboard(page, 'Bảng điều hành tỉnh Quảng Ngãi');
    expect(new URL(page.url()).pathname).toBe('/lanh-dao/tinh/51');
    const communes = await apiCommunes();
    const ranked = communes.filter((c) => c.rank !== null).sort((a, b) => a.rank! - b.rank!);
    expect(ranked.length).toBeGreaterThan(2); // the demo commune, its demo neighbours and Cẩm Thành
    const rows = await tableRows(page, 'ranking');
    expect(rows.length).toBe(communes.length);
    // Cẩm Thành (3 of 3 online) ranks first; then the order of the API; communes with no dossiers come last, unranked.
    expect(rows.slice(0, ranked.length).map((r) => [r[1], r[2]])).toEqual(ranked.map((c) => [String(c.rank), c.communeName]));
    expect(rows[0]![2]).toBe('Cẩm Thành');
    expect(rows[ranked.length]![1]).toBe('chưa xếp');
    expect(await sortState('rank')).toBe('ascending');
    expect(await page.getByText(`${ranked.length} trên 96 xã có hồ sơ trong kỳ.`).count()).toBe(1);
    await expectAccessible(page, 'province dashboard');
  });

  it('sorts by clicking a header and by keyboard; aria-sort follows', async () => {
    // Numbers: the biggest first on the first press.
    await page.getByRole('button', { name: 'Hồ sơ nộp' }).click();
    expect(await sortState('submitted')).toBe('descending');
    expect(await sortState('rank')).toBe('none');
    const submitted = (await column(3)).map((x) => vn(x)!);
    expect(submitted).toEqual([...submitted].sort((a, b) => b - a));
    expect((await names())[0]).toBe('Trà Bồng');
    // Words, from the keyboard: Tab to the header's button, Enter sorts A→Z in Vietnamese order, Space reverses it.
    const byName = page.getByRole('button', { name: 'Xã, phường' });
    await byName.focus();
    await page.keyboard.press('Enter');
    expect(await sortState('name')).toBe('ascending');
    const asc = await names();
    expect(asc).toEqual([...asc].sort(new Intl.Collator('vi', { numeric: true }).compare));
    await page.keyboard.press('Space');
    expect(await sortState('name')).toBe('descending');
    expect(await names()).toEqual([...asc].reverse());
    // A share with no dossiers stays last in both directions.
    await page.getByRole('button', { name: 'Tỷ lệ trực tuyến' }).click();
    await page.getByRole('button', { name: 'Tỷ lệ trực tuyến' }).click();
    expect(await sortState('onlineShare')).toBe('ascending');
    const ranked = (await apiCommunes()).filter((c) => c.onlineShare !== null);
    const lowFirst = ranked.sort((a, b) => a.onlineShare! - b.onlineShare!).map((c) => c.communeName);
    expect((await names()).slice(0, ranked.length)).toEqual(lowFirst);
    expect(lowFirst.at(-1)).toBe('Cẩm Thành');
    expect((await column(4)).slice(ranked.length).every((x) => x === '—')).toBe(true);
  });

  it('compares two communes side by side', async () => {
    await page.getByLabel('Chọn Trà Bồng để so sánh').check();
    await page.getByLabel('Chọn Cẩm Thành để so sánh').check();
    await page.getByRole('button', { name: 'So sánh các xã đã chọn (2)' }).click();
    await waitForDashboard(page, 'So sánh các xã, phường');
    expect(new URL(page.url()).searchParams.get('xa')).toBe('21115,21025');
    const head = await page.locator('#compare-table thead th').allTextContents();
    expect(head).toEqual(['Chỉ số', 'Trà Bồng', 'Cẩm Thành']);
    const rows = await tableRows(page, 'compare-table');
    expect(rows.find((r) => r[0] === 'Hồ sơ nộp')![2]).toBe('3');
    expect(rows.find((r) => r[0] === 'Tỷ lệ trực tuyến')![2]).toBe('100%');
    expect(await page.locator('[data-chart="cmp-onlineShare"] svg[role="img"]').count()).toBe(1);
    await expectAccessible(page, 'comparison');
  });

  it('drills down from the ranking to a commune dashboard, and back', async () => {
    await page.getByRole('link', { name: 'Về bảng xếp hạng' }).click();
    await waitForDashboard(page, 'Bảng điều hành tỉnh Quảng Ngãi');
    await page.locator('#ranking').getByRole('link', { name: 'Trà Bồng', exact: true }).click();
    await waitForDashboard(page, 'Bảng điều hành xã Trà Bồng');
    expect(new URL(page.url()).pathname).toBe('/lanh-dao/xa/21115');
    expect((await tableRows(page, 'trend-table')).length).toBe(12);
    // The province viewer reads a commune's figures and may go back to the province.
    await page.getByRole('link', { name: '← Về bảng điều hành tỉnh' }).click();
    await waitForDashboard(page, 'Bảng điều hành tỉnh Quảng Ngãi');
  });

  it('a volunteer has no dashboard: told so, not shown an error', async () => {
    const v = await newStaffPage(browser, t.baseURL, DESKTOP);
    await signInLeader(v.page, 'demo.volunteer', '/lanh-dao/xa/21115');
    await v.page.getByText('Bảng điều hành dành cho lãnh đạo, cán bộ một cửa của xã và cán bộ tỉnh.', { exact: false }).waitFor();
    expect(await v.page.locator('.dashboard').count()).toBe(0);
    await v.context.close();
  });
});
