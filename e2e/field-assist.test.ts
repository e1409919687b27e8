import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { queryOne } from '../src/platform/db';
import { bearer } from '../tests/support/test-app';
import { expectAccessible } from './support/citizen';
import { newFieldPhone, signInField, waitForServiceWorker } from './support/field';
import { waitForHeading } from './support/staff';
import { useWebAppAndBrowser, type WebTestApp } from './support/web-app';

/**
 * Issue 4, field app journey (b): from a household member's card, a team member files a dossier for them; the
 * citizen consents per purpose and confirms with the one-time code sent to their phone (shown on screen in demo
 * mode); the dossier code appears, and the one-stop officer's inbox has it as an online, volunteer-assisted dossier
 * with the consent kept beside it. Then the same with no network: consent by a signature drawn on the screen, kept in
 * the outbox and filed when the network is back. 2 sign-ins.
 */
let t: WebTestApp;
let browser: Browser;
useWebAppAndBrowser((app, b) => { t = app; browser = b; });

describe('assisted submission in the field app', { timeout: 180_000 }, () => {
  it('journey b: consent by one-time code, then the dossier is filed online and assisted', async () => {
    // A head of household in Thôn Trà Kiểm (Võ Minh Tuấn's village) whose phone is a demo phone (the code is shown).
    const person = (await queryOne<{ id: string; household_id: string; full_name: string; phone: string }>(t.deps.db, sql`
      select id, household_id, full_name, phone from household_people where phone = '0900000004' and deleted_at is null limit 1`))!;
    const { context, page } = await newFieldPhone(browser, t.baseURL);
    await signInField(page, 'demo.volunteer', 'Võ Minh Tuấn');

    await page.goto(`/to-cong-nghe/ho/${person.household_id}`);
    await waitForHeading(page, `Hộ ông/bà ${person.full_name}`);
    await expectAccessible(page, 'household page');
    // The list shows the phone masked; the full number is not on the phone.
    await expect.poll(() => page.locator('.masked').first().textContent()).toBe('090*****04');
    await page.locator('li.card', { hasText: person.full_name }).getByRole('link', { name: 'Nộp hồ sơ giúp' }).click();
    await waitForHeading(page, 'Nộp hồ sơ giúp người dân');
    await expect.poll(() => page.getByLabel('Họ và tên').inputValue()).toBe(person.full_name);
    await page.getByLabel('Thủ tục').selectOption({ label: 'Cấp bản sao từ sổ gốc' });
    await page.getByLabel('Số điện thoại của người dân').fill('0900000004');
    await page.getByLabel('Số CCCD (12 số)').fill('051058004444');
    await expectAccessible(page, 'assist: who');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    await page.getByLabel('Tên giấy tờ đã được cấp bản chính').fill('Giấy khai sinh');
    await page.getByLabel('Họ tên người được cấp bản chính').fill(person.full_name);
    await page.getByLabel('Số bản sao cần cấp').fill('2');
    await page.getByLabel('Quan hệ của người đi đăng ký với người được cấp bản chính').selectOption({ label: 'Khác' });
    await expectAccessible(page, 'assist: form');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    await page.getByRole('heading', { name: 'Sự đồng ý của người dân' }).waitFor();
    for (const purpose of ['Thay mặt tôi khai và nộp hồ sơ trực tuyến', 'Sử dụng họ tên', 'Gọi điện hoặc nhắn tin cho tôi về kết quả hồ sơ']) {
      await page.getByRole('group', { name: purpose }).getByText('Đồng ý', { exact: true }).click();
    }
    await expect(page.locator('.notice-text').textContent()).resolves.toContain('Nghị định 13/2023/NĐ-CP');
    await page.getByRole('button', { name: 'Gửi mã đến 0900000004' }).click();
    const code = (await page.getByTestId('dev-code').textContent())!.trim();
    expect(code).toMatch(/^\d{6}$/);
    await expectAccessible(page, 'assist: consent code');
    await page.getByLabel('Mã xác nhận').fill(code);
    await page.getByRole('button', { name: 'Xác nhận và nộp hồ sơ' }).click();

    await waitForHeading(page, 'Đã nộp hồ sơ');
    const dossierCode = (await page.getByTestId('assist-dossier-code').textContent())!.trim();
    expect(dossierCode).toMatch(/\S{8,}/);
    await expectAccessible(page, 'assist: done');

    // The officer's inbox: online, filed on the citizen's behalf by a volunteer; the consent is kept with it.
    const officer = bearer(await t.staffToken('demo.officer'));
    const inbox = (await t.app.inject({ url: '/api/dossiers?assisted=volunteer&limit=200', headers: officer })).json().items;
    expect(inbox.find((d: { code: string }) => d.code === dossierCode)).toMatchObject({ channel: 'online', onBehalf: 'volunteer', procedureCode: '2.000908' });
    const consent = (await t.app.inject({ url: `/api/outreach/dossiers/${encodeURIComponent(dossierCode)}/consent`, headers: officer })).json();
    expect(consent).toMatchObject({ method: 'otp', status: 'given', subjectPhone: '0900000004', dossierCode, capturedByName: 'Võ Minh Tuấn' });
    expect(consent.purposes.every((p: { accepted: boolean }) => p.accepted)).toBe(true);

    // The act of support is in the member's log on the phone after the next pull.
    await page.getByRole('link', { name: 'Trang chính' }).first().click();
    await page.locator('section', { hasText: 'Lượt hỗ trợ gần đây' }).getByText('Nộp hồ sơ trực tuyến').first().waitFor();
    await context.close();
  });

  it('with no network: the signature consent and the dossier wait on the phone, and are filed once back online', async () => {
    const person = (await queryOne<{ id: string; full_name: string }>(t.deps.db, sql`
      select id, full_name from household_people where phone = '0900000005' and deleted_at is null limit 1`))!;
    const { context, page } = await newFieldPhone(browser, t.baseURL);
    await signInField(page, 'demo.volunteer', 'Võ Minh Tuấn');
    await waitForServiceWorker(page);
    await page.goto(`/to-cong-nghe/nop-ho-so?nguoi=${person.id}`);
    await waitForHeading(page, 'Nộp hồ sơ giúp người dân');
    // Chosen online; from the form on, the phone has no network.
    await page.getByLabel('Thủ tục').selectOption({ label: 'Cấp bản sao từ sổ gốc' });
    await page.getByLabel('Số điện thoại của người dân').fill('0900000005');
    await page.getByLabel('Số CCCD (12 số)').fill('051061005555');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByLabel('Tên giấy tờ đã được cấp bản chính').fill('Giấy chứng nhận kết hôn');
    await page.getByLabel('Họ tên người được cấp bản chính').fill(person.full_name);
    await page.getByLabel('Số bản sao cần cấp').fill('1');
    await page.getByLabel('Quan hệ của người đi đăng ký với người được cấp bản chính').selectOption({ label: 'Khác' });

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    for (const purpose of ['Thay mặt tôi khai và nộp hồ sơ trực tuyến', 'Sử dụng họ tên']) {
      await page.getByRole('group', { name: purpose }).getByText('Đồng ý', { exact: true }).click();
    }
    await page.getByRole('group', { name: 'Gọi điện hoặc nhắn tin cho tôi về kết quả hồ sơ' }).getByText('Không đồng ý', { exact: true }).click();
    await page.getByText('Mã gửi đến số 0900000005 (cần có mạng)').click();
    await page.getByText('Gửi mã cần có mạng. Khi mất mạng, hãy chọn ký tên trên màn hình.').first().waitFor();
    await page.getByText('Ký tên trên màn hình (dùng được khi mất mạng)').click();
    await page.getByRole('button', { name: 'Xác nhận chữ ký và nộp' }).click();
    await page.getByText('Chưa có chữ ký. Nhờ người dân ký vào ô trắng.').waitFor();
    await expectAccessible(page, 'assist: signature pad');
    const box = (await page.getByTestId('signature-pad').boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + box.height * 0.7);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 20 + i * 22, box.y + box.height * (i % 2 ? 0.3 : 0.7), { steps: 2 });
    await page.mouse.up();
    await page.getByRole('button', { name: 'Xác nhận chữ ký và nộp' }).click();
    await waitForHeading(page, 'Đã lưu hồ sơ trên máy');
    await expectAccessible(page, 'assist: queued offline');

    await page.getByRole('link', { name: /^Chờ gửi/ }).first().click();
    await waitForHeading(page, 'Việc chờ gửi');
    await expect.poll(() => page.getByTestId('outbox-counts').textContent()).toMatch(/^Chờ gửi: 2 ·/);
    await page.locator('li[data-state="pending"]', { hasText: 'Ảnh chữ ký' }).waitFor();

    await context.setOffline(false);
    const sent = page.locator('li[data-state="sent"]', { hasText: 'Nộp hồ sơ 2.000908' });
    await sent.waitFor({ timeout: 30_000 });
    const dossierCode = (await sent.locator('strong').textContent())!.trim();
    await expect.poll(() => page.locator('li[data-state="pending"]').count()).toBe(0);
    const consent = (await t.app.inject({ url: `/api/outreach/dossiers/${encodeURIComponent(dossierCode)}/consent`, headers: bearer(await t.staffToken('demo.officer')) })).json();
    expect(consent).toMatchObject({ method: 'signature', status: 'given', subjectPhone: '0900000005', dossierCode });
    expect(consent.signatureSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(consent.purposes.map((p: { code: string; accepted: boolean }) => [p.code, p.accepted])).toEqual([
      ['assisted_submission', true], ['personal_data_processing', true], ['follow_up_contact', false],
    ]);
    await context.close();
  });
});
