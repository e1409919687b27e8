import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { bearer, createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('platform', () => {
  it('reports health and the engine in use', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', db: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
  });

  it('publishes OpenAPI with the contract routes, and a docs page', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    for (const path of ['/api/dossiers', '/api/dossiers/{code}/actions', '/api/public/dossiers/{code}', '/api/procedures', '/api/calendar/due-date', '/api/auth/citizen/otp']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const page = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
  });

  it('compresses large JSON for weak 3G (a field member\'s first sync) and leaves small answers alone', async () => {
    const headers = { ...bearer(await t.staffToken('demo.volunteer')), 'accept-encoding': 'gzip' };
    const raw = await t.app.inject({ method: 'GET', url: '/api/sync/snapshot', headers: bearer(await t.staffToken('demo.volunteer')) });
    const zipped = await t.app.inject({ method: 'GET', url: '/api/sync/snapshot', headers });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.rawPayload.length).toBeLessThan(raw.rawPayload.length / 4);
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(raw.json());
    const health = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'accept-encoding': 'gzip' } });
    expect(health.headers['content-encoding']).toBeUndefined();
  });

  it('answers unknown routes with a bilingual 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });

  it('computes due dates over Tết 2026 in working days', async () => {
    // Fri 13/2/2026 10:00 local; Tết closes 16–20/2; 3 working days → Wed 25/2 17:00 local.
    const res = await t.app.inject({ method: 'GET', url: '/api/calendar/due-date?from=2026-02-13T03:00:00Z&workingDays=3' });
    expect(res.json()).toEqual({ dueAt: '2026-02-25T10:00:00.000Z', dueAtLocal: '25/02/2026 17:00' });
    const bad = await t.app.inject({ method: 'GET', url: '/api/calendar/due-date?from=yesterday&workingDays=-1' });
    expect(bad.statusCode).toBe(400);
  });
});
