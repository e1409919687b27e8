import type { VNode } from 'preact';
import { pick } from '../../lib/i18n';
import type { IndicatorValue, TrendPoint } from '../api';
import { BarChart } from '../charts/bar-chart';
import { ChartWithTable, DataTable, type TableColumn } from '../charts/chart-frame';
import { formatMonth, formatNumber, formatPercent } from '../format';
import { tl } from '../i18n';
import { HowComputed } from './how';

const share = (n: number, total: number) => (total ? Math.round((n / total) * 1000) / 10 : null);

/** Early / on time / late over the period (QĐ 766 indicator 2.1, TT 01/2018 Art. 13), per month in the table. */
export function TimelinessSection(props: { points: TrendPoint[]; definition?: IndicatorValue }): VNode {
  const sum = (k: 'early' | 'onTime' | 'late' | 'resolved') => props.points.reduce((s, p) => s + p[k], 0);
  const [early, onTime, late, total] = [sum('early'), sum('onTime'), sum('late'), sum('resolved')];
  const bar = (label: string, n: number, tone: 'ok' | 'brand' | 'danger') => ({
    label, value: n, tone, display: `${formatNumber(n, 0)} (${formatPercent(share(n, total))})`,
  });
  const n0 = (n: number) => formatNumber(n, 0);
  const columns: TableColumn<TrendPoint>[] = [
    { key: 'month', label: tl('leader.col.month'), rowHeader: true, cell: (p) => formatMonth(p.month) },
    { key: 'resolved', label: tl('leader.col.resolved'), numeric: true, cell: (p) => n0(p.resolved) },
    { key: 'early', label: tl('leader.col.early'), numeric: true, cell: (p) => n0(p.early) },
    { key: 'onTime', label: tl('leader.col.onTime'), numeric: true, cell: (p) => n0(p.onTime) },
    { key: 'late', label: tl('leader.col.late'), numeric: true, cell: (p) => n0(p.late) },
    { key: 'share', label: tl('leader.col.onTimeOrEarlyShare'), numeric: true, cell: (p) => formatPercent(p.onTimeOrEarlyShare) },
    { key: 'days', label: tl('leader.col.avgDays'), numeric: true, cell: (p) => formatNumber(p.avgProcessingDays) },
    { key: 'apologies', label: tl('leader.col.apologies'), numeric: true, cell: (p) => n0(p.apologies) },
  ];
  const def = props.definition;
  return (
    <ChartWithTable
      id="timeliness"
      title={tl('leader.timely.title')}
      summary={total ? tl('leader.timely.summary', {
        total: n0(total), early: n0(early), onTime: n0(onTime), late: n0(late),
        earlyShare: formatPercent(share(early, total)), onTimeShare: formatPercent(share(onTime, total)), lateShare: formatPercent(share(late, total)),
      }) : tl('leader.trend.noData')}
      notes={def && <HowComputed name={pick(def.label)} formula={def.formula} source={def.source} />}
      chart={(labelledBy) => (
        <BarChart labelledBy={labelledBy} max={Math.max(1, total)}
          bars={[bar(tl('leader.col.early'), early, 'ok'), bar(tl('leader.col.onTime'), onTime, 'brand'), bar(tl('leader.col.late'), late, 'danger')]} />
      )}
      table={<DataTable id="timeliness-table" caption={tl('leader.timely.caption')} columns={columns} rows={props.points} rowKey={(p) => p.month} />}
    />
  );
}
