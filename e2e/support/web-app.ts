import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/test-app';

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
