import type { Actor } from '../../platform/auth';
import { badRequest, forbidden } from '../../platform/errors';
import type { AppDeps } from '../../platform/http';
import { maskFullName } from '../../shared/validation';
import { getCommune, listVillages, requireCommuneRef } from '../admin-units';
import { listCommuneProcedures } from '../procedures';
import { readCommuneBreakdown } from './aggregates.repo';
import { syncIndicatorCalendars } from './calendar-sync';
import { vacuumIndicatorTablesIfDue } from './vacuum';
import { buildCommuneDashboard, type CommuneDashboard } from './commune-dashboard.service';
import { indicatorDefinitions, ONLINE_TARGET, type IndicatorId } from './definitions';
import { dossierIndicators } from './indicator-values';
import { overdueDays } from './overdue-days';
import { countOverdueByCommune, listOverdue } from './overdue.repo';
import { describePeriod, listMonths, resolvePeriod, toMonthRange } from './period';
import { buildProvinceDashboard, type ProvinceDashboard } from './province-dashboard.service';
import { scopeFigures } from './rows';
import { panelIndicators, readSourcePanels } from './sources';
import { assertCanReadCommune, assertCanReadProvince, freshness } from './scope';

interface PeriodInput {
  from?: string;
  to?: string;
}

/** The period asked for, or a bilingual 400 that changes nothing. */
export function requirePeriod(deps: AppDeps, q: PeriodInput): { from: string; to: string } {
  const p = resolvePeriod(deps.now(), q.from, q.to);
  if (p === 'from_after_to') throw badRequest('PERIOD_INVALID', { vi: 'Tháng bắt đầu phải trước hoặc bằng tháng kết thúc', en: 'The first month must not be after the last' });
  if (p === 'too_long') throw badRequest('PERIOD_TOO_LONG', { vi: 'Kỳ báo cáo dài tối đa 36 tháng', en: 'A period is at most 36 months long' });
  return p;
}

function requireStaffActor(actor: Actor) {
  if (actor.kind !== 'staff') throw forbidden();
  return actor;
}

export async function getCommuneDashboard(deps: AppDeps, actor: Actor, communeCode: string, q: PeriodInput): Promise<CommuneDashboard> {
  assertCanReadCommune(requireStaffActor(actor), communeCode);
  const period = requirePeriod(deps, q);
  // A commune's corrected holiday calendar changes processing times: pick it up before reading.
  await syncIndicatorCalendars(deps);
  await vacuumIndicatorTablesIfDue(deps);
  return buildCommuneDashboard(deps, communeCode, period);
}

export async function getProvinceDashboard(deps: AppDeps, actor: Actor, provinceCode: string, q: PeriodInput): Promise<ProvinceDashboard> {
  assertCanReadProvince(actor, provinceCode);
  const period = requirePeriod(deps, q);
  await syncIndicatorCalendars(deps);
  await vacuumIndicatorTablesIfDue(deps);
  return buildProvinceDashboard(deps, provinceCode, period);
}

/** The whole overdue list of a commune, most overdue first, names masked. */
export async function getOverdueList(deps: AppDeps, actor: Actor, communeCode: string, q: { limit: number; offset: number }) {
  assertCanReadCommune(requireStaffActor(actor), communeCode);
  const now = deps.now();
  const [count, rows, procedures, villages] = await Promise.all([
    countOverdueByCommune(deps.db, [communeCode], now),
    listOverdue(deps.db, communeCode, now, q.limit, q.offset),
    listCommuneProcedures(deps, communeCode),
    listVillages(deps, communeCode, { includeDeleted: true }),
  ]);
  const procName = new Map(procedures.map((p) => [p.code, p.name]));
  const villageName = new Map(villages.map((v) => [v.id, v.name]));
  const days = await overdueDays(deps, communeCode, rows.map((r) => r.dueAt), now);
  return {
    count: count.get(communeCode) ?? 0,
    items: rows.map((r, i) => ({
      code: r.code, procedureCode: r.procedureCode, procedureName: procName.get(r.procedureCode) ?? r.procedureCode,
      villageName: r.villageId ? (villageName.get(r.villageId) ?? null) : null, status: r.status,
      applicantName: maskFullName(r.applicantName), dueAt: r.dueAt.toISOString(), workingDaysOverdue: days[i]!, reappointed: r.reappointed,
    })),
    freshness: freshness(now, now),
  };
}

export function getDefinitions() {
  return {
    indicators: indicatorDefinitions.map((d) => ({ id: d.id, label: d.label, unit: d.unit, formula: d.formula, source: d.source })),
    onlineTarget: { percent: ONLINE_TARGET.percent, source: ONLINE_TARGET.source },
  };
}

/**
 * The panel figures the open-data page carries: counts and shares of the whole commune only. Never the chart data
 * (member names, per-village rows of a few households) and not the reports of unofficial costs, which are for the
 * commune's leaders to look into first.
 */
const OPEN_PANEL_FIGURES = [
  'paid_online_share', 'satisfaction_rate', 'dissatisfied_share', 'rating_count', 'queue_avg_wait', 'queue_avg_service',
  'support_acts', 'people_helped', 'team_accounts_created', 'team_vneid_level2',
  'adult_smartphone_share', 'household_fibre_share', 'adult_vneid_level2_share', 'adult_self_service_share',
] as const satisfies readonly IndicatorId[];

/**
 * Open data (no sign-in): a commune's headline figures over a period. Only counts and shares
 * leave: no name, code or date of any dossier (Decree 13/2023 has nothing to protect here).
 */
export async function getPublicFigures(deps: AppDeps, communeCode: string, q: PeriodInput) {
  requireCommuneRef(communeCode);
  const period = requirePeriod(deps, q);
  const now = deps.now();
  const read = readCommuneBreakdown(deps.db, communeCode, toMonthRange(period), 'aggregates');
  const [commune, breakdown, overdue, panels] = await Promise.all([
    getCommune(deps, communeCode),
    read,
    countOverdueByCommune(deps.db, [communeCode], now),
    readSourcePanels(deps, { kind: 'commune', communeCode }, toMonthRange(period), { breakdown: read }),
  ]);
  return {
    communeCode, communeName: commune.name, provinceName: commune.provinceName,
    period: { from: period.from, to: period.to, months: listMonths(period.from, period.to), ...describePeriod(period) },
    freshness: freshness(now, breakdown.total.updatedAt),
    indicators: [
      ...dossierIndicators(breakdown.total, overdue.get(communeCode) ?? 0),
      ...panelIndicators(panels).filter((i) => (OPEN_PANEL_FIGURES as readonly string[]).includes(i.id)),
    ],
    months: listMonths(period.from, period.to).map((m) => {
      const f = scopeFigures(breakdown.byMonth.get(`${m}-01`));
      return { month: m, submitted: f.submitted, online: f.online, onlineShare: f.onlineShare, resolved: f.resolved, onTimeOrEarlyShare: f.onTimeOrEarlyShare };
    }),
    licence: 'CC BY 4.0',
  };
}
