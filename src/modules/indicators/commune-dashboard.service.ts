import type { AppDeps } from '../../platform/http';
import { sortByVietnamese } from '../../shared/text';
import { maskFullName } from '../../shared/validation';
import { getCommune, listVillages } from '../admin-units';
import { listCommuneProcedures } from '../procedures';
import { readCommuneBreakdown, type Reader } from './aggregates.repo';
import { ONLINE_TARGET } from './definitions';
import { computeIndex766, type Index766 } from './index766';
import { dossierIndicators, type IndicatorValue } from './indicator-values';
import { overdueDays } from './overdue-days';
import { countOverdueByVillage, listOverdue } from './overdue.repo';
import { describePeriod, listMonths, toMonthRange } from './period';
import { rankBy, scopeFigures, trendPoint, type ScopeFigures, type TrendPoint } from './rows';
import { index766Facts, panelIndicators, readSourcePanels, type SourcePanel } from './sources';
import { freshness, type Freshness, type Period } from './scope';

export interface VillageRow extends ScopeFigures {
  villageId: string | null;
  name: string | null;
  overdueNow: number;
}

export interface ProcedureRow extends ScopeFigures {
  code: string;
  name: string;
  field: string;
  level: string;
}

export interface OverdueItem {
  code: string;
  procedureCode: string;
  procedureName: string;
  villageName: string | null;
  status: string;
  applicantName: string;
  dueAt: string;
  workingDaysOverdue: number;
  reappointed: boolean;
}

export interface CommuneDashboard {
  scope: { kind: 'commune'; communeCode: string; communeName: string; provinceCode: string; provinceName: string };
  period: Period;
  freshness: Freshness;
  headline: IndicatorValue[];
  trend: { target: { onlineShare: number; source: string }; points: TrendPoint[] };
  villages: VillageRow[];
  procedures: ProcedureRow[];
  overdue: { count: number; items: OverdueItem[] };
  panels: SourcePanel[];
  index766: Index766;
}

const OVERDUE_ON_DASHBOARD = 10;

/** The leader's dashboard of one commune over whole months. Access is checked by the caller. */
export async function buildCommuneDashboard(deps: AppDeps, communeCode: string, p: { from: string; to: string }, reader: Reader = 'aggregates'): Promise<CommuneDashboard> {
  const now = deps.now();
  const range = toMonthRange(p);
  const read = readCommuneBreakdown(deps.db, communeCode, range, reader);
  const [commune, breakdown, villages, procedures, overdueByVillage, overdueRows, panels] = await Promise.all([
    getCommune(deps, communeCode),
    read,
    listVillages(deps, communeCode, { includeDeleted: true }),
    listCommuneProcedures(deps, communeCode),
    countOverdueByVillage(deps.db, communeCode, now),
    listOverdue(deps.db, communeCode, now, OVERDUE_ON_DASHBOARD, 0),
    readSourcePanels(deps, { kind: 'commune', communeCode }, range, { breakdown: read }),
  ]);
  const overdueCount = [...overdueByVillage.values()].reduce((s, n) => s + n, 0);
  const villageName = new Map(villages.map((v) => [v.id, v.name]));
  const procedureByCode = new Map(procedures.map((x) => [x.code, x]));
  const daysOverdue = await overdueDays(deps, communeCode, overdueRows.map((r) => r.dueAt), now);

  const villageKeys = new Set([...villages.filter((v) => !v.deletedAt).map((v) => v.id), ...breakdown.byVillage.keys(), ...overdueByVillage.keys()]);
  const villageRows: VillageRow[] = sortByVietnamese(
    [...villageKeys].map((key) => ({
      villageId: key || null, name: key ? (villageName.get(key) ?? null) : null,
      overdueNow: overdueByVillage.get(key) ?? 0, ...scopeFigures(breakdown.byVillage.get(key)),
    })),
    (r) => r.name ?? '\uffff',
  );
  const procedureRows: ProcedureRow[] = rankBy(
    [...breakdown.byProcedure.entries()].map(([code, t]) => {
      const proc = procedureByCode.get(code);
      return { code, name: proc?.name ?? code, field: proc?.field ?? '', level: proc?.level ?? 'unknown', ...scopeFigures(t) };
    }),
    (r) => r.submitted,
  ).map(({ rank: _rank, ...r }) => r);

  const offered = procedures.filter((x) => x.offered);
  const onlineOffered = offered.filter((x) => x.level !== 'offline');
  const used = onlineOffered.filter((x) => (breakdown.byProcedure.get(x.code)?.online ?? 0) > 0).length;
  const sourceIndicators = panelIndicators(panels);

  return {
    scope: { kind: 'commune', communeCode, communeName: commune.name, provinceCode: commune.provinceCode, provinceName: commune.provinceName },
    period: { from: p.from, to: p.to, months: listMonths(p.from, p.to), ...describePeriod(p) },
    freshness: freshness(now, breakdown.total.updatedAt),
    headline: [...dossierIndicators(breakdown.total, overdueCount), ...sourceIndicators],
    trend: {
      target: { onlineShare: ONLINE_TARGET.percent, source: ONLINE_TARGET.source },
      points: listMonths(p.from, p.to).map((m) => trendPoint(m, breakdown.byMonth.get(`${m}-01`))),
    },
    villages: villageRows,
    procedures: procedureRows,
    overdue: {
      count: overdueCount,
      items: overdueRows.map((r, i) => ({
        code: r.code, procedureCode: r.procedureCode, procedureName: procedureByCode.get(r.procedureCode)?.name ?? r.procedureCode,
        villageName: r.villageId ? (villageName.get(r.villageId) ?? null) : null, status: r.status,
        // Lists show names masked (Decree 13/2023); the full dossier is one click away, audited.
        applicantName: maskFullName(r.applicantName), dueAt: r.dueAt.toISOString(),
        workingDaysOverdue: daysOverdue[i]!, reappointed: r.reappointed,
      })),
    },
    panels,
    index766: computeIndex766({
      totals: breakdown.total, proceduresOffered: offered.length, proceduresOnline: onlineOffered.length, onlineProceduresUsed: used, ...index766Facts(panels),
    }),
  };
}
