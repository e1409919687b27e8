import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bearer } from '../tests/support/test-app';
import { addMonths, currentMonth } from '../web/lanh-dao/period';
import { PHONE } from './support/browser';
import { expectAccessible } from './support/citizen';
import { signInLeader, tableRows, vn, waitForDashboard } from './support/leader';
import { DESKTOP, newStaffPage } from './support/staff';
import { useWebAppAndBrowser, type WebTestApp } from './support/web-app';

/**
 * Issue 6: the commune leader's dashboard in Chromium on the demo commune (Trà Bồng, a believable year of dossiers).
 * One desktop sign-in is shared by the journey's steps (sign-ins are rate-limited per address).
 */
let t: WebTestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let api: Record<string, string>;
const now = new Date();
const thisMonth = currentMonth(now);

useWebAppAndBrowser((app, b) => { t = app; browser = b; });
beforeAll(async () => {
  api = bearer(await t.staffToken('demo.leader'));
  ({ context, page } = await newStaffPage(browser, t.baseURL, DESKTOP));
});
afterAll(async () => {
  await context?.close();
});

async function dashboardFromApi(query = '') {
  const res = await t.app.inject({ url: `/api/indicators/communes/21115/dashboard${query}`, headers: api });
  expect(res.statusCode).toBe(200);
  return res.json() as {
    trend: { points: { month: string; onlineShare: number | null }[] }; overdue: { count: number };
    headline: { id: string; value: number | null; numerator: number | null; denominator: number | null }[];
    panels: { id: string; data: { funnel?: { label: { vi: string } }[] } | null }[];
  };
}

describe('the commune leader dashboard in Chromium', { timeout: 180_000 }, () => {
  it('the leader lands on the commune dashboard and sees the online rate rising over the demo year, with its table', async () => {
    await signInLeader(page, 'demo.leader');
    await waitForDashboard(page, 'Bảng điều hành xã Trà Bồng');
    expect(new URL(page.url()).pathname).toBe('/lanh-dao/xa/21115');

    // The table beside the chart holds the same months and shares as the server's trend, written the Vietnamese way.
    const api12 = await dashboardFromApi();
    const rows = await tableRows(page, 'trend-table');
    expect(rows.map((r) => r[0])).toEqual(api12.trend.points.map((p) => `Tháng ${Number(p.month.slice(5))}/${p.month.slice(0, 4)}`));
    const shares = rows.map((r) => vn(r[3]!));
    expect(shares).toEqual(api12.trend.points.map((p) => p.onlineShare));
    expect(rows.some((r) => /^\d+,\d%$/.test(r[3]!))).toBe(true);
    // The demo year climbs from about 15% to about 60%: the last quarter is far above the first.
    const mean = (xs: (number | null)[]) => xs.reduce<number>((s, x) => s + (x ?? 0), 0) / xs.length;
    expect(mean(shares.slice(-3))).toBeGreaterThan(mean(shares.slice(0, 3)) + 20);

    // The chart is one image named by its heading and described by a sentence with the first and last values.
    const chart = page.locator('[data-chart="trend"] svg[role="img"]');
    expect(await chart.count()).toBe(1);
    const summary = await page.locator('#trend-sum').textContent();
    expect(summary).toContain(rows[0]![3]);
    expect(summary).toContain(rows[rows.length - 1]![3]);
    expect(await page.locator('[data-chart="trend"] .c-target text').textContent()).toBe('Mục tiêu 50%');
    expect(await page.locator('[data-chart="trend"]').textContent()).toContain('QĐ 766/QĐ-TTg chỉ số 3.3');
    // The headline figure equals the server's, with what it is made of.
    const online = api12.headline.find((h) => h.id === 'online_share')!.value!;
    expect(await page.locator('[data-indicator="online_share"] .figure-value').textContent()).toBe(`${String(online).replace('.', ',')}%`);

    // Freshness, in Vietnam time.
    const fresh = await page.getByTestId('freshness').textContent();
    const vnToday = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
    expect(fresh).toMatch(new RegExp(`Số liệu cập nhật lúc \\d{2}:\\d{2} ngày ${vnToday.replace(/\//g, '\\/')} \\(giờ Việt Nam\\)`));
    await expectAccessible(page, 'commune dashboard (desktop)');
  });

  it('opens "Cách tính?" of a figure: the formula and its legal source', async () => {
    const card = page.locator('[data-indicator="online_share"]');
    const formula = card.getByText('Số hồ sơ nộp trực tuyến ÷ tổng số hồ sơ nộp trong kỳ', { exact: false });
    expect(await formula.isVisible()).toBe(false);
    await card.locator('details > summary').click();
    await formula.waitFor();
    const how = await card.locator('details').textContent();
    expect(how).toContain('NĐ 42/2022/NĐ-CP Điều 11');
    const online = (await dashboardFromApi()).headline.find((h) => h.id === 'online_share')!;
    expect(how).toContain(`Số liệu: ${online.numerator} / ${online.denominator}`);
    // Decision 766: each component with its maximum; what xaso cannot know says so, with no number.
    const notHere = page.locator('tr[data-component="1.2"]');
    expect(await notHere.textContent()).toContain('Không đo tại đây');
    expect((await notHere.locator('td').allTextContents())[2]).toBe('—');
    expect((await page.locator('tr[data-component="2.1"] td').allTextContents())[0]).toBe('20');
  });

  it('switches the period: the charts and tables follow, and a reversed period is refused on the page', async () => {
    const from = addMonths(thisMonth, -5);
    await page.getByLabel('Từ tháng').selectOption(from);
    await page.getByLabel('Đến tháng').selectOption(thisMonth);
    await page.getByRole('button', { name: 'Xem kỳ này' }).click();
    await page.waitForURL((u) => u.searchParams.get('tu') === from && u.searchParams.get('den') === thisMonth);
    await expect.poll(async () => (await tableRows(page, 'trend-table')).length).toBe(6);
    const rows = await tableRows(page, 'trend-table');
    const api6 = await dashboardFromApi(`?from=${from}&to=${thisMonth}`);
    expect(rows.map((r) => vn(r[3]!))).toEqual(api6.trend.points.map((p) => p.onlineShare));
    expect(await page.locator('.scope-line').textContent()).toContain(`01/${from.slice(5)}/${from.slice(0, 4)}`);

    await page.getByLabel('Từ tháng').selectOption(thisMonth);
    await page.getByLabel('Đến tháng').selectOption(from);
    await page.getByRole('button', { name: 'Xem kỳ này' }).click();
    expect(await page.locator('#period-error').textContent()).toBe('Tháng bắt đầu phải trước hoặc bằng tháng kết thúc');
    expect(new URL(page.url()).searchParams.get('tu')).toBe(from);
    expect(await page.getByLabel('Từ tháng').getAttribute('aria-invalid')).toBe('true');
  });

  it('downloads the Excel report of the chosen period; its first row names the period and the commune', async () => {
    const from = addMonths(thisMonth, -5);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải Excel' }).click()]);
    expect(download.suggestedFilename()).toBe(`bao-cao-21115-${from}_${thisMonth}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await readFile((await download.path())!) as never);
    const first = String(wb.worksheets[0]!.getRow(1).getCell(1).value);
    expect(first).toMatch(new RegExp(`^Kỳ báo cáo: 01/${from.slice(5)}/${from.slice(0, 4)} – \\d{2}/${thisMonth.slice(5)}/${thisMonth.slice(0, 4)} · Trà Bồng, Quảng Ngãi$`));
    await page.getByText(`Đã tải bao-cao-21115-${from}_${thisMonth}.xlsx`).waitFor();
    // The file left the system: the export is in the audit log.
    const audit = await t.database.db.execute(`select count(*)::int as n from audit_log where action = 'indicators.export'` as never) as unknown as { rows: { n: number }[] };
    expect(audit.rows[0]!.n).toBe(1);
  });

  it('lists the overdue dossiers, most days late first, each opening the dossier for staff', async () => {
    await page.goto('/lanh-dao/xa/21115');
    await waitForDashboard(page, 'Bảng điều hành xã Trà Bồng');
    const { overdue } = await dashboardFromApi();
    expect(overdue.count).toBeGreaterThan(0);
    expect(await page.locator('.overdue-count').textContent()).toBe(`${overdue.count} hồ sơ đang quá hạn, trễ nhiều nhất ở trên.`);
    const rows = await tableRows(page, 'overdue-table');
    const days = rows.map((r) => Number(/^(\d+) ngày/.exec(r[1]!)![1]));
    expect(days).toEqual([...days].sort((a, b) => b - a));
    // Names are masked in the list (Decree 13/2023).
    for (const r of rows) expect(r[5]).toMatch(/^[^\s*]+\*+( [^\s*]+\*+)*$/u);
    const link = page.locator('#overdue-table a.code').first();
    expect(await link.getAttribute('href')).toBe(`/can-bo/ho-so/${encodeURIComponent(rows[0]![0]!)}`);
    await link.click();
    await page.getByTestId('dossier-code').filter({ hasText: rows[0]![0]! }).waitFor();
  });

  it('draws the source panels: readiness funnel, team activity, satisfaction by criterion; an empty period says why', async () => {
    await page.goto('/lanh-dao/xa/21115');
    await waitForDashboard(page, 'Bảng điều hành xã Trà Bồng');
    const funnel = page.locator('[data-chart="readiness-funnel"]');
    expect(await funnel.locator('svg[role="img"]').count()).toBe(1);
    const readiness = (await dashboardFromApi()).panels.find((p) => p.id === 'readiness')!;
    expect((await tableRows(page, 'readiness-funnel-table')).map((r) => r[0])).toEqual(readiness.data!.funnel!.map((s) => s.label.vi));
    expect(readiness.data!.funnel!.length).toBe(6);
    expect((await tableRows(page, 'sat-criteria-table')).length).toBeGreaterThanOrEqual(8);
    expect(await page.locator('[data-chart="teams-days"] svg rect.c-bar').count()).toBeGreaterThan(10);

    // Three years back nothing was recorded: each panel says so in words, and draws nothing.
    const old = addMonths(thisMonth, -35);
    await page.goto(`/lanh-dao/xa/21115?tu=${old}&den=${addMonths(old, 2)}`);
    await waitForDashboard(page, 'Bảng điều hành xã Trà Bồng');
    const counter = page.locator('[data-panel="counter"]');
    expect(await counter.getAttribute('data-status')).toBe('no_data_yet');
    expect(await counter.getByTestId('panel-reason').textContent()).toMatch(/^Chưa có dữ liệu: /);
    expect(await counter.locator('svg').count()).toBe(0);
    expect(await page.locator('#trend-sum').textContent()).toBe('Chưa có hồ sơ nào trong kỳ này.');
    await expectAccessible(page, 'commune dashboard, empty period');
  });

  it('switches to English: labels in English, the same figures', async () => {
    await page.goto('/lanh-dao/xa/21115');
    await waitForDashboard(page, 'Bảng điều hành xã Trà Bồng');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard of Trà Bồng commune' }).waitFor();
    const { headline } = await dashboardFromApi();
    expect(await page.locator('[data-indicator="online_share"] .figure-value').textContent()).toBe(`${headline.find((h) => h.id === 'online_share')!.value}%`);
    expect(await page.locator('[data-indicator="online_share"] summary').textContent()).toContain('How is this computed?');
    await expectAccessible(page, 'commune dashboard in English');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bảng điều hành xã Trà Bồng' }).waitFor();
  });

  it('works on a 360 px phone: nothing wider than the screen, charts drawn at the phone\'s width', async () => {
    const phone = await newStaffPage(browser, t.baseURL, PHONE);
    await signInLeader(phone.page, 'demo.leader');
    await waitForDashboard(phone.page, 'Bảng điều hành xã Trà Bồng');
    await phone.page.locator('[data-chart="trend"] svg').waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const widths = await phone.page.locator('svg.chart').evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect().width));
    expect(widths.length).toBeGreaterThan(5);
    for (const w of widths) expect(w).toBeLessThanOrEqual(340);
    await expectAccessible(phone.page, 'commune dashboard (phone)');
    await phone.context.close();
  });
});
