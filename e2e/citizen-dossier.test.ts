/**
 * Citizen journeys in Chromium at phone size (issue 3, journeys 1 and 4 and the citizen half of 2). Each file has its
 * own app (and so its own sign-in rate limits, which count per address: every test browser is 127.0.0.1).
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { act, submitAsCitizen } from '../tests/support/fixtures';
import { bearer } from '../tests/support/test-app';
import { newPhonePage } from './support/browser';
import { expectAccessible, signInOnPage, staffAct, staffUpload } from './support/citizen';
import { makePdf, makePng } from './support/images';
import { useWebAppAndBrowser, type WebTestApp } from './support/web-app';

let t: WebTestApp;
let browser: Browser;
useWebAppAndBrowser((app, b) => { t = app; browser = b; });

describe('my dossiers and lookup on a 360×740 phone', { timeout: 120_000 }, () => {
  it('answers a supplement request with a photo (citizen side of journey 2)', async () => {
    const { code } = await submitAsCitizen(t, '0900000003');
    await staffAct(t, 'demo.officer', code, { type: 'receive' });
    await staffAct(t, 'demo.specialist', code, { type: 'request_supplement', missingDocuments: ['Bản sao sổ hộ khẩu'] });
    const { context, page } = await newPhonePage(browser, t.baseURL);
    await page.goto(`/ho-so/${code}`);
    await signInOnPage(page, '0900000003');
    await page.getByRole('heading', { name: 'Xã cần bạn bổ sung giấy tờ' }).waitFor();
    await expect.poll(() => page.getByText('Bản sao sổ hộ khẩu').first().isVisible()).toBe(true);
    await expectAccessible(page, 'dossier awaiting supplement');
    await page.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await expect.poll(() => page.locator('#supplement-files-error').textContent()).toContain('ít nhất một ảnh');
    await page.getByTestId('supplement-files-camera').setInputFiles({ name: 'so-ho-khau.png', mimeType: 'image/png', buffer: makePng(800, 600, 3) });
    await expect.poll(() => page.getByText('Đã tải lên').count()).toBe(1);
    await page.getByLabel('Lời nhắn cho cán bộ').fill('Tôi gửi bản sao sổ hộ khẩu');
    await page.getByRole('button', { name: 'Gửi bổ sung' }).click();
    // Supplied after reception: back to "received", the full period restarts (ND 61/2018 Art. 19.4).
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('Đã tiếp nhận');
    const view = await t.app.inject({ method: 'GET', url: `/api/dossiers/${code}`, headers: bearer(await t.citizenToken('0900000003')) });
    expect(view.json().timeline.at(-1)).toMatchObject({ type: 'supplement', note: 'Tôi gửi bản sao sổ hộ khẩu' });
    expect(view.json().timeline.at(-1).attachments).toHaveLength(1);
    await context.close();
  });

  it('journey 4: sees "Đã trả kết quả", downloads the electronic result and rates', async () => {
    const { code } = await submitAsCitizen(t, '0900000004');
    await staffAct(t, 'demo.officer', code, { type: 'receive' });
    await staffAct(t, 'demo.specialist', code, { type: 'start_processing' });
    const result = await staffUpload(t, 'demo.leader', makePdf('Ban sao trich luc'));
    await staffAct(t, 'demo.leader', code, { type: 'approve', attachments: [result] });
    expect((await act(t, 'demo.officer', code, { type: 'return_result' })).statusCode).toBe(200);

    const { context, page } = await newPhonePage(browser, t.baseURL);
    await page.goto('/dang-nhap');
    await signInOnPage(page, '0900000004');
    await page.getByRole('heading', { name: 'Hồ sơ của tôi' }).waitFor();
    await expectAccessible(page, 'my dossiers');
    await page.getByRole('link', { name: new RegExp(code.replace(/\./g, '\\.')) }).click();
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('Đã trả kết quả');
    const download = page.getByRole('link', { name: /Tải kết quả/ });
    const res = await page.request.get(await download.getAttribute('href') as string);
    expect(res.headers()['content-type']).toBe('application/pdf');
    await page.getByRole('heading', { name: 'Đánh giá sự hài lòng' }).waitFor();
    await expectAccessible(page, 'returned dossier with rating form');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect.poll(() => page.getByText('Vui lòng chọn từ 1 đến 5').isVisible()).toBe(true);
    await page.getByLabel('4 – Hài lòng').first().check();
    await page.getByText('Đánh giá chi tiết (không bắt buộc)').click();
    await page.getByRole('radiogroup', { name: 'Thái độ của cán bộ' }).or(page.locator('fieldset', { hasText: 'Thái độ của cán bộ' })).getByLabel('5 – Rất hài lòng').check();
    await page.getByLabel('Góp ý khác').fill('Cán bộ hướng dẫn tận tình');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect.poll(() => page.getByText('Cảm ơn bạn đã đánh giá (4/5).').isVisible()).toBe(true);
    const rating = await t.app.inject({ method: 'GET', url: `/api/dossiers/${code}/rating`, headers: bearer(await t.staffToken('demo.leader')) });
    expect(rating.json()).toMatchObject({ overall: 4, staffConduct: 5, comment: 'Cán bộ hướng dẫn tận tình' });
    await context.close();
  });

  it('public lookup by code and by the QR link, without signing in', async () => {
    const { code } = await submitAsCitizen(t, '0900000005');
    const { context, page } = await newPhonePage(browser, t.baseURL);
    await page.goto('/');
    await page.getByLabel('Mã hồ sơ').fill(code);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('Đã nộp, chờ tiếp nhận');
    await expect.poll(() => page.getByText('N*** V** A*').isVisible()).toBe(true);
    await expectAccessible(page, 'lookup result');
    await page.goto(`/tra-cuu/${encodeURIComponent(code)}`);
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('Đã nộp, chờ tiếp nhận');
    await page.goto('/tra-cuu/KHONG-CO-MA-NAY');
    await expect.poll(() => page.getByText('Không tìm thấy hồ sơ có mã KHONG-CO-MA-NAY').isVisible()).toBe(true);
    await expectAccessible(page, 'lookup not found');
    await page.goto('/khong-co-trang-nay');
    await page.getByRole('heading', { name: 'Không tìm thấy trang này.' }).waitFor();
    await expectAccessible(page, 'not found page');
    await context.close();
  });
});

describe('keyboard only', { timeout: 60_000 }, () => {
  it('skips to the content, reaches a procedure and signs in without a mouse', async () => {
    const { context, page } = await newPhonePage(browser, t.baseURL);
    await page.goto('/');
    await page.locator('.cards .link-card').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bỏ qua, đến nội dung chính');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.type('tam tru');
    const card = page.getByRole('link', { name: /^Đăng ký tạm trú/ });
    await card.waitFor();
    for (let i = 0; i < 10 && !(await card.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Đăng ký tạm trú' }).waitFor();
    // The new page's heading takes the focus, so a screen reader announces it.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.goto('/dang-nhap');
    await page.getByLabel('Số điện thoại').focus();
    await page.keyboard.type('0900000007');
    await page.keyboard.press('Enter');
    const code = (await page.getByTestId('dev-code').textContent())!.trim();
    await page.getByLabel('Mã 6 số').focus();
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Hồ sơ của tôi' }).waitFor();
    await context.close();
  });
});
