import { mkdirSync } from 'node:fs';
import { beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { submitAsCitizen } from '../tests/support/fixtures';
import { PHONE } from './support/browser';
import { signInOnPage, staffAct, staffUpload } from './support/citizen';
import { makePdf, makePng } from './support/images';
import { useWebAppAndBrowser, type WebTestApp } from './support/web-app';

/**
 * Phone-size screenshots of the citizen pages for docs/screenshots/ (linked from the README). Not part of the normal
 * run, so that `npm test` never rewrites committed images: `XASO_SCREENSHOTS=1 npx vitest run e2e/citizen-screenshots.test.ts`.
 */
const DIR = 'docs/screenshots';
let t: WebTestApp;
let browser: Browser;

describe.runIf(process.env.XASO_SCREENSHOTS === '1')('citizen screenshots', { timeout: 180_000 }, () => {
  beforeAll(() => { mkdirSync(DIR, { recursive: true }); });
  useWebAppAndBrowser((app, b) => { t = app; browser = b; });

  const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: `${DIR}/citizen-${name}.png`, fullPage });

  it('takes the citizen pages', async () => {
    const context = await browser.newContext({ ...PHONE, deviceScaleFactor: 1, baseURL: t.baseURL });
    const page = await context.newPage();
    await page.goto('/');
    await page.locator('.cards .link-card').first().waitFor();
    await shot(page, '01-home');
    await page.getByLabel('Bạn cần làm thủ tục gì?').fill('khai sinh');
    await page.getByText(/Tìm thấy \d+ thủ tục/).waitFor();
    await shot(page, '02-search');
    await page.goto('/thu-tuc/1.001193');
    await page.getByRole('link', { name: 'Nộp hồ sơ' }).waitFor();
    await shot(page, '03-procedure', true);
    await page.getByRole('link', { name: 'Nộp hồ sơ' }).click();
    await page.getByLabel('Số điện thoại').fill('0900000001');
    await page.getByRole('button', { name: 'Gửi mã' }).click();
    await page.getByTestId('dev-code').waitFor();
    await shot(page, '04-sign-in-code');
    const code = await page.getByTestId('dev-code').textContent();
    await page.getByLabel('Mã 6 số').fill(code!.trim());
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByLabel('Họ và tên').fill('Trần Thị Bình');
    await page.getByLabel('Số căn cước (số định danh cá nhân)').fill('0511900');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.locator('#applicant-idNumber-error').waitFor();
    await shot(page, '05-wizard-error', true);
    await page.getByLabel('Số căn cước (số định danh cá nhân)').fill('051190012345');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByLabel('Họ, chữ đệm và tên của trẻ').fill('Trần Minh Khang');
    await page.getByLabel('Ngày, tháng, năm sinh').fill('2026-10-02');
    await page.getByLabel('Giới tính').selectOption('nam');
    await page.getByLabel('Nơi sinh').fill('Trạm y tế xã Trà Bồng');
    await page.getByLabel('Dân tộc').fill('Kinh');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByLabel('Họ, chữ đệm và tên người mẹ').fill('Trần Thị Bình');
    await page.getByLabel('Quan hệ của người đi đăng ký với trẻ').selectOption('me');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.locator('input[type=file][capture]').setInputFiles({ name: 'a.png', mimeType: 'image/png', buffer: makePng(1200, 900, 1) });
    await page.locator('input[type=file]:not([capture])').setInputFiles({ name: 'b.png', mimeType: 'image/png', buffer: makePng(900, 1200, 2) });
    await page.getByText('Đã tải lên').nth(1).waitFor();
    await shot(page, '06-wizard-photos', true);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await page.getByTestId('dossier-code').waitFor();
    await shot(page, '07-submitted', true);

    const sup = await submitAsCitizen(t, '0900000001');
    await staffAct(t, 'demo.officer', sup.code, { type: 'receive' });
    await staffAct(t, 'demo.specialist', sup.code, { type: 'request_supplement', missingDocuments: ['Bản sao giấy chứng sinh', 'Ảnh căn cước của mẹ (mặt sau)'] });
    const ret = await submitAsCitizen(t, '0900000001');
    await staffAct(t, 'demo.officer', ret.code, { type: 'receive' });
    await staffAct(t, 'demo.specialist', ret.code, { type: 'start_processing' });
    await staffAct(t, 'demo.leader', ret.code, { type: 'approve', attachments: [await staffUpload(t, 'demo.leader', makePdf())] });
    await staffAct(t, 'demo.officer', ret.code, { type: 'return_result' });
    await page.goto('/ho-so');
    await page.locator('.cards .link-card').first().waitFor();
    await shot(page, '08-my-dossiers', true);
    await page.goto(`/ho-so/${sup.code}`);
    await page.getByRole('heading', { name: 'Xã cần bạn bổ sung giấy tờ' }).waitFor();
    await shot(page, '09-supplement', true);
    await page.goto(`/ho-so/${ret.code}`);
    await page.getByRole('button', { name: 'Gửi đánh giá' }).waitFor();
    await page.getByLabel('4 – Hài lòng').first().check();
    await shot(page, '10-returned-rating', true);
    await page.goto(`/tra-cuu/${encodeURIComponent(ret.code)}`);
    await page.getByTestId('status').waitFor();
    await shot(page, '11-lookup', true);
    await context.close();
    const anon = await browser.newContext({ ...PHONE, deviceScaleFactor: 1, baseURL: t.baseURL });
    const p2 = await anon.newPage();
    await p2.goto('/');
    await p2.getByRole('button', { name: 'English' }).click();
    await p2.getByRole('heading', { name: 'Most used procedures' }).waitFor();
    await shot(p2, '12-home-english');
    await anon.close();
    void signInOnPage;
  });
});
