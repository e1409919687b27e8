import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db';
import { bearer, createTestApp, type TestApp } from '../../../tests/support/test-app';
import { COMMUNE } from './indicators.test-support';
import { formatVnPercent } from './vn-format';

/** The endpoints on the seeded demo year: who may see what, validation, exports, open data. */
let t: TestApp;
const get = async (url: string, who?: string) =>
  t.app.inject({ method: 'GET', url, headers: who ? bearer(who.startsWith('09') ? await t.citizenToken(who) : await t.staffToken(who)) : {} });

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('commune dashboard', () => {
  it('gives the leader every panel, each figure with its formula and source, and how fresh it is', async () => {
    const res = await get(`/api/indicators/communes/${COMMUNE}/dashboard`, 'demo.leader');
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.period.months).toHaveLength(12);
    expect(d.freshness.mode).toBe('live');
    expect(Date.parse(d.freshness.lastChangeAt)).toBeLessThanOrEqual(Date.parse(d.freshness.asOf));
    expect(d.trend.points).toHaveLength(12);
    expect(d.trend.target.onlineShare).toBe(50);
    for (const h of d.headline) {
      expect(h.formula.vi.length).toBeGreaterThan(10);
      expect(h.formula.en.length).toBeGreaterThan(10);
      expect(h.source.length).toBeGreaterThan(5);
    }
    expect(d.panels.map((p: { id: string }) => p.id).sort()).toEqual(['counter', 'payments', 'readiness', 'satisfaction', 'teams']);
    expect(d.villages.length).toBeGreaterThanOrEqual(8);
    expect(d.index766.groups.reduce((s: number, g: { maxPoints: number }) => s + g.maxPoints, 0)).toBe(100);
  });

  it('shows the demo year: the online share climbs, with a campaign bump, and a few dossiers overdue', async () => {
    const d = (await get(`/api/indicators/communes/${COMMUNE}/dashboard`, 'demo.leader')).json();
    const shares = d.trend.points.map((p: { onlineShare: number | null }) => p.onlineShare ?? 0);
    const firstQuarter = (shares[0] + shares[1] + shares[2]) / 3;
    const lastQuarter = (shares[9] + shares[10] + shares[11]) / 3;
    expect(firstQuarter).toBeLessThan(30);
    expect(lastQuarter).toBeGreaterThan(45);
    expect(d.overdue.count).toBeGreaterThan(0);
    expect(d.overdue.count).toBeLessThan(20);
    // Lists mask names (Decree 13/2023).
    for (const item of d.overdue.items) expect(item.applicantName).toMatch(/\*/);
  });

  it('shows believable panels on the demo year: payments, ratings, queue, team work and readiness', async () => {
    const d = (await get(`/api/indicators/communes/${COMMUNE}/dashboard`, 'demo.leader')).json();
    for (const p of d.panels) expect([p.id, p.status]).toEqual([p.id, 'ok']);
    const h = (id: string) => d.headline.find((x: { id: string }) => x.id === id);
    expect(h('paid_online_share').value).toBeGreaterThan(10);
    expect(h('paid_online_share').value).toBeLessThan(90);
    expect(h('rating_count').value).toBeGreaterThan(50);
    expect(h('satisfaction_rate').value).toBeGreaterThan(40);
    expect(h('satisfaction_rate').value).toBeLessThan(95);
    expect(h('queue_avg_wait').value).toBeGreaterThan(1);
    expect(h('queue_avg_wait').value).toBeLessThan(60);
    expect(h('support_acts').value).toBeGreaterThan(100);
    expect(h('adult_smartphone_share').value).toBeGreaterThan(40);
    expect(h('adult_smartphone_share').value).toBeLessThan(95);
    // The funnel narrows step by step and still reaches people who file online on their own.
    const readiness = d.panels.find((p: { id: string }) => p.id === 'readiness').data;
    const counts = readiness.funnel.slice(1).map((s: { count: number }) => s.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts.at(-1)).toBeGreaterThan(0);
    expect(readiness.villages.length).toBeGreaterThanOrEqual(8);
    const components = d.index766.groups.flatMap((g: { components: { id: string }[] }) => g.components);
    for (const id of ['3.6', '5.4']) expect(components.find((c: { id: string }) => c.id === id).status).toBe('computed');
  });

  it('answers 404 for another commune, 403 for volunteers and citizens, 401 without sign-in', async () => {
    expect((await get('/api/indicators/communes/21025/dashboard', 'demo.leader')).statusCode).toBe(404);
    expect((await get(`/api/indicators/communes/${COMMUNE}/dashboard`, 'demo.volunteer')).statusCode).toBe(403);
    expect((await get(`/api/indicators/communes/${COMMUNE}/dashboard`, '0900000001')).statusCode).toBe(403);
    expect((await get(`/api/indicators/communes/${COMMUNE}/dashboard`)).statusCode).toBe(401);
  });

  it('rejects a bad period with a bilingual 400', async () => {
    const bad = await get(`/api/indicators/communes/${COMMUNE}/dashboard?from=2026-13`, 'demo.leader');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ path: 'querystring.from', vi: expect.stringContaining('YYYY-MM'), en: expect.stringContaining('YYYY-MM') });
    const reversed = await get(`/api/indicators/communes/${COMMUNE}/dashboard?from=2026-10&to=2026-01`, 'demo.leader');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error).toMatchObject({ code: 'PERIOD_INVALID' });
    const long = await get(`/api/indicators/communes/${COMMUNE}/dashboard?from=2020-01&to=2026-01`, 'demo.leader');
    expect(long.json().error).toMatchObject({ code: 'PERIOD_TOO_LONG' });
  });

  it('lists every overdue dossier, most overdue first', async () => {
    const res = await get(`/api/indicators/communes/${COMMUNE}/overdue?limit=100`, 'demo.officer');
    expect(res.statusCode).toBe(200);
    const { count, items } = res.json();
    expect(items).toHaveLength(count);
    const due = items.map((i: { dueAt: string }) => i.dueAt);
    expect([...due].sort()).toEqual(due);
  });
});

describe('province view', () => {
  it('ranks every commune of the province for the province account, and drills down to one', async () => {
    const res = await get('/api/indicators/provinces/51/dashboard', 'demo.province');
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.communes).toHaveLength(p.scope.communeCount);
    type Row = { communeCode: string; rank: number | null; onlineShare: number | null; online: number };
    const ranked = (p.communes as Row[]).filter((c) => c.rank !== null).sort((a, b) => a.rank! - b.rank!);
    expect(ranked.length).toBeGreaterThan(1); // the demo commune and its neighbours have dossiers
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.onlineShare!).toBeGreaterThanOrEqual(ranked[i]!.onlineShare!);
    const demo = (p.communes as Row[]).find((c) => c.communeCode === COMMUNE)!;
    const drill = (await get(`/api/indicators/communes/${COMMUNE}/dashboard`, 'demo.province')).json();
    expect(drill.headline.find((h: { id: string }) => h.id === 'online_share').value).toBe(demo.onlineShare);
    const totalOnline = (p.communes as Row[]).reduce((n, c) => n + c.online, 0);
    expect(p.headline.find((h: { id: string }) => h.id === 'online_share').numerator).toBe(totalOnline);
  });

  it('is for province accounts of that province only', async () => {
    expect((await get('/api/indicators/provinces/51/dashboard', 'demo.leader')).statusCode).toBe(403);
    expect((await get('/api/indicators/provinces/01/dashboard', 'demo.province')).statusCode).toBe(404);
  });
});

describe('exports', () => {
  it('gives an Excel report with the period and the commune on the first row, Vietnamese numbers, and audits it', async () => {
    const month = (await get(`/api/indicators/communes/${COMMUNE}/dashboard`, 'demo.leader')).json().period.months[10];
    const res = await get(`/api/indicators/communes/${COMMUNE}/report.xlsx?from=${month}&to=${month}`, 'demo.leader');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`bao-cao-${COMMUNE}-${month}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const sheet = wb.getWorksheet(1)!;
    const first = String(sheet.getCell(1, 1).value);
    expect(first).toContain('Kỳ báo cáo');
    expect(first).toContain('Trà Bồng');
    expect(first).toMatch(/01\/\d{2}\/\d{4} – \d{2}\/\d{2}\/\d{4}/);
    const dash = (await get(`/api/indicators/communes/${COMMUNE}/dashboard?from=${month}&to=${month}`, 'demo.leader')).json();
    const online = dash.headline.find((h: { id: string }) => h.id === 'online_share');
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value))));
    expect(cells).toContain(formatVnPercent(online.value));
    // The source panels' figures and tables are in the report too, numbers written the Vietnamese way.
    const satisfaction = dash.headline.find((h: { id: string }) => h.id === 'satisfaction_rate');
    expect(cells).toContain(formatVnPercent(satisfaction.value));
    expect(cells).toContain('Tỷ lệ hài lòng');
    expect(cells).toContain('Mức độ sẵn sàng số theo thôn (người từ 18 tuổi, theo phễu)');
    expect(cells).toContain('Mức độ hài lòng theo tiêu chí (NĐ 61/2018 Điều 31)');
    const audit = await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from audit_log where action = 'indicators.export' and entity_id = ${`${COMMUNE}:${month}..${month}`}`);
    expect(audit[0]!.n).toBe(1);
  });

  it('gives a PDF with an embedded font, and audits it', async () => {
    const res = await get(`/api/indicators/communes/${COMMUNE}/report.pdf`, 'demo.officer');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload.toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toContain('NotoSans');
    const audit = await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from audit_log where action = 'indicators.export' and details->>'format' = 'pdf'`);
    expect(audit[0]!.n).toBe(1);
  });

  it('refuses exports to other communes and to volunteers, and writes no audit row then', async () => {
    expect((await get('/api/indicators/communes/21025/report.xlsx', 'demo.leader')).statusCode).toBe(404);
    expect((await get(`/api/indicators/communes/${COMMUNE}/report.pdf`, 'demo.volunteer')).statusCode).toBe(403);
    const audit = await queryRows<{ n: number }>(t.deps.db, sql`select count(*)::int as n from audit_log where action = 'indicators.export' and (commune_code = '21025' or actor_role = 'volunteer')`);
    expect(audit[0]!.n).toBe(0);
  });
});

describe('open data', () => {
  it("publishes a commune's headline figures without sign-in and without personal data", async () => {
    const res = await get(`/api/public/communes/${COMMUNE}/figures`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('public');
    const body = res.json();
    expect(body.indicators.find((i: { id: string }) => i.id === 'online_share').denominator).toBeGreaterThan(0);
    for (const id of ['paid_online_share', 'satisfaction_rate', 'queue_avg_wait', 'support_acts', 'adult_smartphone_share', 'household_fibre_share']) {
      expect(body.indicators.find((i: { id: string }) => i.id === id)).toMatchObject({ status: 'ok', value: expect.any(Number) });
    }
    const [member] = await queryRows<{ full_name: string }>(t.deps.db, sql`select full_name from team_members where commune_code = ${COMMUNE} limit 1`);
    expect(res.body).not.toContain(member!.full_name);
    const [someone] = await queryRows<{ applicant_name: string; applicant_phone: string; code: string }>(
      t.deps.db, sql`select applicant_name, applicant_phone, code from dossiers where commune_code = ${COMMUNE} limit 1`);
    expect(res.body).not.toContain(someone!.applicant_name);
    expect(res.body).not.toContain(someone!.applicant_phone);
    expect(res.body).not.toContain(someone!.code);
    expect((await get('/api/public/communes/99999/figures')).statusCode).toBe(404);
  });

  it('explains every indicator without sign-in', async () => {
    const res = await get('/api/indicators/definitions');
    expect(res.statusCode).toBe(200);
    expect(res.json().indicators.map((i: { id: string }) => i.id)).toContain('avg_processing_days');
  });
});
