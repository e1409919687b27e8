import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/test-app';
import { launchBrowser } from './browser';

export interface WebTestApp extends TestApp {
  /** http://127.0.0.1:<port> of the real server, serving the built web apps and the API. */
  baseURL: string;
}

/** The whole app (buildApp on a private copy of the seeded template DB) listening on a free local port. */
export async function startWebApp(opts: { now?: () => Date } = {}): Promise<WebTestApp> {
  const buildError = inject('webBuildError');
  if (buildError) throw new Error(`The web build failed, so the browser cannot be tested:\n${buildError}`);
  const t = await createTestApp(opts);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  return Object.assign(t, { baseURL: `http://127.0.0.1:${port}` });
}

/**
 * The setup of a browser test file (or of the describe block that calls it): before all, its own app (so its own
 * sign-in rate limits, which count per address: every test browser is 127.0.0.1) and one Chromium, started
 * together and handed to `use`; after all, both closed. Hooks a file adds after this call run after the start and
 * before the close (vitest runs after-hooks in reverse order).
 */
export function useWebAppAndBrowser(use: (t: WebTestApp, browser: Browser) => void): void {
  let t: WebTestApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [t, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    use(t, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
}
