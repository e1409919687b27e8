import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PHONE } from './browser';
import { waitForHeading } from './staff';

/** The field app on a member's phone: 360 px, touch, Vietnamese; service workers allowed (the default). */
export async function newFieldPhone(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...PHONE, baseURL, serviceWorkers: 'allow' });
  const page = await context.newPage();
  // Generous: under `npm test` several browsers and servers share two cores.
  page.setDefaultTimeout(30_000);
  return { context, page };
}

/** Signs in through the field app's page and waits until the villages' households are on the phone. */
export async function signInField(page: Page, username: string, fullName: string): Promise<void> {
  await page.goto('/to-cong-nghe/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('xaso-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await waitForHeading(page, `Chào ${fullName}`);
  await waitForSynced(page);
}

/** The sync bar says the phone has talked to the server (snapshot or pull done). */
export async function waitForSynced(page: Page): Promise<void> {
  await page.getByTestId('syncbar').filter({ hasText: 'đồng bộ lúc' }).waitFor();
}

/** The service worker has installed (every file of the app is cached) and controls the page. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
  });
}

/** Logs one anonymous walk-in act through the quick form (the form keeps place and duration between acts). */
export async function logWalkIn(page: Page, kind: string, note: string): Promise<void> {
  await page.getByText('Người vãng lai', { exact: true }).click();
  await page.getByText(kind, { exact: true }).click();
  await page.getByLabel('Ghi chú').fill(note);
  await page.getByRole('button', { name: 'Lưu lượt hỗ trợ' }).click();
}

/** Goes somewhere inside the app without a page load (a reload offline is tested on its own). */
export async function openInApp(page: Page, linkName: string): Promise<void> {
  await page.getByRole('link', { name: linkName, exact: true }).first().click();
}
