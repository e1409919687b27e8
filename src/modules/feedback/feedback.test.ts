import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, demoCommuneCode, submitAsCitizen } from '../../../tests/support/fixtures';
import { bearer, createTestApp, type TestApp } from '../../../tests/support/test-app';
import { listCommuneRatings } from './index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const rate = async (phone: string, code: string, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/api/dossiers/${encodeURIComponent(code)}/rating`, payload, headers: bearer(await t.citizenToken(phone)) });

async function returnedDossier(phone: string): Promise<string> {
  const { code } = await submitAsCitizen(t, phone);
  for (const [who, type] of [['demo.officer', 'receive'], ['demo.specialist', 'start_processing'], ['demo.leader', 'approve'], ['demo.officer', 'return_result']] as const) {
    const res = await act(t, who, code, { type });
    if (res.statusCode !== 200) throw new Error(`${type}: ${res.body}`);
  }
  return code;
}

describe('rating the service (ND 61/2018 Art. 29–31)', () => {
  it('is refused before the result is returned, and writes nothing', async () => {
    const { code } = await submitAsCitizen(t, '0900000001');
    const res = await rate('0900000001', code, { overall: 5 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('NOT_RETURNED_YET');
    expect((await t.app.inject({ method: 'GET', url: `/api/dossiers/${code}/rating`, headers: bearer(await t.citizenToken('0900000001')) })).statusCode).toBe(404);
  });

  it('takes one rating from the owner after the return, with criteria and a comment', async () => {
    const code = await returnedDossier('0900000002');
    expect((await rate('0900000003', code, { overall: 1 })).statusCode).toBe(404);
    const bad = await rate('0900000002', code, { overall: 6 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].vi).toBe('Chọn từ 1 đến 5 sao');
    const ok = await rate('0900000002', code, { overall: 2, timeliness: 1, staffConduct: 4, visits: 2, extraPayment: true, comment: '  Phải đi lại hai lần  ' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ dossierCode: code, overall: 2, timeliness: 1, information: null, visits: 2, comment: 'Phải đi lại hai lần' });
    const again = await rate('0900000002', code, { overall: 5 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_RATED');
    const mine = await t.app.inject({ method: 'GET', url: `/api/dossiers/${code}/rating`, headers: bearer(await t.citizenToken('0900000002')) });
    expect(mine.json().overall).toBe(2);
  });

  it("lets the commune's staff read ratings with a summary, and the indicators read them per period", async () => {
    const commune = await demoCommuneCode(t);
    // Only the rating made in this file is newer than the demo ratings seeded with the year of demo dossiers.
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const res = await t.app.inject({ method: 'GET', url: `/api/communes/${commune}/ratings?from=${encodeURIComponent(since)}`, headers: bearer(await t.staffToken('demo.leader')) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.summary).toMatchObject({ count: 1, averageOverall: 2, dislikes: 1, extraPaymentReports: 1 });
    expect(body.summary.averages.timeliness).toBe(1);
    const province = await t.app.inject({ method: 'GET', url: `/api/communes/${commune}/ratings`, headers: bearer(await t.staffToken('demo.province')) });
    expect(province.statusCode).toBe(200);
    const citizen = await t.app.inject({ method: 'GET', url: `/api/communes/${commune}/ratings`, headers: bearer(await t.citizenToken('0900000002')) });
    expect(citizen.statusCode).toBe(403);
    const other = await t.app.inject({ method: 'GET', url: '/api/communes/00004/ratings', headers: bearer(await t.staffToken('demo.leader')) });
    expect(other.statusCode).toBe(404);
    const future = await listCommuneRatings(t.deps, commune, { from: new Date(Date.now() + 86_400_000) });
    expect(future.summary.count).toBe(0);
    expect((await listCommuneRatings(t.deps, commune, { from: new Date(since) })).items).toHaveLength(1);
    // The demo year carries ratings too, some of them dislikes (QĐ 766 5.4).
    const year = await listCommuneRatings(t.deps, commune, {});
    expect(year.summary.count).toBeGreaterThan(10);
    expect(year.summary.dislikes).toBeGreaterThan(0);
  });

  it('publishes the criteria and the 5-point scale', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/feedback/criteria' });
    expect(res.json().scale.map((s: { vi: string }) => s.vi)).toEqual(['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng']);
    expect(res.json().criteria.map((c: { article: string }) => c.article)).toContain('Art. 31.5');
  });
});
