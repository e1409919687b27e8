import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { bearer, type TestApp } from '../../tests/support/test-app';
import { describeViolations, seriousA11yViolations } from './axe';

/** Axe on the page as it is now: no serious or critical violation. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations, `${what}:\n${describeViolations(violations)}`).toEqual([]);
}

/** Sign in through the page with phone + the one-time code shown in demo mode; ends where `next` leads. */
export async function signInOnPage(page: Page, phone: string, opts: { axe?: boolean } = {}): Promise<void> {
  await page.getByLabel('Số điện thoại').fill(phone);
  await page.getByRole('button', { name: 'Gửi mã' }).click();
  const devCode = await page.getByTestId('dev-code').textContent();
  if (opts.axe) await expectAccessible(page, 'sign-in, code step');
  await page.getByLabel('Mã 6 số').fill(devCode!.trim());
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** Staff steps of a dossier, through the API (the staff screens have their own journeys). */
export async function staffAct(t: TestApp, username: string, code: string, payload: Record<string, unknown>) {
  const res = await t.app.inject({
    method: 'POST', url: `/api/dossiers/${encodeURIComponent(code)}/actions`, payload, headers: bearer(await t.staffToken(username)),
  });
  if (res.statusCode !== 200) throw new Error(`${username} ${String(payload.type)}: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function staffUpload(t: TestApp, username: string, bytes: Buffer): Promise<string> {
  const res = await t.app.inject({
    method: 'POST', url: '/api/files', payload: bytes, headers: { ...bearer(await t.staffToken(username)), 'content-type': 'application/octet-stream' },
  });
  if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}
