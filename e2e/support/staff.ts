import { expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readPdf } from '../../src/platform/pdf/pdf-test-utils';

/** An office PC: staff mostly work at a desk (the phone layout is checked by the screenshots and axe runs). */
export const DESKTOP = { viewport: { width: 1280, height: 800 }, locale: 'vi-VN' } as const;

export async function newStaffPage(browser: Browser, baseURL: string, opts: object = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...opts, baseURL });
  const page = await context.newPage();
  // Generous: under `npm test` several browsers and servers share two cores.
  page.setDefaultTimeout(30_000);
  return { context, page };
}

/** Staff sign-in through the page; ends on the role's start page (or `next`). */
export async function signInStaff(page: Page, username: string, next = '/can-bo/'): Promise<void> {
  await page.goto(`/can-bo/dang-nhap?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('xaso-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  if (next.startsWith('/can-bo')) await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  else await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

/** Opens a dossier from the inbox list, as the officer would, and waits for its page. */
export async function openFromInbox(page: Page, code: string): Promise<void> {
  await page.locator('ul.inbox li', { hasText: code }).getByRole('link').click();
  await page.getByTestId('dossier-code').filter({ hasText: code }).waitFor();
}

/** Presses an action button, then the confirm button of its form; waits for the new status. */
export async function takeAction(page: Page, button: string, status: string, fill?: (page: Page) => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.locator('#action-form').waitFor();
  if (fill) await fill(page);
  await page.getByRole('button', { name: `Xác nhận: ${button}` }).click();
  await expect.poll(() => page.getByTestId('status').textContent()).toBe(status);
}

/** Follows a slip link with the page's own session and reads the PDF back. */
export async function fetchSlip(page: Page, slip: string) {
  const href = await page.locator(`a[data-slip="${slip}"]`).getAttribute('href');
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  return readPdf(await res.body());
}

/** Waits for the page's h1; on failure says what the page showed instead. */
export async function waitForHeading(page: Page, name: string): Promise<void> {
  try {
    await page.getByRole('heading', { level: 1, name }).waitFor();
  } catch (err) {
    const shown = await page.locator('body').innerText().catch(() => '(no body)');
    throw new Error(`heading "${name}" not shown at ${page.url()}; the page shows:\n${shown.slice(0, 600)}`, { cause: err });
  }
}
