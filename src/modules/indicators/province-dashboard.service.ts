import { asc, eq } from 'drizzle-orm';
import type { AppDeps } from '../../platform/http';
import { notFound } from '../../platform/errors';
import { communes, provinces } from '../admin-units';
import { readProvinceBreakdown, type Reader } from './aggregates.repo';
import { ONLINE_TARGET } from './definitions';
import { dossierIndicators, type IndicatorValue } from './indicator-values';
import { countOverdueByCommune } from './overdue.repo';
import { describePeriod, listMonths, toMonthRange } from './period';
import { rankBy, scopeFigures, trendPoint, type ScopeFigures, type TrendPoint } from './rows';
import { freshness, type Freshness, type Period } from './scope';
import { panelIndicators, readSourcePanels, type SourcePanel } from './sources';

export interface CommuneRankRow extends ScopeFigures {
  communeCode: string;
  communeName: string;
  overdueNow: number;
  /** Rank by online share, best first (null without dossiers); the table sorts by any column. */
  rank: number | null;
}

export interface ProvinceDashboard {
  scope: { kind: 'province'; provinceCode: string; provinceName: string; communeCount: number };
  period: Period;
  freshness: Freshness;
  headline: IndicatorValue[];
  trend: { target: { onlineShare: number; source: string }; points: TrendPoint[] };
  communes: CommuneRankRow[];
  panels: SourcePanel[];
}

export async function listProvinceCommunes(deps: AppDeps, provinceCode: string) {
  const [province] = await deps.db.select().from(provinces).where(eq(provinces.code, provinceCode));
  if (!province) throw notFound('PROVINCE_NOT_FOUND', { vi: `Không tìm thấy tỉnh/thành phố có mã ${provinceCode}`, en: `No province with code ${provinceCode}` });
  const rows = await deps.db.select({ code: communes.code, name: communes.name }).from(communes)
    .where(eq(communes.provinceCode, provinceCode)).orderBy(asc(communes.code));
  return { province, communes: rows };
}

/** Every commune of the province side by side, ranked; each row drills down to the commune dashboard. */
export async function buildProvinceDashboard(deps: AppDeps, provinceCode: string, p: { from: string; to: string }, reader: Reader = 'aggregates'): Promise<ProvinceDashboard> {
  const now = deps.now();
  const range = toMonthRange(p);
  const { province, communes: list } = await listProvinceCommunes(deps, provinceCode);
  const codes = list.map((c) => c.code);
  const read = readProvinceBreakdown(deps.db, codes, range, reader);
  const [breakdown, overdue, panels] = await Promise.all([
    read,
    countOverdueByCommune(deps.db, codes, now),
    readSourcePanels(deps, { kind: 'province', provinceCode, communeCodes: codes, communes: list }, range, { breakdown: read }),
  ]);
  const overdueTotal = [...overdue.values()].reduce((s, n) => s + n, 0);
  const rows = list.map((c) => ({
    communeCode: c.code, communeName: c.name, overdueNow: overdue.get(c.code) ?? 0, ...scopeFigures(breakdown.byCommune.get(c.code)),
  }));
  return {
    scope: { kind: 'province', provinceCode, provinceName: province.name, communeCount: list.length },
    period: { from: p.from, to: p.to, months: listMonths(p.from, p.to), ...describePeriod(p) },
    freshness: freshness(now, breakdown.total.updatedAt),
    headline: [...dossierIndicators(breakdown.total, overdueTotal), ...panelIndicators(panels)],
    trend: {
      target: { onlineShare: ONLINE_TARGET.percent, source: ONLINE_TARGET.source },
      points: listMonths(p.from, p.to).map((m) => trendPoint(m, breakdown.byMonth.get(`${m}-01`))),
    },
    communes: rankBy(rows, (r) => r.onlineShare),
    panels,
  };
}
