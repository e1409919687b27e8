import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { toCsv } from '../src/modules/households/import/csv';
import { queryOne } from '../src/platform/db';
import { expectAccessible } from './support/citizen';
import { newFieldPhone, signInField } from './support/field';
import { waitForHeading } from './support/staff';
import { useWebAppAndBrowser, type WebTestApp } from './support/web-app';

/**
 * Issue 4, field app journey (c): the team leader imports a village list. A file with two bad rows gets a report per
 * row and nothing is imported; the corrected file imports every household at once, with the progress shown, and
 * the households reach the phone. 1 sign-in.
 */
let t: WebTestApp;
let browser: Browser;
useWebAppAndBrowser((app, b) => { t = app; browser = b; });

const HEADER = ['Mã hộ', 'Thôn', 'Địa chỉ', 'Họ và tên', 'Quan hệ với chủ hộ', 'Năm sinh', 'Số điện thoại', 'Điện thoại thông minh', 'Tài khoản DVC', 'Nhu cầu hỗ trợ'];
const HEADS = ['Phan Văn Lực', 'Trịnh Văn Quế', 'Lò Thị Sương', 'Đinh Công Tráng', 'Mai Thị Nụ', 'Khổng Văn Đạt', 'Ông Thị Lài', 'Vi Văn Thắng', 'Giàng A Páo', 'Lục Thị Hiền'];

/** Ten households of two people: a head and an adult child (spreadsheet rows 2–21). */
function villageList(): string[][] {
  return HEADS.flatMap((head, i) => [
    [`M${i + 1}`, i % 2 ? 'Thôn An Hòa' : 'thon tra kiem', `Xóm Bãi, số ${i + 1}`, head, 'Chủ hộ', String(1940 + i), '', 'Phổ thông', 'Không', 'Người cao tuổi'],
    [`M${i + 1}`, i % 2 ? 'Thôn An Hòa' : 'thon tra kiem', `Xóm Bãi, số ${i + 1}`, `${head.split(' ')[0]} Văn Con ${i + 1}`, 'Con', String(1980 + i), `09120000${String(i).padStart(2, '0')}`, 'Có', 'Có', ''],
  ]);
}

const count = async () => (await queryOne<{ n: number }>(t.deps.db, sql`select count(*)::int as n from households where deleted_at is null`))!.n;
const csvFile = (rows: string[][]) => ({ name: 'danh-sach-thon.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${toCsv([HEADER, ...rows])}`, 'utf8') });

describe('importing a village list in the field app', { timeout: 180_000 }, () => {
  it('journey c: two bad rows are reported and nothing imported; the fixed file imports fully with progress', async () => {
    const { context, page } = await newFieldPhone(browser, t.baseURL);
    await signInField(page, 'demo.teamlead', 'Trương Thị Mỹ Linh');
    await page.getByRole('link', { name: 'Việc của tổ' }).click();
    await page.getByRole('link', { name: 'Nhập danh sách hộ' }).click();
    await waitForHeading(page, 'Nhập danh sách hộ');
    const before = await count();

    const bad = villageList();
    bad[1]![5] = '19x5'; // spreadsheet row 3: birth year
    bad[4]![6] = '12345'; // spreadsheet row 6: phone
    await page.getByLabel('Tệp danh sách').setInputFiles(csvFile(bad));
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await page.getByText('Tệp còn 2 lỗi. Chưa nhập gì.', { exact: false }).waitFor();
    const problems = await page.getByTestId('import-problems').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(problems.map(([row, column]) => [row, column])).toEqual([['3', 'Năm sinh'], ['6', 'Số điện thoại']]);
    expect(problems[0]![2]).toContain('19x5');
    await expect.poll(() => page.getByRole('button', { name: /^Nhập \d+ hộ$/ }).count()).toBe(0);
    await expectAccessible(page, 'import report with errors');
    expect(await count()).toBe(before);

    await page.getByLabel('Tệp danh sách').setInputFiles(csvFile(villageList()));
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await page.getByText('Tệp không có lỗi: sẵn sàng nhập 10 hộ.').waitFor();
    await expect(page.getByTestId('import-summary').textContent()).resolves.toBe('20 dòng, 10 hộ');
    await page.getByRole('button', { name: 'Nhập 10 hộ' }).click();
    await page.getByText('Đã nhập xong 10 hộ.').waitFor();
    const bar = page.getByRole('progressbar', { name: 'Đang nhập: 10/10 hộ' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    await expectAccessible(page, 'import done');
    expect(await count()).toBe(before + 10);

    // The new households reach the phone with the next pull, searchable without accents.
    await page.getByRole('link', { name: 'Hộ dân', exact: true }).click();
    await waitForHeading(page, 'Hộ dân');
    await page.getByLabel('Tìm hộ').fill('giang a pao');
    await page.locator('ul.rows li', { hasText: 'Giàng A Páo' }).waitFor();
    await context.close();
  });
});
