import { mkdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { queryOne } from '../src/platform/db';
import { PHONE } from './support/browser';
import { logWalkIn, signInField } from './support/field';
import { waitForHeading } from './support/staff';
import { useWebAppAndBrowser, type WebTestApp } from './support/web-app';

/**
 * Phone-size screenshots of the field app for docs/screenshots/ (linked from the README). Not part of the normal run,
 * so `npm test` never rewrites committed images: `XASO_SCREENSHOTS=1 npx vitest run e2e/field-screenshots.test.ts`.
 */
const DIR = 'docs/screenshots';
let t: WebTestApp;
let browser: Browser;

describe.runIf(process.env.XASO_SCREENSHOTS === '1')('field app screenshots', { timeout: 180_000 }, () => {
  beforeAll(() => { mkdirSync(DIR, { recursive: true }); });
  useWebAppAndBrowser((app, b) => { t = app; browser = b; });

  const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: `${DIR}/field-${name}.png`, fullPage });

  it('takes the member and team leader pages', async () => {
    const context = await browser.newContext({ ...PHONE, deviceScaleFactor: 1, baseURL: t.baseURL });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await signInField(page, 'demo.volunteer', 'Võ Minh Tuấn');
    await shot(page, '01-home');
    const person = (await queryOne<{ household_id: string }>(t.deps.db, sql`select household_id from household_people where phone = '0900000002' limit 1`))!;
    await page.goto(`/to-cong-nghe/ho/${person.household_id}`);
    await page.locator('li.card').first().waitFor();
    await shot(page, '02-household');
    await page.locator('nav.tabbar').getByRole('link', { name: 'Ghi hỗ trợ' }).click();
    await waitForHeading(page, 'Ghi lượt hỗ trợ');
    await context.setOffline(true);
    await page.getByText('Tại điểm hỗ trợ').click();
    await page.getByText('Tạo tài khoản dịch vụ công').click();
    await shot(page, '03-log-support', true);
    await page.getByText('Người vãng lai', { exact: true }).click();
    await logWalkIn(page, 'Tuyên truyền phòng chống lừa đảo', 'Hướng dẫn nhận biết tin nhắn giả mạo ngân hàng');
    await page.getByRole('link', { name: /^Chờ gửi/ }).first().click();
    await waitForHeading(page, 'Việc chờ gửi');
    await shot(page, '04-outbox-offline');
    await context.setOffline(false);
    await page.goto('/to-cong-nghe/nop-ho-so');
    await page.getByLabel('Thủ tục').selectOption({ label: 'Cấp bản sao từ sổ gốc' });
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Hoa');
    await page.getByLabel('Số điện thoại của người dân').fill('0900000006');
    await page.getByLabel('Số CCCD (12 số)').fill('051070006666');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByLabel('Tên giấy tờ đã được cấp bản chính').fill('Giấy khai sinh');
    await page.getByLabel('Họ tên người được cấp bản chính').fill('Nguyễn Thị Hoa');
    await page.getByLabel('Số bản sao cần cấp').fill('1');
    await page.getByLabel('Quan hệ của người đi đăng ký với người được cấp bản chính').selectOption({ label: 'Khác' });
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    for (const purpose of ['Thay mặt tôi khai và nộp hồ sơ trực tuyến', 'Sử dụng họ tên', 'Gọi điện hoặc nhắn tin']) {
      await page.getByRole('group', { name: purpose }).getByText('Đồng ý', { exact: true }).click();
    }
    await shot(page, '05-assist-consent', true);
    await context.close();

    const lead = await browser.newContext({ ...PHONE, deviceScaleFactor: 1, baseURL: t.baseURL });
    const lp = await lead.newPage();
    lp.setDefaultTimeout(30_000);
    await signInField(lp, 'demo.teamlead', 'Trương Thị Mỹ Linh');
    await lp.goto('/to-cong-nghe/to');
    await lp.getByTestId('team-total').waitFor();
    await shot(lp, '06-team-log');
    await lp.goto('/to-cong-nghe/to/nhap');
    await lp.getByLabel('Tệp danh sách').setInputFiles({
      name: 'thon.csv', mimeType: 'text/csv',
      buffer: Buffer.from('Mã hộ,Thôn,Họ và tên,Quan hệ với chủ hộ,Năm sinh,Số điện thoại\nA1,Thôn Bình Thanh,Lê Văn Tư,Chủ hộ,19x8,\nA1,Thôn Bình Thanh,Lê Thị Năm,Con,1990,12345\n'),
    });
    await lp.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await lp.getByTestId('import-problems').waitFor();
    await shot(lp, '07-import-errors', true);
    await lead.close();
  });
});
