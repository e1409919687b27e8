import type { Page } from 'playwright-core';
import { parseVietnameseNumber } from '../../web/lanh-dao/format';

/**
 * Steps of the leader dashboards (/lanh-dao/). Sign-in goes through the page, as a leader would; each call is one
 * sign-in, and sign-ins are rate-limited per address, so keep to about 8 per test file.
 */
export async function signInLeader(page: Page, username: string, next?: string): Promise<void> {
  await page.goto(next ? `/lanh-dao/dang-nhap?next=${encodeURIComponent(next)}` : '/lanh-dao/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('xaso-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/lanh-dao/dang-nhap'));
}

/** Waits until a dashboard has drawn its figures (the h1 carries the commune or province name). */
export async function waitForDashboard(page: Page, heading: string | RegExp): Promise<void> {
  await page.locator('.dashboard').waitFor();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** The body rows of a table as text, cell by cell (header cells of rows included). */
export async function tableRows(page: Page, tableId: string): Promise<string[][]> {
  return page.locator(`table#${tableId} tbody tr`).evaluateAll((rows) =>
    rows.map((r) => Array.from(r.querySelectorAll('th, td'), (c) => (c.textContent ?? '').trim())));
}

/** "42,2%" → 42.2; "—" → null. */
export const vn = (text: string): number | null => parseVietnameseNumber(text);
