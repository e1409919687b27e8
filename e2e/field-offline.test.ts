import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { command, newHousehold, push, villageIdsByName } from '../src/modules/field/field-test-helpers';
import { bearer } from '../tests/support/test-app';
import { expectAccessible } from './support/citizen';
import { logWalkIn, newFieldPhone, signInField, waitForServiceWorker } from './support/field';
import { waitForHeading } from './support/staff';
import { useWebAppAndBrowser, type WebTestApp } from './support/web-app';

/**
 * Issue 4, field app journeys (a) and (d): a member logs three acts of support with the phone offline, they wait in
 * the outbox, go out when the network is back and show in the team leader's (and the commune leader's) view; the
 * app itself reloads with no connection after the first visit (service worker). A refused command is fixed from the
 * outbox by a corrected new one. 3 sign-ins.
 */
let t: WebTestApp;
let browser: Browser;
useWebAppAndBrowser((app, b) => { t = app; browser = b; });

const notes = ['Chị Lan hỏi về VNeID (ngoại tuyến 1)', 'Ông Sáu nhờ cài app ngân hàng (ngoại tuyến 2)', 'Khách từ xã bên (ngoại tuyến 3)'];
const kinds = ['Cài đặt VNeID', 'Cài ứng dụng thanh toán không dùng tiền mặt', 'Tuyên truyền phòng chống lừa đảo'];

describe('field app offline', { timeout: 180_000 }, () => {
  it('journey a: three acts logged offline wait in the outbox, are sent when back online, and reach the leaders', async () => {
    const { context, page } = await newFieldPhone(browser, t.baseURL);
    await signInField(page, 'demo.volunteer', 'Võ Minh Tuấn');
    await expectAccessible(page, 'field home');
    await waitForServiceWorker(page);

    await page.getByRole('link', { name: 'Ghi hỗ trợ', exact: true }).click();
    await waitForHeading(page, 'Ghi lượt hỗ trợ');
    await context.setOffline(true);
    await page.getByTestId('syncbar').filter({ hasText: 'Mất mạng' }).waitFor();
    await expectAccessible(page, 'log support form');
    for (const [i, note] of notes.entries()) {
      await logWalkIn(page, kinds[i]!, note);
      await page.getByText(`Đã lưu ${i + 1} lượt trên máy, sẽ tự gửi khi có mạng.`).waitFor();
    }

    await page.getByRole('link', { name: 'Chờ gửi (3)' }).click();
    await waitForHeading(page, 'Việc chờ gửi');
    await expect.poll(() => page.getByTestId('outbox-counts').textContent()).toBe('Chờ gửi: 3 · Cần sửa: 0 · Đã gửi: 0');
    expect(await page.locator('li[data-state="pending"]').count()).toBe(3);
    await expectAccessible(page, 'outbox, offline');

    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('outbox-counts').textContent(), { timeout: 30_000 }).toBe('Chờ gửi: 0 · Cần sửa: 0 · Đã gửi: 3');
    expect(await page.locator('li[data-state="sent"]').count()).toBe(3);
    await expectAccessible(page, 'outbox, sent');

    // The team leader, on their own phone, sees the three acts in the team's log.
    const lead = await newFieldPhone(browser, t.baseURL);
    await signInField(lead.page, 'demo.teamlead', 'Trương Thị Mỹ Linh');
    await lead.page.getByRole('link', { name: 'Việc của tổ' }).click();
    await waitForHeading(lead.page, 'Việc của tổ');
    const log = lead.page.getByTestId('team-acts');
    for (const note of notes) await log.getByText(note).waitFor();
    await expect.poll(() => log.locator('li', { hasText: 'ngoại tuyến' }).filter({ hasText: 'Võ Minh Tuấn hỗ trợ Người vãng lai' }).count()).toBe(3);
    await expectAccessible(lead.page, 'team log');
    await lead.context.close();

    // The commune leader (People's Committee) sees them too, through the same log of the whole commune.
    const res = await t.app.inject({ url: '/api/outreach/support-acts?limit=20', headers: bearer(await t.staffToken('demo.leader')) });
    expect(res.json().items.filter((a: { note: string | null }) => notes.includes(a.note ?? '')).map((a: { memberName: string }) => a.memberName)).toEqual(['Võ Minh Tuấn', 'Võ Minh Tuấn', 'Võ Minh Tuấn']);

    // Journey d: with no connection at all, the app reloads from the service worker, signed in, with its households.
    await context.setOffline(true);
    await page.reload();
    await waitForHeading(page, 'Việc chờ gửi');
    await page.goto('/to-cong-nghe/');
    await waitForHeading(page, 'Chào Võ Minh Tuấn');
    await page.getByTestId('syncbar').filter({ hasText: 'Mất mạng' }).waitFor();
    await page.goto('/to-cong-nghe/ho');
    await waitForHeading(page, 'Hộ dân');
    const count = async () => Number((await page.getByTestId('household-count').textContent())?.match(/\d+/)?.[0] ?? 0);
    await expect.poll(count).toBeGreaterThan(20);
    const total = await count();
    // Search without accents finds the household by its head's name (diacritics ignored, on the phone).
    const head = (await page.locator('ul.rows li strong').first().textContent())!;
    const plain = head.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
    await page.getByLabel('Tìm hộ').fill(plain);
    await expect.poll(count).toBeLessThan(total);
    expect(await page.locator('ul.rows li strong').allTextContents()).toContain(head);
    await expectAccessible(page, 'households, offline');
    await context.close();
  });

  it('a household saved offline that the server refuses (another member added the same one meanwhile) is fixed from the outbox', async () => {
    const villages = await villageIdsByName(t);
    const { context, page } = await newFieldPhone(browser, t.baseURL);
    await signInField(page, 'demo.volunteer', 'Võ Minh Tuấn');
    await page.getByRole('link', { name: 'Thêm hộ mới' }).first().click();
    await waitForHeading(page, 'Thêm hộ mới');
    await context.setOffline(true);
    await page.getByLabel('Thôn', { exact: true }).selectOption({ label: 'Thôn Trà Kiểm' });
    await page.getByLabel('Họ và tên').first().fill('Đoàn Văn Trùng');
    await page.getByLabel('Năm sinh').first().fill('1962');
    await page.getByRole('button', { name: 'Lưu hộ mới' }).click();
    await waitForHeading(page, 'Hộ ông/bà Đoàn Văn Trùng');
    // Meanwhile Yến Nhi, on her phone, records the same household first.
    const [theirs] = await push(t, 'tcns.nhi', [command('household.create', newHousehold(villages.get('Thôn Trà Kiểm')!, 'Đoàn Văn Trùng'))]);
    expect(theirs!.status).toBe('applied');

    await context.setOffline(false);
    await page.getByRole('link', { name: /^Chờ gửi/ }).first().click();
    await waitForHeading(page, 'Việc chờ gửi');
    const refused = page.locator('li[data-state="needs_attention"]', { hasText: 'Hộ mới: Đoàn Văn Trùng' });
    await refused.getByText('Có thể trùng với hộ đã có').waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'outbox with an item to fix');
    await refused.getByRole('link', { name: 'Sửa rồi gửi lại' }).click();
    await waitForHeading(page, 'Thêm hộ mới');
    await page.getByText('Máy chủ báo:').waitFor();
    await page.getByRole('button', { name: 'Lưu hộ mới' }).click();
    await page.getByRole('link', { name: /Đoàn Văn Trùng/ }).waitFor();
    await page.getByRole('button', { name: 'Vẫn lưu hộ mới' }).click();
    await waitForHeading(page, 'Hộ ông/bà Đoàn Văn Trùng');

    await page.getByRole('link', { name: /^Chờ gửi/ }).first().click();
    await expect.poll(() => page.getByTestId('outbox-counts').textContent(), { timeout: 30_000 }).toMatch(/^Chờ gửi: 0 · Cần sửa: 0 · Đã gửi: \d+$/);
    const heads = await t.app.inject({ url: `/api/households?limit=500&villageId=${villages.get('Thôn Trà Kiểm')}`, headers: bearer(await t.staffToken('demo.volunteer')) });
    expect(heads.json().items.filter((h: { headName: string }) => h.headName === 'Đoàn Văn Trùng')).toHaveLength(2);
    await context.close();
  });
});
