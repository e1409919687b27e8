import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../src/platform/db';
import type { AppDeps } from '../src/platform/http';
import { getCommune, listVillages } from '../src/modules/admin-units';
import { listCommuneProcedures } from '../src/modules/procedures';
import { buildCommuneDashboard, buildProvinceDashboard } from '../src/modules/indicators';
import { communeBreakdownSql, provinceBreakdownSql, readCommuneBreakdown, readProvinceBreakdown } from '../src/modules/indicators/aggregates.repo';
import { countOverdueByCommune, countOverdueByVillage, listOverdue } from '../src/modules/indicators/overdue.repo';
import { listProvinceCommunes } from '../src/modules/indicators/province-dashboard.service';
import { toMonthRange } from '../src/modules/indicators/period';
import { readSourcePanels } from '../src/modules/indicators/sources';

/**
 * BENCH_EXPLAIN=1: the plans (EXPLAIN ANALYZE, BUFFERS) of the two aggregate reads the dashboards
 * make, built by the same functions the readers use. Where the time of a dashboard goes.
 */
export async function explainAggregateReads(db: Db, communes: string[], commune: string, period: { from: string; to: string }): Promise<string> {
  const range = toMonthRange(period);
  const out: string[] = [];
  for (const [label, query] of [
    [`commune breakdown (indicator_cube, ${commune})`, communeBreakdownSql(commune, range, 'aggregates')],
    ['province breakdown (indicator_commune_month)', provinceBreakdownSql(communes, range, 'aggregates')],
  ] as [string, SQL][]) {
    const rows = await queryRows<Record<string, string>>(db, sql`explain (analyze, buffers) ${query}`);
    out.push(`  EXPLAIN ANALYZE ${label}:`, ...rows.map((r) => `    ${Object.values(r)[0]}`));
  }
  return out.join('\n');
}

async function medians(title: string, parts: [string, () => Promise<unknown>][]): Promise<string> {
  const out = [`  ${title}, each call alone (median of 7 after a warm-up):`];
  for (const [label, fn] of parts) {
    const runs: number[] = [];
    for (let i = 0; i < 8; i++) {
      const t0 = performance.now();
      await fn();
      if (i > 0) runs.push(performance.now() - t0);
    }
    out.push(`    ${label}: ${runs.sort((a, b) => a - b)[3]!.toFixed(1)} ms`);
  }
  return out.join('\n');
}

/** Where a commune dashboard's time goes: each call it makes (they run concurrently in the dashboard). */
export async function profileCommuneDashboard(deps: AppDeps, commune: string, period: { from: string; to: string }): Promise<string> {
  const range = toMonthRange(period);
  const now = deps.now();
  const breakdown = readCommuneBreakdown(deps.db, commune, range, 'aggregates');
  return medians(`Commune dashboard (${commune})`, [
    ['getCommune', () => getCommune(deps, commune)],
    ['readCommuneBreakdown', () => readCommuneBreakdown(deps.db, commune, range, 'aggregates')],
    ['listVillages', () => listVillages(deps, commune, { includeDeleted: true })],
    ['listCommuneProcedures', () => listCommuneProcedures(deps, commune)],
    ['countOverdueByVillage', () => countOverdueByVillage(deps.db, commune, now)],
    ['listOverdue', () => listOverdue(deps.db, commune, now, 10, 0)],
    ['readSourcePanels', () => readSourcePanels(deps, { kind: 'commune', communeCode: commune }, range, { breakdown })],
    ['whole dashboard', () => buildCommuneDashboard(deps, commune, period)],
  ]);
}

/** The same for the province dashboard. */
export async function profileProvinceDashboard(deps: AppDeps, province: string, period: { from: string; to: string }): Promise<string> {
  const range = toMonthRange(period);
  const { communes } = await listProvinceCommunes(deps, province);
  const codes = communes.map((c) => c.code);
  const breakdown = readProvinceBreakdown(deps.db, codes, range, 'aggregates');
  return medians(`Province dashboard (${province})`, [
    ['listProvinceCommunes', () => listProvinceCommunes(deps, province)],
    ['readProvinceBreakdown', () => readProvinceBreakdown(deps.db, codes, range, 'aggregates')],
    ['countOverdueByCommune', () => countOverdueByCommune(deps.db, codes, deps.now())],
    ['readSourcePanels', () => readSourcePanels(deps, { kind: 'province', provinceCode: province, communeCodes: codes, communes }, range, { breakdown })],
    ['whole dashboard', () => buildProvinceDashboard(deps, province, period)],
  ]);
}
