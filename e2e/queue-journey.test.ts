import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoCommuneCode } from '../tests/support/fixtures';
import { PHONE } from './support/browser';
import { expectAccessible } from './support/citizen';
import { newStaffPage, signInStaff } from './support/staff';
import { useWebAppAndBrowser, type WebTestApp } from './support/web-app';

let t: WebTestApp;
let browser: Browser;
useWebAppAndBrowser((app, b) => { t = app; browser = b; });

/** A tablet at the door, a TV in the waiting room. */
const TABLET = { viewport: { width: 800, height: 1280 }, hasTouch: true, isMobile: true, locale: 'vi-VN' } as const;
const TV = { viewport: { width: 1920, height: 1080 }, locale: 'vi-VN' } as const;

describe('queue journey in Chromium', { timeout: 180_000 }, () => {
  it('journey 6: take a ticket at the kiosk, the officer calls it, the display board shows it', async () => {
    const commune = await demoCommuneCode(t);
    const tv = await newStaffPage(browser, t.baseURL, TV);
    await tv.page.goto(`/hang-doi/${commune}/man-hinh`);
    await tv.page.getByTestId('counter-2').waitFor();
    expect(await tv.page.getByTestId('counter-2').textContent()).toContain('—');

    const kiosk = await newStaffPage(browser, t.baseURL, TABLET);
    await kiosk.page.goto(`/hang-doi/${commune}/lay-so`);
    await kiosk.page.getByRole('heading', { name: 'Lấy số thứ tự' }).waitFor();
    await expectAccessible(kiosk.page, 'kiosk groups');
    await kiosk.page.getByRole('button', { name: /Chứng thực/ }).click();
    // A wrong phone is explained next to the field; the person may also go on without one.
    await kiosk.page.getByLabel(/Số điện thoại để nhận tin nhắn/).fill('12345');
    await kiosk.page.getByRole('button', { name: 'Lấy số và nhận tin nhắn' }).click();
    await expect.poll(() => kiosk.page.locator('#kiosk-phone-error').textContent()).toContain('chưa đúng');
    await expectAccessible(kiosk.page, 'kiosk phone step');
    await kiosk.page.getByLabel(/Số điện thoại để nhận tin nhắn/).fill('0900000009');
    await kiosk.page.getByRole('button', { name: 'Lấy số và nhận tin nhắn' }).click();
    const number = (await kiosk.page.getByTestId('ticket-number').textContent())!.trim();
    expect(number).toMatch(/^B\d{3}$/);
    await expectAccessible(kiosk.page, 'kiosk ticket');
    // The board already counts the new person waiting (live).
    await expect.poll(() => tv.page.locator('.board-side li', { hasText: 'Chứng thực' }).textContent()).toContain('1');

    const desk = await newStaffPage(browser, t.baseURL, PHONE);
    await signInStaff(desk.page, 'demo.officer', '/hang-doi/quay');
    await desk.page.getByRole('heading', { name: 'Quầy gọi số' }).waitFor();
    await desk.page.getByLabel('Quầy của bạn').selectOption({ label: 'Quầy 2 – Chứng thực' });
    await expectAccessible(desk.page, 'counter page');
    await desk.page.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
    await expect.poll(() => desk.page.getByTestId('current-number').textContent()).toBe(number);

    await expect.poll(() => tv.page.getByTestId('counter-2').textContent()).toContain(number);
    await expect.poll(() => tv.page.getByTestId('board-announce').textContent()).toBe(`Mời số ${number} đến Quầy 2 – Chứng thực`);
    await expectAccessible(tv.page, 'display board');

    // Recall shows it again; "done" frees the counter and the board.
    await desk.page.getByRole('button', { name: 'Gọi lại' }).click();
    await desk.page.getByRole('button', { name: 'Xong' }).click();
    await expect.poll(() => desk.page.getByTestId('current-number').textContent()).toBe('—');
    await expect.poll(() => tv.page.getByTestId('counter-2').textContent()).toContain('—');
    await expect.poll(() => tv.page.locator('.board-side', { hasText: 'Vừa gọi' }).textContent()).toContain(number);
    for (const c of [tv, kiosk, desk]) await c.context.close();
  });

  it('sends the signed-out officer to sign in first, then back to the counter', async () => {
    const { context, page } = await newStaffPage(browser, t.baseURL, PHONE);
    await page.goto('/hang-doi/quay');
    await page.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/hang-doi/quay');
    await page.goto('/hang-doi/');
    await page.getByRole('heading', { name: 'Xếp hàng, lấy số' }).waitFor();
    await expectAccessible(page, 'queue home');
    await context.close();
  });
  it('the commune admin adds a service group, gives it to counter 1, and the kiosk offers it', async () => {
    const commune = await demoCommuneCode(t);
    const admin = await newStaffPage(browser, t.baseURL, PHONE);
    await signInStaff(admin.page, 'demo.admin', '/can-bo/quan-tri/quay');
    await admin.page.getByRole('heading', { level: 1, name: 'Quầy, lấy số' }).waitFor();
    await admin.page.getByRole('button', { name: 'Thêm nhóm' }).click();
    const group = admin.page.locator('fieldset', { hasText: 'Nhóm thủ tục' }).locator('.card').last();
    const letter = await group.getByLabel(/Chữ cái đầu số/).inputValue();
    expect(letter).toMatch(/^[A-Z]$/);
    await group.getByLabel(/^Tên nhóm/).first().fill('Đất đai, xây dựng');
    await group.getByLabel(/Tên nhóm bằng tiếng Anh/).fill('Land and construction');
    await admin.page.locator('fieldset', { hasText: 'Quầy 1' }).getByLabel(`${letter} · Đất đai, xây dựng`).check();
    await expectAccessible(admin.page, 'queue admin with a new group');
    await admin.page.getByRole('button', { name: 'Lưu' }).click();
    await admin.page.getByText('Đã lưu').waitFor();

    const kiosk = await newStaffPage(browser, t.baseURL, TABLET);
    await kiosk.page.goto(`/hang-doi/${commune}/lay-so`);
    await kiosk.page.getByRole('button', { name: /Đất đai, xây dựng/ }).click();
    await kiosk.page.getByRole('button', { name: 'Lấy số, không cần tin nhắn' }).click();
    expect((await kiosk.page.getByTestId('ticket-number').textContent())!.trim()).toMatch(new RegExp(`^${letter}\\d{3}$`));
    for (const c of [admin, kiosk]) await c.context.close();
  });
});
