import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCommuneCode } from '../../../tests/support/fixtures';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('citizen home data', () => {
  it('names the demo commune and ranks its procedures by dossiers filed in the last year', async () => {
    const commune = await demoCommuneCode(t);
    const res = await t.app.inject({ method: 'GET', url: '/api/portal' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.commune.code).toBe(commune);
    expect(body.commune.name).toMatch(/Trà Bồng/);
    expect(body.popular).toHaveLength(6);
    const counts = (await t.database.db.execute(
      `select procedure_code as code, count(*)::int as n from dossiers where commune_code = '${commune}' and submitted_at > now() - interval '365 days' group by 1 order by 2 desc, 1 limit 1` as never,
    )) as unknown as { rows: { code: string }[] };
    expect(body.popular[0].code).toBe(counts.rows[0]!.code);
  });

  it('has no commune for an unknown code, and still suggests procedures', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/portal?communeCode=99999' });
    expect(res.json().commune).toBeNull();
    expect(res.json().popular.length).toBeGreaterThan(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/portal?communeCode=abc' })).statusCode).toBe(400);
  });
});
