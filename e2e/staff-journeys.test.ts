import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { act, submitAsCitizen } from '../tests/support/fixtures';
import { bearer } from '../tests/support/test-app';
import { isPaper } from '../src/platform/pdf/pdf-test-utils';
import { PHONE } from './support/browser';
import { expectAccessible } from './support/citizen';
import { makePng } from './support/images';
import { fetchSlip, newStaffPage, openFromInbox, signInStaff, takeAction, waitForHeading } from './support/staff';
import { useWebAppAndBrowser, type WebTestApp } from './support/web-app';

let t: WebTestApp;
let browser: Browser;
useWebAppAndBrowser((app, b) => { t = app; browser = b; });

describe('one-stop staff journeys in Chromium', { timeout: 180_000 }, () => {
  let code: string;

  it('journey 2: the officer receives a citizen dossier, the specialist asks for papers, the citizen supplies them', async () => {
    ({ code } = await submitAsCitizen(t, '0900000004'));
    const { context, page } = await newStaffPage(browser, t.baseURL);
    await signInStaff(page, 'demo.officer');
    // The officer starts on the dossiers waiting for reception, the most urgent first.
    await expect.poll(() => page.locator('#f-status').inputValue()).toBe('submitted');
    await page.locator('ul.inbox li', { hasText: code }).waitFor();
    await expectAccessible(page, 'staff inbox');
    await openFromInbox(page, code);
    await expectAccessible(page, 'staff dossier page');

    // The ID number is masked until "show" is pressed, and that press is recorded.
    expect(await page.getByTestId('id-number').textContent()).toMatch(/^\*+\d{4}$/);
    await page.getByRole('button', { name: 'Hiện số căn cước và điện thoại' }).click();
    await expect.poll(() => page.getByTestId('id-number').textContent()).toBe('051090012345');
    const audit = await t.database.db.execute(`select count(*)::int as n from audit_log where action = 'dossier.reveal_personal_data' and entity_id = '${code}'` as never) as unknown as { rows: { n: number }[] };
    expect(audit.rows[0]!.n).toBe(1);

    // Only the actions the rules allow now.
    const buttons = await page.locator('.actions button').allTextContents();
    expect(buttons).toEqual(['Tiếp nhận', 'Yêu cầu bổ sung', 'Từ chối', 'Rút hồ sơ, dừng giải quyết']);
    await takeAction(page, 'Tiếp nhận', 'Đã tiếp nhận');
    await context.close();

    const s = await newStaffPage(browser, t.baseURL);
    await signInStaff(s.page, 'demo.specialist');
    await expect.poll(() => s.page.locator('#f-status').inputValue()).toBe('received');
    await openFromInbox(s.page, code);
    await s.page.getByRole('button', { name: 'Yêu cầu bổ sung', exact: true }).click();
    // An empty request is refused next to the field, and nothing is sent.
    await s.page.getByRole('button', { name: 'Xác nhận: Yêu cầu bổ sung' }).click();
    await expect.poll(() => s.page.locator('#action-list-error').textContent()).toContain('ít nhất một giấy tờ');
    await s.page.locator('#action-form input[type=checkbox]').first().check();
    await s.page.getByLabel(/Giấy tờ hoặc nội dung khác/).fill('Giấy ủy quyền có chứng thực');
    await expectAccessible(s.page, 'supplement request form');
    await s.page.getByRole('button', { name: 'Xác nhận: Yêu cầu bổ sung' }).click();
    await expect.poll(() => s.page.getByTestId('status').textContent()).toBe('Chờ bổ sung giấy tờ');
    const slip = await fetchSlip(s.page, 'supplement-request');
    expect(slip.text).toContain('Giấy ủy quyền có chứng thực');
    expect(slip.pages.every((p) => isPaper(p, 'A5'))).toBe(true);

    // The citizen supplies the papers (their own screens are covered by the citizen journeys).
    const supplied = await act(t, '0900000004', code, { type: 'supplement', note: 'Đã bổ sung giấy ủy quyền' });
    expect(supplied.statusCode).toBe(200);
    await s.page.reload();
    await expect.poll(() => s.page.getByTestId('status').textContent()).toBe('Đã tiếp nhận');
    await expect.poll(() => s.page.getByText('Đã bổ sung giấy ủy quyền').count()).toBeGreaterThan(0);
    await takeAction(s.page, 'Nhận xử lý', 'Đang giải quyết');
    await s.context.close();
  });

  it('journey 3: the leader approves; the officer returns the result and prints the receipt', async () => {
    const l = await newStaffPage(browser, t.baseURL);
    await signInStaff(l.page, 'demo.leader');
    await expect.poll(() => l.page.locator('#f-status').inputValue()).toBe('in_progress');
    await openFromInbox(l.page, code);
    await takeAction(l.page, 'Phê duyệt kết quả', 'Đã có kết quả, chờ trả');
    await l.context.close();

    const { context, page } = await newStaffPage(browser, t.baseURL);
    await signInStaff(page, 'demo.officer', '/can-bo/ho-so?trang-thai=result_ready');
    await openFromInbox(page, code);
    await takeAction(page, 'Trả kết quả', 'Đã trả kết quả');
    expect(await page.locator('.actions button').count()).toBe(0);
    await expectAccessible(page, 'returned dossier');
    const receipt = await fetchSlip(page, 'receipt');
    expect(receipt.pages.every((p) => isPaper(p, 'A5'))).toBe(true);
    expect(receipt.text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(receipt.text).toContain(code);
    expect(receipt.qrCodes).toEqual([`${t.deps.config.publicBaseUrl}/tra-cuu/${encodeURIComponent(code)}`]);
    const control = await fetchSlip(page, 'control-sheet');
    expect(control.text).toContain('Trả kết quả');
    await context.close();
  });

  it('journey 5: a counter intake with a scanned paper, received at once, with its receipt', async () => {
    const { context, page } = await newStaffPage(browser, t.baseURL);
    await signInStaff(page, 'demo.officer');
    await page.getByRole('link', { name: 'Tiếp nhận tại quầy' }).click();
    await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ tại quầy' }).waitFor();
    await page.getByLabel('Thủ tục').selectOption('2.000908');
    await page.getByRole('heading', { name: 'Tờ khai và giấy tờ' }).waitFor();
    const form = (await t.app.inject({ method: 'GET', url: '/api/procedures/2.000908' })).json().form as { fields: { key: string; type: string; required: boolean; label: string; options?: { value: string }[] }[] };
    // Bad input stays typed and is explained next to the field.
    await page.getByLabel('Họ và tên').fill('Hà Thị Mến');
    await page.getByLabel('Số căn cước').fill('0511');
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    await expect.poll(() => page.locator('#applicant-idNumber-error').textContent()).toBe('Số căn cước phải có đúng 12 chữ số');
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Hà Thị Mến');
    await expectAccessible(page, 'counter intake with errors');
    await page.getByLabel('Số căn cước').fill('051185004321');
    await page.getByLabel('Số điện thoại').fill('0900000005');
    for (const f of form.fields.filter((x) => x.required)) {
      const input = page.locator(`#f-${f.key}`);
      if (f.type === 'file') await page.getByTestId(`f-${f.key}-file`).setInputFiles({ name: 'so-goc.png', mimeType: 'image/png', buffer: makePng(800, 600, 3) });
      else if (f.type === 'select') await input.selectOption(f.options![0]!.value);
      else if (f.type === 'checkbox') await input.check();
      else if (f.type === 'date') await input.fill('2001-04-30');
      else if (f.type === 'number') await input.fill('1');
      else await input.fill('Nội dung do cán bộ nhập');
    }
    await expect.poll(() => page.getByText('Đã tải lên').count()).toBe(form.fields.filter((x) => x.required && x.type === 'file').length);
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    await page.getByRole('heading', { name: 'Đã ghi nhận hồ sơ' }).waitFor();
    const newCode = (await page.getByTestId('intake-code').textContent())!.trim();
    await expectAccessible(page, 'counter intake done');
    const view = (await t.app.inject({ method: 'GET', url: `/api/dossiers/${newCode}`, headers: bearer(await t.staffToken('demo.officer')) })).json();
    expect(view).toMatchObject({ status: 'received', channel: 'in_person', onBehalf: 'officer', applicant: { fullName: 'Hà Thị Mến' } });
    const href = await page.getByRole('link', { name: /In giấy tiếp nhận/ }).getAttribute('href');
    const pdf = await page.request.get(href!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await context.close();
  });

  it('passes axe on the staff pages at phone size, in Vietnamese and English', async () => {
    const { context, page } = await newStaffPage(browser, t.baseURL, PHONE);
    await page.goto('/can-bo/');
    await page.getByRole('heading', { name: 'Đăng nhập cán bộ' }).waitFor();
    await expectAccessible(page, 'staff sign-in');
    await signInStaff(page, 'demo.admin');
    for (const [path, heading] of [
      ['/can-bo/quan-tri/thon', 'Thôn, tổ dân phố'], ['/can-bo/quan-tri/tai-khoan', 'Tài khoản cán bộ'], ['/can-bo/quan-tri/thu-tuc', 'Thủ tục của xã'],
      ['/can-bo/quan-tri/lich-nghi', 'Lịch nghỉ lễ'], ['/can-bo/quan-tri/quay', 'Quầy, lấy số'], ['/can-bo/so-theo-doi', 'Sổ theo dõi hồ sơ'],
    ] as const) {
      await page.goto(path);
      await waitForHeading(page, heading);
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, path);
    }
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tracking register' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectAccessible(page, 'admin page in English');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await context.close();
  });

  it('lets the commune admin create an account that can sign in, by keyboard only', async () => {
    const { context, page } = await newStaffPage(browser, t.baseURL);
    await signInStaff(page, 'demo.admin', '/can-bo/quan-tri/tai-khoan');
    await page.getByRole('heading', { level: 1, name: 'Tài khoản cán bộ' }).waitFor();
    await page.getByLabel('Họ và tên').focus();
    await page.keyboard.type('Lý Thị Thu');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ly.thu');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab'); // role: officer by default
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const password = (await page.getByTestId('temp-password').textContent())!;
    expect(password).toMatch(/^[A-Za-z2-9]{12}$/);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/staff/login', payload: { username: 'ly.thu', password } });
    expect(login.statusCode).toBe(200);
    await context.close();
  });
});
