import { mkdirSync } from 'node:fs';
import { beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PHONE } from './support/browser';
import { signInLeader, waitForDashboard } from './support/leader';
import { DESKTOP, newStaffPage } from './support/staff';
import { useWebAppAndBrowser, type WebTestApp } from './support/web-app';

/**
 * Screenshots of the dashboards for docs/screenshots/, linked from the README: the commune dashboard on a desktop
 * and its charts on a phone, the province ranking, the public page. Not part of the normal run:
 * `XASO_SCREENSHOTS=1 npx vitest run e2e/leader-screenshots.test.ts`.
 */
const DIR = process.env.XASO_SCREENSHOT_DIR ?? 'docs/screenshots';
const PHONE1 = { ...PHONE, deviceScaleFactor: 1 };
let t: WebTestApp;
let browser: Browser;

describe.runIf(process.env.XASO_SCREENSHOTS === '1')('leader dashboard screenshots', { timeout: 240_000 }, () => {
  beforeAll(() => { mkdirSync(DIR, { recursive: true }); });
  useWebAppAndBrowser((app, b) => { t = app; browser = b; });

  const shot = (page: Page, name: string) => page.screenshot({ path: `${DIR}/${name}.png` });
  const section = (page: Page, selector: string, name: string) => page.locator(selector).first().screenshot({ path: `${DIR}/${name}.png` });

  it('takes the dashboards', async () => {
    const desk = await newStaffPage(browser, t.baseURL, DESKTOP);
    await signInLeader(desk.page, 'demo.leader');
    await waitForDashboard(desk.page, /Trà Bồng/);
    await shot(desk.page, 'leader-01-dashboard');
    await section(desk.page, '[data-chart="trend"]', 'leader-02-trend');
    await section(desk.page, '[data-chart="readiness-funnel"]', 'leader-03-funnel');
    await desk.context.close();

    const phone = await newStaffPage(browser, t.baseURL, PHONE1);
    await signInLeader(phone.page, 'demo.leader');
    await waitForDashboard(phone.page, /Trà Bồng/);
    await phone.page.locator('#trend-h').scrollIntoViewIfNeeded();
    await phone.page.evaluate(() => document.getElementById('trend-h')!.scrollIntoView());
    await shot(phone.page, 'leader-04-trend-phone');
    await phone.context.close();

    const prov = await newStaffPage(browser, t.baseURL, DESKTOP);
    await signInLeader(prov.page, 'demo.province');
    await waitForDashboard(prov.page, /Quảng Ngãi/);
    await prov.page.evaluate(() => document.getElementById('ranking-h')!.scrollIntoView());
    await shot(prov.page, 'leader-05-province-ranking');
    await prov.context.close();

    const pub = await newStaffPage(browser, t.baseURL, PHONE1);
    await pub.page.goto('/lanh-dao/cong-khai/21115');
    await waitForDashboard(pub.page, /Trà Bồng/);
    await shot(pub.page, 'leader-06-public-phone');
    await pub.context.close();
  });
});
