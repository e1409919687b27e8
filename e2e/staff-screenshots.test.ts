import { mkdirSync } from 'node:fs';
import { beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { act, demoCommuneCode, submitAsCitizen } from '../tests/support/fixtures';
import { bearer } from '../tests/support/test-app';
import { PHONE } from './support/browser';
import { newStaffPage, openFromInbox, signInStaff } from './support/staff';
import { useWebAppAndBrowser, type WebTestApp } from './support/web-app';

/**
 * Phone-size screenshots of the staff and queue pages (the display board at TV size) for docs/screenshots/, linked
 * from the README. Not part of the normal run: `XASO_SCREENSHOTS=1 npx vitest run e2e/staff-screenshots.test.ts`.
 */
const DIR = 'docs/screenshots';
const PHONE1 = { ...PHONE, deviceScaleFactor: 1 };
let t: WebTestApp;
let browser: Browser;

describe.runIf(process.env.XASO_SCREENSHOTS === '1')('staff and queue screenshots', { timeout: 240_000 }, () => {
  beforeAll(() => { mkdirSync(DIR, { recursive: true }); });
  useWebAppAndBrowser((app, b) => { t = app; browser = b; });

  const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: `${DIR}/${name}.png`, fullPage });

  it('takes the staff pages', async () => {
    const { code } = await submitAsCitizen(t, '0900000006');
    await act(t, 'demo.officer', code, { type: 'receive' });
    await act(t, 'demo.specialist', code, { type: 'request_supplement', missingDocuments: ['Bản sao giấy khai sinh'] });
    const { context, page } = await newStaffPage(browser, t.baseURL, PHONE1);
    await page.goto('/can-bo/');
    await page.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
    await shot(page, 'staff-01-sign-in');
    await signInStaff(page, 'demo.officer', '/can-bo/ho-so?trang-thai=all');
    await page.locator('ul.inbox li').first().waitFor();
    await shot(page, 'staff-02-inbox');
    await page.goto('/can-bo/ho-so?trang-thai=all');
    await openFromInbox(page, code);
    await page.getByRole('button', { name: 'Hiện số căn cước và điện thoại' }).waitFor();
    await shot(page, 'staff-03-dossier', true);
    await page.getByRole('button', { name: 'Từ chối', exact: true }).click();
    await page.locator('#action-form').scrollIntoViewIfNeeded();
    await shot(page, 'staff-04-refusal-form');
    await page.goto('/can-bo/tiep-nhan');
    await page.getByLabel('Thủ tục').selectOption('2.000908');
    await page.getByRole('heading', { name: 'Tờ khai và giấy tờ' }).waitFor();
    await shot(page, 'staff-05-counter-intake');
    await context.close();

    const admin = await newStaffPage(browser, t.baseURL, PHONE1);
    await signInStaff(admin.page, 'demo.admin', '/can-bo/quan-tri/tai-khoan');
    await admin.page.locator('table.grid tbody tr').first().waitFor();
    await shot(admin.page, 'staff-06-admin-accounts');
    await admin.page.goto('/can-bo/quan-tri/thu-tuc');
    await admin.page.locator('table.grid tbody tr').first().waitFor();
    await shot(admin.page, 'staff-07-admin-procedures');
    await admin.page.goto('/can-bo/quan-tri/lich-nghi');
    await admin.page.getByRole('heading', { name: 'Thêm ngày nghỉ' }).waitFor();
    await shot(admin.page, 'staff-08-admin-calendar');
    await admin.context.close();
  });

  it('takes the queue pages', async () => {
    const commune = await demoCommuneCode(t);
    for (const g of ['ho_tich', 'ho_tich', 'chung_thuc']) await t.app.inject({ method: 'POST', url: `/api/communes/${commune}/queue/tickets`, payload: { groupKey: g } });
    const kiosk = await newStaffPage(browser, t.baseURL, PHONE1);
    await kiosk.page.goto(`/hang-doi/${commune}/lay-so`);
    await kiosk.page.getByRole('heading', { name: 'Lấy số thứ tự' }).waitFor();
    await shot(kiosk.page, 'queue-01-kiosk');
    await kiosk.page.getByRole('button', { name: /Tư pháp/ }).click();
    await kiosk.page.getByRole('button', { name: 'Lấy số, không cần tin nhắn' }).click();
    await kiosk.page.getByTestId('ticket-number').waitFor();
    await shot(kiosk.page, 'queue-02-ticket');
    const desk = await newStaffPage(browser, t.baseURL, PHONE1);
    await signInStaff(desk.page, 'demo.officer', '/hang-doi/quay');
    await desk.page.getByLabel('Quầy của bạn').selectOption({ label: 'Quầy 1 – Tư pháp, hộ tịch' });
    await desk.page.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
    await desk.page.getByRole('button', { name: 'Xong' }).waitFor();
    await shot(desk.page, 'queue-03-counter');
    const counters = (await t.app.inject({ method: 'GET', url: `/api/communes/${commune}/queue` })).json().counters as { id: string; number: number }[];
    const tv = await newStaffPage(browser, t.baseURL, { viewport: { width: 1920, height: 1080 }, locale: 'vi-VN' });
    await tv.page.goto(`/hang-doi/${commune}/man-hinh`);
    await tv.page.getByTestId('counter-1').waitFor();
    await t.app.inject({ method: 'POST', url: `/api/communes/${commune}/queue/counters/${counters.find((c) => c.number === 2)!.id}/call-next`, headers: bearer(await t.staffToken('demo.officer')) });
    await tv.page.getByTestId('board-announce').filter({ hasText: 'Mời số' }).waitFor();
    await shot(tv.page, 'queue-04-display-tv');
    for (const c of [kiosk, desk, tv]) await c.context.close();
  });
});
