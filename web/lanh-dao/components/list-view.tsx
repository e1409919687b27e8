import type { ComponentChildren, VNode } from 'preact';
import { formatVnd } from '../../lib/format';
import { BarChart, type Bar } from '../charts/bar-chart';
import { ChartWithTable, DataTable, type TableColumn } from '../charts/chart-frame';
import { FunnelChart } from '../charts/funnel-chart';
import { LineChart } from '../charts/line-chart';
import { formatMonth, formatMonthShort, formatNumber, formatPercent } from '../format';
import { tl } from '../i18n';
import { extremes } from './villages';

/** How a value is written: counts "1.234", shares "42,2%", minutes "18,6 phút", money "1.297.000 đ", months, days. */
export type Fmt = 'count' | 'percent' | 'minutes' | 'decimal' | 'text' | 'month' | 'day' | 'vnd';

export function fmt(f: Fmt, v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return f === 'month' ? formatMonth(v) : f === 'day' ? `${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)}` : v;
  if (f === 'percent') return formatPercent(v);
  if (f === 'minutes') return tl('leader.value.minutes', { n: formatNumber(v) });
  if (f === 'vnd') return formatVnd(v);
  return formatNumber(v, f === 'count' ? 0 : 1);
}

/** A short axis label: "11/26" for a month, "22/11" for a day. */
const axisLabel = (f: Fmt, v: string) => (f === 'month' ? formatMonthShort(v) : f === 'day' ? `${v.slice(8, 10)}/${v.slice(5, 7)}` : v);

export interface Col<R> {
  key: string;
  label: string;
  fmt: Fmt;
  get: (r: R) => string | number | null;
  /** Catalogue names are Vietnamese only: marked so an English page reads them right. */
  lang?: 'vi';
}

export interface ChartSpec<R> {
  type: 'line' | 'bars' | 'funnel';
  /** The x value (line: a month or a day) or the bar's name. */
  label: (r: R) => string;
  labelFmt?: Fmt;
  value: (r: R) => number | null;
  valueFmt: Fmt;
  /** Rows drawn when they differ from the table's (days with no activity drawn as zero). */
  rows?: R[];
  max?: number;
  target?: { value: number; label: string };
  tone?: (r: R) => Bar['tone'];
  /** Funnel: the count every bar is measured against, and the words under each bar. */
  base?: number;
  note?: (r: R) => string;
  /** The value as written next to a bar, when more than the value helps ("4/121 (3%)"). */
  display?: (r: R) => string;
  /** Line charts: columns instead of a line (counts over many days). */
  columns?: boolean;
}

function summarise<R>(c: ChartSpec<R>, rows: R[]): string {
  const name = (r: R) => (c.labelFmt ? fmt(c.labelFmt, c.label(r)) : c.label(r));
  const show = (n: number) => fmt(c.valueFmt, n);
  const known = rows.filter((r) => c.value(r) !== null);
  if (!known.length) return tl('leader.trend.noData');
  if (c.type === 'bars') return tl('leader.chart.summaryBars', { count: known.length, ...extremes(known, c.value, name, show)! });
  const first = known[0]!;
  const last = known[known.length - 1]!;
  if (c.type === 'funnel') {
    return tl('leader.chart.summaryFunnel', { firstLabel: name(first), first: show(c.value(first)!), lastLabel: name(last), last: show(c.value(last)!) });
  }
  const max = known.reduce((a, b) => (c.value(b)! > c.value(a)! ? b : a));
  if (c.columns) {
    const total = known.reduce((sum, r) => sum + c.value(r)!, 0);
    return tl('leader.chart.summaryCounts', { total: show(total), firstLabel: name(first), lastLabel: name(last), max: show(c.value(max)!), maxLabel: name(max) });
  }
  return tl('leader.chart.summaryLine', {
    first: show(c.value(first)!), firstLabel: name(first), last: show(c.value(last)!), lastLabel: name(last), max: show(c.value(max)!), maxLabel: name(max),
  });
}

function drawChart<R>(c: ChartSpec<R>, rows: R[], labelledBy: string): VNode {
  const show = (r: R) => c.display?.(r) ?? fmt(c.valueFmt, c.value(r));
  if (c.type === 'line') {
    return <LineChart labelledBy={labelledBy} percent={c.valueFmt === 'percent'} target={c.target} columns={c.columns}
      formatTick={(n) => (c.valueFmt === 'percent' ? `${formatNumber(n, 0)}%` : formatNumber(n, 1))}
      points={rows.map((r) => ({ label: axisLabel(c.labelFmt ?? 'text', c.label(r)), value: c.value(r), display: show(r) }))} />;
  }
  if (c.type === 'funnel') {
    return <FunnelChart labelledBy={labelledBy} base={c.base}
      steps={rows.map((r) => ({ label: c.label(r), value: c.value(r) ?? 0, display: show(r), share: c.note?.(r) ?? '', tone: c.tone?.(r) }))} />;
  }
  return <BarChart labelledBy={labelledBy} max={c.max ?? (c.valueFmt === 'percent' ? 100 : undefined)} target={c.target}
    bars={rows.map((r) => ({ label: c.label(r), value: c.value(r), display: show(r), tone: c.tone?.(r) }))} />;
}

/**
 * A list from a source panel as a table, with its chart beside it when one helps: the building block of the panels
 * (components/panels/*). Level-3 sections inside the panel's card.
 */
export function ListView<R>(props: {
  id: string; title: string; rows: R[]; cols: Col<R>[]; rowKey: (r: R, i: number) => string;
  chart?: ChartSpec<R>; caption?: string; notes?: ComponentChildren;
  /** The chart in one sentence, when the automatic one would say less than the figures do. */
  summary?: string;
}): VNode | null {
  if (!props.rows.length) return null;
  const columns: TableColumn<R>[] = props.cols.map((c, i) => ({
    key: c.key, label: c.label, numeric: c.fmt !== 'text' && c.fmt !== 'month' && c.fmt !== 'day', rowHeader: i === 0,
    cell: (r: R) => (c.lang ? <span lang={c.lang}>{fmt(c.fmt, c.get(r))}</span> : fmt(c.fmt, c.get(r))),
  }));
  const table = <DataTable id={`${props.id}-table`} caption={props.caption ?? props.title} columns={columns} rows={props.rows} rowKey={props.rowKey} />;
  const chart = props.chart;
  if (!chart) {
    return <section class="chart-section nested" aria-labelledby={`${props.id}-h`}><h3 id={`${props.id}-h`}>{props.title}</h3>{props.notes}{table}</section>;
  }
  const drawn = chart.rows ?? props.rows;
  return <ChartWithTable id={props.id} level={3} title={props.title} notes={props.notes} summary={props.summary ?? summarise(chart, drawn)}
    chart={(labelledBy) => drawChart(chart, drawn, labelledBy)} table={table} />;
}
