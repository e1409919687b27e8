/**
 * Citizen journeys in Chromium at phone size (issue 3, journeys 1 and 4 and the citizen half of 2). Each file has its
 * own app (and so its own sign-in rate limits, which count per address: every test browser is 127.0.0.1).
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { submitAsCitizen } from '../tests/support/fixtures';
import { bearer } from '../tests/support/test-app';
import { newPhonePage } from './support/browser';
import { expectAccessible, signInOnPage, staffAct } from './support/citizen';
import { makePdf, makePng } from './support/images';
import { useWebAppAndBrowser, type WebTestApp } from './support/web-app';

let t: WebTestApp;
let browser: Browser;
useWebAppAndBrowser((app, b) => { t = app; browser = b; });

describe('journey 1: submitting on a 360×740 phone', { timeout: 120_000 }, () => {
  it('journey 1: signs in, submits a procedure with two photos, gets a code', async () => {
    const { context, page } = await newPhonePage(browser, t.baseURL);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Thủ tục hay dùng' }).waitFor();
    await expectAccessible(page, 'home');
    // Search without accents finds the accented name.
    await page.getByLabel('Bạn cần làm thủ tục gì?').fill('dang ky khai sinh');
    await page.getByRole('link', { name: /^Đăng ký khai sinh/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
    await expect.poll(() => page.getByText('Thời gian giải quyết').isVisible()).toBe(true);
    await expectAccessible(page, 'procedure page');
    await page.getByRole('link', { name: 'Nộp hồ sơ' }).click();
    // Not signed in yet: the sign-in page, then back to the wizard.
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await expectAccessible(page, 'sign-in');
    await signInOnPage(page, '0900000001', { axe: true });
    await page.getByRole('heading', { name: 'Người nộp hồ sơ' }).waitFor();
    expect(await page.getByLabel('Số điện thoại').inputValue()).toBe('0900000001');

    // Bad input: the error is next to the field, in Vietnamese, and the typed text stays.
    await page.getByLabel('Họ và tên').fill('Trần Thị Bình');
    await page.getByLabel('Số căn cước (số định danh cá nhân)').fill('05119001');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => page.locator('#applicant-idNumber-error').textContent()).toBe('Số căn cước phải có đúng 12 chữ số');
    expect(await page.getByLabel('Số căn cước (số định danh cá nhân)').inputValue()).toBe('05119001');
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Trần Thị Bình');
    await expectAccessible(page, 'wizard with errors');
    await page.getByLabel('Số căn cước (số định danh cá nhân)').fill('051190012345');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    await page.getByRole('heading', { name: 'Thông tin của trẻ' }).waitFor();
    await page.getByLabel('Họ, chữ đệm và tên của trẻ').fill('Trần Minh Khang');
    await page.getByLabel('Ngày, tháng, năm sinh').fill('2026-10-02');
    await page.getByLabel('Giới tính').selectOption('nam');
    await page.getByLabel('Nơi sinh').fill('Trạm y tế xã Trà Bồng');
    await page.getByLabel('Dân tộc').fill('Kinh');
    await expectAccessible(page, 'wizard form step');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('heading', { name: 'Cha, mẹ' }).waitFor();
    await page.getByLabel('Họ, chữ đệm và tên người mẹ').fill('Trần Thị Bình');
    await page.getByLabel('Quan hệ của người đi đăng ký với trẻ').selectOption('me');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    await page.getByRole('heading', { name: 'Giấy tờ' }).waitFor();
    const field = (await t.app.inject({ method: 'GET', url: '/api/procedures/1.001193' })).json().form.fields.find((f: { type: string }) => f.type === 'file');
    await page.getByTestId(`f-${field.key}-camera`).setInputFiles({ name: 'giay-chung-sinh-1.png', mimeType: 'image/png', buffer: makePng(1200, 900, 1) });
    await page.getByTestId(`f-${field.key}-file`).setInputFiles({ name: 'giay-chung-sinh-2.png', mimeType: 'image/png', buffer: makePng(900, 1200, 2) });
    await expect.poll(() => page.getByText('Đã tải lên').count()).toBe(2);
    await expect.poll(() => page.getByRole('img', { name: /Ảnh số/ }).count()).toBe(2);
    await expectAccessible(page, 'wizard photos');

    // A closed tab loses nothing: reopen the wizard, the draft and both photos are back on the same step.
    await page.goto('/nop/1.001193');
    await page.getByRole('heading', { name: 'Giấy tờ' }).waitFor();
    await expect.poll(() => page.getByText('Đã tải lên').count()).toBe(2);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('heading', { name: 'Kiểm tra và nộp' }).waitFor();
    await expect.poll(() => page.getByText('Trần Minh Khang').isVisible()).toBe(true);
    await expectAccessible(page, 'wizard review');
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();

    await page.getByRole('heading', { name: 'Đã nộp hồ sơ' }).waitFor();
    const code = (await page.getByTestId('dossier-code').textContent())!.trim();
    expect(code).toMatch(/^[\w.-]+-\d{6}-\d{4}$/);
    expect(await page.getByTestId('due-at').textContent()).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(await page.locator('svg.qr path').getAttribute('d')).toMatch(/^M\d/);
    await expectAccessible(page, 'submission done');

    const view = await t.app.inject({ method: 'GET', url: `/api/dossiers/${code}`, headers: bearer(await t.citizenToken('0900000001')) });
    expect(view.json()).toMatchObject({ status: 'submitted', channel: 'online', applicant: { fullName: 'Trần Thị Bình', idNumber: '051190012345' } });
    const photos = view.json().fields[field.key] as string[];
    expect(photos).toHaveLength(2);
    // The photos were shrunk on the phone to at most 1600 px and sent as JPEG.
    const meta = await t.app.inject({ method: 'GET', url: `/api/files/${photos[0]}/meta`, headers: bearer(await t.staffToken('demo.officer')) });
    expect(meta.json().contentType).toBe('image/jpeg');
    // The draft is gone: opening the wizard again starts afresh.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('xaso.draft.')).length)).toBe(0);
    await context.close();
  });

  it('refuses a file of the wrong type or above the limit, with a message', async () => {
    const { code } = await submitAsCitizen(t, '0900000002');
    await staffAct(t, 'demo.officer', code, { type: 'request_supplement', missingDocuments: ['Giấy chứng sinh'] });
    const { context, page } = await newPhonePage(browser, t.baseURL);
    await page.goto(`/ho-so/${code}`);
    await signInOnPage(page, '0900000002');
    await page.getByRole('heading', { name: 'Xã cần bạn bổ sung giấy tờ' }).waitFor();
    const input = page.getByTestId('supplement-files-file');
    // Named and declared as a JPEG, but the bytes are not a photo: the server checks the content and refuses.
    await input.setInputFiles({ name: 'anh.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('MZ this is a program pretending to be a photo') });
    await expect.poll(() => page.locator('#supplement-files-error').textContent()).toContain('Chỉ nhận ảnh');
    await input.setInputFiles({ name: 'ho-so.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([makePdf(), Buffer.alloc(6 * 1_048_576, 32)]) });
    await expect.poll(() => page.locator('#supplement-files-error').textContent()).toContain('quá lớn');
    expect(await page.getByText('Đã tải lên').count()).toBe(0);
    await expectAccessible(page, 'upload refused');
    await context.close();
  });

});

describe('a dropped connection during submission', { timeout: 120_000 }, () => {
  it('retries with the same Idempotency-Key: the answer is lost once, the citizen still gets one dossier', async () => {
    const { context, page } = await newPhonePage(browser, t.baseURL);
    let dropped = 0;
    const keys: string[] = [];
    // The first POST reaches the server (the dossier is created) but its answer never comes back.
    await page.route('**/api/dossiers', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(route.request().headers()['idempotency-key']!);
      if (dropped++ === 0) {
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await page.goto('/dang-nhap?next=%2Fnop%2F2.000908');
    await signInOnPage(page, '0900000006');
    await page.getByLabel('Họ và tên').fill('Phạm Thị Dung');
    await page.getByLabel('Số căn cước (số định danh cá nhân)').fill('051190077777');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByLabel('Tên giấy tờ đã được cấp bản chính').fill('Giấy khai sinh');
    await page.getByLabel('Họ tên người được cấp bản chính').fill('Phạm Thị Dung');
    await page.getByLabel('Số, ký hiệu của bản chính (nếu có)').fill('123/2001');
    await page.getByLabel('Ngày cấp bản chính (nếu nhớ)').fill('2001-03-04');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    // "2" typed as text in a number box; a letter would be refused next to the field.
    await page.getByLabel('Số bản sao cần cấp').fill('hai');
    await page.getByLabel('Quan hệ của người đi đăng ký với người được cấp bản chính').selectOption('khac');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => page.locator('#f-copies-error').textContent()).toBe('Phải là một số');
    expect(await page.getByLabel('Số bản sao cần cấp').inputValue()).toBe('hai');
    await page.getByLabel('Số bản sao cần cấp').fill('2');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await page.getByRole('heading', { name: 'Đã nộp hồ sơ' }).waitFor();
    const code = (await page.getByTestId('dossier-code').textContent())!.trim();
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys).size).toBe(1);
    const mine = await t.app.inject({ method: 'GET', url: '/api/dossiers?limit=200', headers: bearer(await t.citizenToken('0900000006')) });
    const fresh = (mine.json().items as { code: string; submittedAt: string }[]).filter((d) => Date.now() - Date.parse(d.submittedAt) < 120_000);
    expect(fresh.map((d) => d.code)).toEqual([code]);
    const view = await t.app.inject({ method: 'GET', url: `/api/dossiers/${code}`, headers: bearer(await t.citizenToken('0900000006')) });
    expect(view.json().fields).toMatchObject({ copies: 2, requesterRelationship: 'khac', issueDate: '2001-03-04' });
    await context.close();
  });
});
