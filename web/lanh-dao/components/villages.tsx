import type { VNode } from 'preact';
import { pick } from '../../lib/i18n';
import type { CommuneDashboard, IndicatorValue } from '../api';
import { BarChart } from '../charts/bar-chart';
import { ChartWithTable, DataTable, type TableColumn } from '../charts/chart-frame';
import { formatNumber, formatPercent } from '../format';
import { tl } from '../i18n';
import { HowComputed } from './how';

type Village = CommuneDashboard['villages'][number];

/** "Highest X (51,1%), lowest Y (34,5%)" among the rows that have a value. Pure apart from the wording. */
export function extremes<R>(rows: R[], value: (r: R) => number | null, name: (r: R) => string, show: (n: number) => string) {
  const known = rows.filter((r) => value(r) !== null);
  if (!known.length) return null;
  const best = known.reduce((a, b) => (value(b)! > value(a)! ? b : a));
  const worst = known.reduce((a, b) => (value(b)! < value(a)! ? b : a));
  return { best: name(best), bestValue: show(value(best)!), worst: name(worst), worstValue: show(value(worst)!) };
}

/** The online rate per village (thôn, tổ dân phố) against the target, with the village table beside it. */
export function VillagesSection(props: { villages: Village[]; target: number; definition?: IndicatorValue }): VNode {
  const name = (v: Village) => v.name ?? tl('leader.villages.unknown');
  const rows = props.villages;
  const ext = extremes(rows, (v) => v.onlineShare, name, formatPercent);
  const columns: TableColumn<Village>[] = [
    { key: 'village', label: tl('leader.col.village'), rowHeader: true, cell: name },
    { key: 'submitted', label: tl('leader.col.submitted'), numeric: true, cell: (v) => formatNumber(v.submitted, 0) },
    { key: 'online', label: tl('leader.col.online'), numeric: true, cell: (v) => formatNumber(v.online, 0) },
    { key: 'share', label: tl('leader.col.onlineShare'), numeric: true, cell: (v) => formatPercent(v.onlineShare) },
    { key: 'timely', label: tl('leader.col.onTimeOrEarlyShare'), numeric: true, cell: (v) => formatPercent(v.onTimeOrEarlyShare) },
    { key: 'overdue', label: tl('leader.col.overdueNow'), numeric: true, cell: (v) => formatNumber(v.overdueNow, 0) },
  ];
  const def = props.definition;
  return (
    <ChartWithTable
      id="villages"
      title={tl('leader.villages.title')}
      summary={ext ? tl('leader.villages.summary', ext) : tl('leader.trend.noData')}
      notes={def && <HowComputed name={pick(def.label)} formula={def.formula} source={def.source} />}
      chart={(labelledBy) => (
        <BarChart
          labelledBy={labelledBy}
          max={100}
          target={{ value: props.target, label: tl('leader.trend.target', { value: formatPercent(props.target) }) }}
          bars={rows.map((v) => ({ label: name(v), value: v.onlineShare, display: formatPercent(v.onlineShare) }))}
        />
      )}
      table={<DataTable id="villages-table" caption={tl('leader.villages.caption')} columns={columns} rows={rows} rowKey={(v, i) => v.villageId ?? `none-${i}`} />}
    />
  );
}
