import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_COMMUNE_CODE } from '../src/modules/admin-units';
import { newPhonePage } from './support/browser';
import { expectAccessible } from './support/citizen';
import { useWebAppAndBrowser, type WebTestApp } from './support/web-app';

/**
 * Issue 4, the community digital team's public pages in the citizen portal, no sign-in: the next duty shifts with a
 * number to call per village (/ho-tro/<commune>) and the bulletin board (/bang-tin/<commune>[/<id>]).
 * What the page shows is compared with what the public API answers for the demo commune.
 */
let t: WebTestApp;
let browser: Browser;
useWebAppAndBrowser((app, b) => { t = app; browser = b; });

interface Shift { date: string; startTime: string; endTime: string; members: string[]; closedReasonVi: string | null }
interface Point { name: string; nextShifts: Shift[] }
interface ItPoints { villages: { villageId: string; villageName: string; contactPhone: string | null; itPoints: Point[] }[]; communePoints: Point[] }
interface Announcement { id: string; kind: string; title: string; body: string; contactPhone: string | null; leafletUrl: string; readAloudUrl: string }

const api = async <T>(url: string): Promise<T> => {
  const res = await t.app.inject({ url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

describe('the digital team\'s public pages in Chromium', { timeout: 180_000 }, () => {
  it('duty shifts and a tap-to-call number per village, reached from the home footer', async () => {
    const data = await api<ItPoints>(`/api/public/communes/${DEMO_COMMUNE_CODE}/it-points?days=14`);
    const withPhone = data.villages.filter((v) => v.contactPhone);
    const points = [...data.villages.flatMap((v) => v.itPoints), ...data.communePoints];
    // The demo commune has numbers to call and shifts to show, or this test would prove nothing.
    expect(withPhone.length).toBeGreaterThan(0);
    expect(points.flatMap((p) => p.nextShifts).length).toBeGreaterThan(0);

    const { context, page } = await newPhonePage(browser, t.baseURL);
    await page.goto('/');
    await page.getByRole('link', { name: 'Tổ công nghệ số: lịch trực và số điện thoại' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tổ công nghệ số: lịch trực và số điện thoại' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/ho-tro/${DEMO_COMMUNE_CODE}`);
    await page.locator('[data-village]').first().waitFor();

    for (const v of data.villages) {
      const card = page.locator(`[data-village="${v.villageId}"]`);
      await expect(card.getByRole('heading', { level: 3 }).textContent()).resolves.toBe(v.villageName);
      if (v.contactPhone) {
        const call = card.getByRole('link', { name: /^Gọi / });
        expect(await call.getAttribute('href')).toBe(`tel:${v.contactPhone}`);
        // A big touch target: at least 48 px high.
        expect((await call.boundingBox())!.height).toBeGreaterThanOrEqual(48);
      } else {
        expect(await card.getByRole('link', { name: /^Gọi / }).count()).toBe(0);
      }
    }
    // Every shift the API lists is on the page, with its hours and who is on duty.
    const lines = await page.locator('[data-shift]').allInnerTexts();
    const expected = points.flatMap((p) => p.nextShifts);
    expect(lines.length).toBe(expected.length);
    for (const [i, s] of expected.entries()) {
      const [, m, d] = s.date.split('-');
      expect(lines[i]).toContain(`${d}/${m}`);
      expect(lines[i]).toContain(`từ ${s.startTime} đến ${s.endTime}`);
      if (s.closedReasonVi) expect(lines[i]).toContain(s.closedReasonVi);
      else for (const name of s.members) expect(lines[i]).toContain(name);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'digital team duty hours (phone)');
    await context.close();
  });

  it('the bulletin board lists the published announcements, marks the scam warning, and opens one with its leaflet', async () => {
    const { items } = await api<{ items: Announcement[] }>(`/api/public/communes/${DEMO_COMMUNE_CODE}/announcements`);
    const scam = items.find((a) => a.kind === 'scam_warning');
    expect(scam, 'the demo commune has a published scam warning').toBeDefined();

    const { context, page } = await newPhonePage(browser, t.baseURL);
    await page.goto('/');
    await page.getByRole('link', { name: 'Bảng tin của xã, cảnh báo lừa đảo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bảng tin của xã' }).waitFor();
    await page.locator('article[data-id]').first().waitFor();
    // Same announcements, same order (newest first); drafts never appear.
    expect(await page.locator('article[data-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).toEqual(items.map((a) => a.id));
    expect(await page.locator('article h2').allInnerTexts()).toEqual(items.map((a) => a.title));
    expect(await page.getByText('Hướng dẫn nộp lệ phí trực tuyến qua mã QR').count()).toBe(0);

    // The scam warning stands out: a red frame and the words "Cảnh báo lừa đảo", and only on scam warnings.
    const scamCard = page.locator(`article[data-id="${scam!.id}"]`);
    expect(await scamCard.getAttribute('class')).toContain('alert-error');
    expect(await scamCard.locator('[data-kind-badge]').innerText()).toBe('Cảnh báo lừa đảo');
    expect(await page.locator('article.alert-error').count()).toBe(items.filter((a) => a.kind === 'scam_warning').length);
    await expectAccessible(page, 'bulletin board (phone)');

    await scamCard.getByRole('link', { name: scam!.title }).click();
    await page.getByRole('heading', { level: 1, name: scam!.title }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/bang-tin/${DEMO_COMMUNE_CODE}/${scam!.id}`);
    expect(await page.locator('article').innerText()).toContain(scam!.body);
    expect(await page.locator('article[data-kind="scam_warning"] [data-kind-badge]').innerText()).toBe('Cảnh báo lừa đảo');
    if (scam!.contactPhone) expect(await page.getByRole('link', { name: /^Hỏi thêm: gọi/ }).getAttribute('href')).toBe(`tel:${scam!.contactPhone}`);

    const leafletHref = await page.getByRole('link', { name: 'Tải tờ rơi để in (PDF)' }).getAttribute('href');
    expect(leafletHref).toBe(scam!.leafletUrl);
    const pdf = await page.request.get(leafletHref!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const script = await page.request.get((await page.getByRole('link', { name: 'Bài đọc trên loa xã' }).getAttribute('href'))!);
    expect(script.status()).toBe(200);
    expect(await script.text()).toContain(scam!.title);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'one announcement (phone)');
    await context.close();
  });

  it('a leaflet\'s link (/bang-tin/<commune>#<id>) opens that announcement; an unknown one says so', async () => {
    const { items } = await api<{ items: Announcement[] }>(`/api/public/communes/${DEMO_COMMUNE_CODE}/announcements`);
    const { context, page } = await newPhonePage(browser, t.baseURL);
    await page.goto(`/bang-tin/${DEMO_COMMUNE_CODE}#${items[0]!.id}`);
    await page.getByRole('heading', { level: 1, name: items[0]!.title }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/bang-tin/${DEMO_COMMUNE_CODE}/${items[0]!.id}`);

    await page.goto(`/bang-tin/${DEMO_COMMUNE_CODE}/${crypto.randomUUID()}`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('Không tìm thấy thông báo');
    await context.close();
  });
});
