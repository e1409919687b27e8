import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp, type TestApp } from '../tests/support/test-app';

/** How src/server/web.ts serves the built apps (web/dist is built by e2e/support/global-setup.ts). */
let t: TestApp;
beforeAll(async () => {
  const buildError = inject('webBuildError');
  if (buildError) throw new Error(`The web build failed:\n${buildError}`);
  t = await createTestApp();
});
afterAll(async () => t?.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('web apps served by the same server', () => {
  it('serves the citizen portal at / as revalidated HTML with a CSP', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.body).toContain('<html lang="vi">');
  });

  it('answers each app route with that app (single-page fallback per prefix)', async () => {
    for (const path of ['/thu-tuc/2.000908', '/tra-cuu/000.00.21.H55-251117-0001', '/ho-so']) {
      const res = await get(path);
      expect(res.statusCode, path).toBe(200);
      expect(res.body, path).toContain('/assets/citizen-');
    }
    const staff = await get('/can-bo/ho-so/abc');
    expect(staff.statusCode).toBe(200);
    expect(staff.body).toContain('/assets/staff-');
    expect((await get('/can-bo')).body).toContain('/assets/staff-');
  });

  it('never shadows the API or its docs', async () => {
    const api = await get('/api/khong-co');
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('ROUTE_NOT_FOUND');
    expect((await get('/api/procedures?q=khai')).json().items.length).toBeGreaterThan(0);
    expect((await get('/openapi.json')).json().openapi).toBeDefined();
    const docs = await get('/docs');
    expect(docs.body).not.toContain('/assets/citizen-');
  });

  it('serves hashed assets pre-compressed, cached for a year, and 404s a missing asset', async () => {
    const html = (await get('/')).body;
    const js = /\/assets\/citizen-[\w-]+\.js/.exec(html)![0];
    const br = await t.app.inject({ method: 'GET', url: js, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toContain('text/javascript');
    const gz = await get(js, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await get(js);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(br.rawPayload.length);
    expect((await get('/assets/khong-co-abc.js')).statusCode).toBe(404);
  });

  it('answers 304 when the browser already has the page', async () => {
    const first = await get('/');
    const again = await get('/', { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
  });
});
