import type { VNode } from 'preact';
import { pick } from '../../lib/i18n';
import type { IndicatorValue } from '../api';
import { ChartWithTable, DataTable, type TableColumn } from '../charts/chart-frame';
import { LineChart } from '../charts/line-chart';
import { formatMonth, formatMonthShort, formatNumber, formatPercent } from '../format';
import { tl } from '../i18n';
import { HowComputed } from './how';

export interface TrendRow {
  month: string;
  submitted: number;
  online: number;
  onlineShare: number | null;
  fullOnline?: number;
  assisted?: number;
}

/** "from 9,7% (Tháng 12/2025) to 57,9% (Tháng 11/2026); highest 70,2% (Tháng 10/2026)": the chart in one sentence. */
export function trendSummary(points: TrendRow[], target: number | null): string {
  const known = points.filter((p) => p.onlineShare !== null);
  if (!known.length) return tl('leader.trend.noData');
  const first = known[0]!;
  const last = known[known.length - 1]!;
  const max = known.reduce((a, b) => (b.onlineShare! > a.onlineShare! ? b : a));
  return tl('leader.trend.summary', {
    first: formatPercent(first.onlineShare), firstMonth: formatMonth(first.month),
    last: formatPercent(last.onlineShare), lastMonth: formatMonth(last.month),
    max: formatPercent(max.onlineShare), maxMonth: formatMonth(max.month),
    target: target === null ? '—' : formatPercent(target),
  });
}

/**
 * The online rate month by month with the target line (Decision 766 indicator 3.3: full points from 50%, the target
 * the server sends with the trend), and the table of the same months beside it.
 */
export function TrendSection(props: { id: string; points: TrendRow[]; target: { onlineShare: number; source: string } | null; definition?: IndicatorValue }): VNode {
  const target = props.target;
  const num = (n: number | undefined) => formatNumber(n ?? null, 0);
  const columns: TableColumn<TrendRow>[] = [
    { key: 'month', label: tl('leader.col.month'), rowHeader: true, cell: (r) => formatMonth(r.month) },
    { key: 'submitted', label: tl('leader.col.submitted'), numeric: true, cell: (r) => num(r.submitted) },
    { key: 'online', label: tl('leader.col.online'), numeric: true, cell: (r) => num(r.online) },
    { key: 'share', label: tl('leader.col.onlineShare'), numeric: true, cell: (r) => formatPercent(r.onlineShare) },
  ];
  if (props.points.some((p) => p.fullOnline !== undefined)) {
    columns.push({ key: 'full', label: tl('leader.col.fullOnline'), numeric: true, cell: (r) => num(r.fullOnline) });
  }
  if (props.points.some((p) => p.assisted !== undefined)) {
    columns.push({ key: 'assisted', label: tl('leader.col.assisted'), numeric: true, cell: (r) => num(r.assisted) });
  }
  const def = props.definition;
  return (
    <ChartWithTable
      id={props.id}
      title={tl('leader.trend.title')}
      summary={trendSummary(props.points, target?.onlineShare ?? null)}
      notes={
        <>
          {target && <p class="muted">{tl('leader.trend.targetSource', { value: formatPercent(target.onlineShare), source: target.source })}</p>}
          {def && <HowComputed name={pick(def.label)} formula={def.formula} source={def.source} note={def.note} />}
        </>
      }
      chart={(labelledBy) => (
        <LineChart
          labelledBy={labelledBy}
          percent
          formatTick={(n) => `${formatNumber(n, 0)}%`}
          target={target ? { value: target.onlineShare, label: tl('leader.trend.target', { value: formatPercent(target.onlineShare) }) } : undefined}
          points={props.points.map((p) => ({ label: formatMonthShort(p.month), value: p.onlineShare, display: formatPercent(p.onlineShare) }))}
        />
      )}
      table={<DataTable id={`${props.id}-table`} caption={tl('leader.trend.caption')} columns={columns} rows={props.points} rowKey={(r) => r.month} />}
    />
  );
}
