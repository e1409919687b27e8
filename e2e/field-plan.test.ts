import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_COMMUNE_CODE } from '../src/modules/admin-units';
import { queryRows } from '../src/platform/db';
import { bearer } from '../tests/support/test-app';
import { expectAccessible } from './support/citizen';
import { newFieldPhone, signInField } from './support/field';
import { waitForHeading } from './support/staff';
import { useWebAppAndBrowser, type WebTestApp } from './support/web-app';

/**
 * Issue 4, planning in the field app: the team leader plans a campaign with a target for one village and follows its
 * progress, then writes a scam warning and publishes it to every channel (bulletin board, messages, leaflet PDF,
 * loudspeaker script). The server's field errors show next to the boxes. 1 sign-in.
 */
let t: WebTestApp;
let browser: Browser;
useWebAppAndBrowser((app, b) => { t = app; browser = b; });

// Local dates run up to 7 hours ahead of UTC: two days either side holds "today" in Vietnam either way.
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const VILLAGE = 'Thôn Bình Thanh';

describe('planning in the field app', { timeout: 180_000 }, () => {
  it('the team leader plans a campaign and publishes a scam warning with a working leaflet', async () => {
    const { context, page } = await newFieldPhone(browser, t.baseURL);
    await signInField(page, 'demo.teamlead', 'Trương Thị Mỹ Linh');
    await page.getByRole('link', { name: 'Việc của tổ' }).click();
    await waitForHeading(page, 'Việc của tổ');
    await page.getByRole('link', { name: 'Chiến dịch', exact: true }).click();
    await waitForHeading(page, 'Chiến dịch');
    await page.getByTestId('campaigns').waitFor();
    await expectAccessible(page, 'campaigns page');

    // The server refuses an end before the start; its message sits under "Đến ngày" and the typed name stays.
    const name = 'Tuần lễ VNeID Bình Thanh';
    await page.getByLabel('Tên chiến dịch').fill(name);
    await page.getByLabel('Từ ngày').fill(day(2));
    await page.getByLabel('Đến ngày').fill(day(-2));
    const target = page.locator('fieldset', { hasText: VILLAGE }).getByLabel('Tài khoản được tạo');
    await target.fill('7');
    await page.getByRole('button', { name: 'Lập chiến dịch' }).click();
    await page.getByText('Ngày kết thúc phải sau ngày bắt đầu').waitFor();
    await expect(page.getByLabel('Đến ngày').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByLabel('Tên chiến dịch').inputValue()).resolves.toBe(name);
    await expectAccessible(page, 'campaign form with a server error');
    const none = await queryRows(t.deps.db, sql`select id from campaigns where name = ${name}`);
    expect(none).toHaveLength(0);

    await page.getByLabel('Từ ngày').fill(day(-2));
    await page.getByLabel('Đến ngày').fill(day(2));
    await page.getByRole('button', { name: 'Lập chiến dịch' }).click();
    await page.getByText(`Đã lập chiến dịch "${name}".`).waitFor();
    const card = page.locator('li.campaign', { has: page.getByRole('heading', { name, exact: true }) });
    await card.waitFor();
    // What the phone shows is the server's live count for that village against the target typed.
    const api = await t.app.inject({ url: `/api/communes/${DEMO_COMMUNE_CODE}/campaigns`, headers: bearer(await t.staffToken('demo.teamlead')) });
    const saved = api.json().items.find((c: { name: string }) => c.name === name);
    expect(saved.villages.map((v: { villageName: string }) => v.villageName)).toEqual([VILLAGE]);
    const accounts = saved.villages[0].metrics.find((m: { metric: string }) => m.metric === 'accounts_created');
    expect(accounts.target).toBe(7);
    await expect(card.getByRole('heading', { name: VILLAGE }).count()).resolves.toBe(1);
    await card.getByText(`Tài khoản được tạo: ${accounts.achieved}/7 (${accounts.percent}%)`).waitFor();
    await expect(card.getByRole('progressbar').getAttribute('aria-valuemax')).resolves.toBe('7');
    await expect(card.getByRole('progressbar').count()).resolves.toBe(1);
    await expectAccessible(page, 'campaigns page with the new campaign');

    await page.getByRole('link', { name: 'Thông báo', exact: true }).click();
    await waitForHeading(page, 'Thông báo');
    await page.getByRole('heading', { name: 'Đã đăng' }).waitFor();
    await expectAccessible(page, 'announcements page');
    const title = 'Giả danh công an gọi điện đòi tiền';
    await page.getByText('Cảnh báo lừa đảo', { exact: true }).click();
    await page.getByLabel('Tiêu đề').fill('Ab');
    await page.getByLabel('Nội dung').fill('Ngày 21/11 có người gọi giả danh công an xã đòi chuyển 2.000.000 đồng. Không chuyển tiền, gọi tổ trưởng.');
    await page.getByRole('button', { name: 'Đăng thông báo' }).click();
    await page.getByText('Chưa đăng được. Sửa các ô báo lỗi bên dưới.').waitFor();
    await expect(page.getByLabel('Tiêu đề').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByLabel('Tiêu đề').fill(title);
    await page.getByRole('button', { name: 'Đăng thông báo' }).click();
    await page.getByText(`Đã đăng "${title}".`).waitFor();

    const item = page.getByTestId('announcements').locator('li', { hasText: `Cảnh báo lừa đảo: ${title}` });
    await item.waitFor();
    await item.getByText('bảng tin, tin nhắn, tờ rơi, loa').waitFor();
    const leaflet = await item.getByRole('link', { name: `Tờ rơi (PDF): ${title}` }).getAttribute('href');
    const pdf = await page.request.get(leaflet!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const script = await page.request.get((await item.getByRole('link', { name: `Bài đọc loa: ${title}` }).getAttribute('href'))!);
    expect(await script.text()).toContain('hai triệu đồng');
    const rows = await queryRows<{ kind: string; status: string }>(t.deps.db, sql`select kind, status from announcements where title = ${title}`);
    expect(rows).toEqual([{ kind: 'scam_warning', status: 'published' }]);
    await expectAccessible(page, 'announcements page with the published warning');
    await context.close();
  });
});
