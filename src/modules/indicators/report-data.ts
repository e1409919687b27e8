import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db';
import type { AppDeps } from '../../platform/http';
import { makeLocalInstant } from '../../shared/calendar';
import { sortByVietnamese } from '../../shared/text';
import { getCommune } from '../admin-units';
import { listCommuneProcedures } from '../procedures';
import { readCommuneBreakdown } from './aggregates.repo';
import { dossierIndicators, type IndicatorValue } from './indicator-values';
import { countOverdueByCommune } from './overdue.repo';
import { addMonths, describePeriod, toMonthRange } from './period';
import { emptyTotals, type Totals } from './measures';
import { panelIndicators, readSourcePanels, type SourcePanel } from './sources';

/**
 * The monthly report communes send upward, laid out as Biểu số 06/VPCP/KSTT (TT 01/2020/TT-VPCP):
 * "Tình hình, kết quả giải quyết TTHC tại cơ quan, đơn vị trực tiếp giải quyết TTHC", one row per
 * field (lĩnh vực). Layout from a public DVC codebase (secondary source id 37953076697).
 */
export interface ReportRow {
  label: string;
  /** Received: total = in the period (online + in person/post) + carried over from before. */
  receivedTotal: number;
  receivedOnline: number;
  receivedDirect: number;
  carriedOver: number;
  /** Ended in the period: total, early, on time, late (766 §2.1). */
  resolvedTotal: number;
  early: number;
  onTime: number;
  late: number;
  /** Still being processed at the end of the period: total, within and past the appointment. */
  pendingTotal: number;
  pendingInTime: number;
  pendingOverdue: number;
}

export interface CommuneReport {
  communeCode: string;
  communeName: string;
  provinceName: string;
  period: { from: string; to: string; first: string; last: string };
  rows: ReportRow[];
  total: ReportRow;
  indicators: IndicatorValue[];
  /** The source panels of the period (payments, satisfaction, counter, teams, readiness), printed as tables. */
  panels: SourcePanel[];
  lastChangeAt: Date | null;
}

interface OpenCounts { carried: number; pending: number; pendingOverdue: number }

/** Dossiers open at the start and at the end of the period, per procedure (from the raw dossiers of one commune). */
async function readOpenCounts(deps: AppDeps, communeCode: string, start: Date, end: Date): Promise<Map<string, OpenCounts>> {
  const rows = await queryRows<{ procedure_code: string; carried: number; pending: number; pending_overdue: number }>(deps.db, sql`
    select procedure_code,
      count(*) filter (where received_at < ${start} and (finished_at is null or finished_at >= ${start}))::int as carried,
      count(*) filter (where received_at < ${end} and (finished_at is null or finished_at >= ${end}))::int as pending,
      count(*) filter (where received_at < ${end} and (finished_at is null or finished_at >= ${end}) and due_at < ${end})::int as pending_overdue
    from dossiers
    where commune_code = ${communeCode} and received_at < ${end} and (finished_at is null or finished_at >= ${start})
    group by procedure_code`);
  return new Map(rows.map((r) => [r.procedure_code, { carried: r.carried, pending: r.pending, pendingOverdue: r.pending_overdue }]));
}

function toRow(label: string, t: Totals, o: OpenCounts): ReportRow {
  const receivedDirect = t.received - t.receivedOnline;
  return {
    label, receivedTotal: t.received + o.carried, receivedOnline: t.receivedOnline, receivedDirect, carriedOver: o.carried,
    resolvedTotal: t.resolved, early: t.early, onTime: t.onTime, late: t.late,
    pendingTotal: o.pending, pendingInTime: o.pending - o.pendingOverdue, pendingOverdue: o.pendingOverdue,
  };
}

function addRows(label: string, rows: ReportRow[]): ReportRow {
  const sum = (k: keyof Omit<ReportRow, 'label'>) => rows.reduce((s, r) => s + r[k], 0);
  return {
    label, receivedTotal: sum('receivedTotal'), receivedOnline: sum('receivedOnline'), receivedDirect: sum('receivedDirect'),
    carriedOver: sum('carriedOver'), resolvedTotal: sum('resolvedTotal'), early: sum('early'), onTime: sum('onTime'), late: sum('late'),
    pendingTotal: sum('pendingTotal'), pendingInTime: sum('pendingInTime'), pendingOverdue: sum('pendingOverdue'),
  };
}

export async function buildCommuneReport(deps: AppDeps, communeCode: string, p: { from: string; to: string }, totalLabel: string): Promise<CommuneReport> {
  const now = deps.now();
  const start = makeLocalInstant(`${p.from}-01`, 0);
  const periodEnd = makeLocalInstant(`${addMonths(p.to, 1)}-01`, 0);
  // A period that is not over yet is reported as of now.
  const end = periodEnd.getTime() > now.getTime() ? now : periodEnd;
  const read = readCommuneBreakdown(deps.db, communeCode, toMonthRange(p), 'aggregates');
  const [commune, breakdown, procedures, open, overdue, panels] = await Promise.all([
    getCommune(deps, communeCode),
    read,
    listCommuneProcedures(deps, communeCode),
    readOpenCounts(deps, communeCode, start, end),
    countOverdueByCommune(deps.db, [communeCode], now),
    readSourcePanels(deps, { kind: 'commune', communeCode }, toMonthRange(p), { breakdown: read }),
  ]);
  const fieldOf = new Map(procedures.map((x) => [x.code, x.field]));
  const byField = new Map<string, ReportRow[]>();
  const codes = new Set([...breakdown.byProcedure.keys(), ...open.keys()]);
  for (const code of codes) {
    const field = fieldOf.get(code) ?? code;
    const row = toRow(field, breakdown.byProcedure.get(code) ?? emptyTotals(), open.get(code) ?? { carried: 0, pending: 0, pendingOverdue: 0 });
    byField.set(field, [...(byField.get(field) ?? []), row]);
  }
  const rows = sortByVietnamese([...byField.entries()].map(([field, list]) => addRows(field, list)), (r) => r.label);
  return {
    communeCode, communeName: commune.name, provinceName: commune.provinceName,
    period: { from: p.from, to: p.to, ...describePeriod(p) },
    rows, total: addRows(totalLabel, rows),
    indicators: [...dossierIndicators(breakdown.total, overdue.get(communeCode) ?? 0), ...panelIndicators(panels)],
    panels,
    lastChangeAt: breakdown.total.updatedAt,
  };
}
