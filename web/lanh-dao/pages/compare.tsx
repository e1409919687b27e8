import type { VNode } from 'preact';
import { useLang } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { Alert } from '../../ui/components';
import { getProvinceDashboard, type CommuneRankRow } from '../api';
import { BarChart } from '../charts/bar-chart';
import { ChartWithTable, DataTable } from '../charts/chart-frame';
import { FreshnessLine } from '../components/freshness';
import { LoadState, NotForRole, Refreshing } from '../components/load-state';
import { extremes } from '../components/villages';
import { formatNumber, formatPercent } from '../format';
import { useFigures } from '../use-figures';
import { tl, type LeaderKey } from '../i18n';
import { periodFromQuery, periodQuery } from '../period';
import { canSeeDashboards, useLeader } from '../session';
import { MAX_COMPARE } from '../compare-limit';

type Metric = { key: string; label: LeaderKey; value: (r: CommuneRankRow) => number | null; show: (n: number | null) => string; percent?: boolean };

const count = (n: number | null) => formatNumber(n, 0);
const METRICS: Metric[] = [
  { key: 'submitted', label: 'leader.col.submitted', value: (r) => r.submitted, show: count },
  { key: 'online', label: 'leader.col.online', value: (r) => r.online, show: count },
  { key: 'onlineShare', label: 'leader.col.onlineShare', value: (r) => r.onlineShare, show: formatPercent, percent: true },
  { key: 'assistedShare', label: 'leader.col.assisted', value: (r) => r.assistedShare, show: formatPercent, percent: true },
  { key: 'resolved', label: 'leader.col.resolved', value: (r) => r.resolved, show: count },
  { key: 'timely', label: 'leader.col.onTimeOrEarlyShare', value: (r) => r.onTimeOrEarlyShare, show: formatPercent, percent: true },
  { key: 'lateShare', label: 'leader.col.lateShare', value: (r) => r.lateShare, show: formatPercent, percent: true },
  { key: 'days', label: 'leader.col.avgDays', value: (r) => r.avgProcessingDays, show: (n) => formatNumber(n) },
  { key: 'apologies', label: 'leader.col.apologies', value: (r) => r.apologies, show: count },
  { key: 'overdueNow', label: 'leader.col.overdueNow', value: (r) => r.overdueNow, show: count },
];

/** Communes side by side (/lanh-dao/tinh/:code/so-sanh?xa=a,b&tu=&den=): same period, same definitions. */
export default function ComparePage(props: { code: string; query: URLSearchParams }): VNode {
  useLang();
  const me = useLeader();
  if (me && !canSeeDashboards(me)) return <><h1>{tl('leader.compare.title')}</h1><NotForRole /></>;
  if (!me) return <><h1>{tl('leader.compare.title')}</h1><LoadState retry={() => location.reload()} /></>;
  return <CompareView key={props.code} code={props.code} query={props.query} />;
}

function CompareView(props: { code: string; query: URLSearchParams }): VNode {
  const period = periodFromQuery(props.query);
  const wanted = (props.query.get('xa') ?? '').split(',').filter((c) => /^\d{5}$/.test(c)).slice(0, MAX_COMPARE);
  const { data, error, loading, reload } = useFigures(() => getProvinceDashboard(props.code, period), [props.code, period.from, period.to]);
  const back = <p><Link href={`/lanh-dao/tinh/${props.code}${periodQuery(period)}`}>← {tl('leader.compare.back')}</Link></p>;
  if (!data) return <><h1>{tl('leader.compare.title')}</h1>{back}<LoadState error={error} retry={reload} /></>;
  const rows = wanted.map((c) => data.communes.find((r) => r.communeCode === c)).filter((r): r is CommuneRankRow => !!r);
  const q = periodQuery({ from: data.period.from, to: data.period.to });
  return (
    <div class="dashboard" aria-busy={loading ? 'true' : undefined}>
      <h1>{tl('leader.compare.title')}</h1>
      {back}
      <Refreshing loading={loading} error={error} retry={reload} />
      <p class="scope-line">{data.scope.provinceName} · {tl('leader.scope.period', { first: data.period.first, last: data.period.last })}</p>
      <FreshnessLine freshness={data.freshness} />
      {rows.length < 2 ? <Alert tone="info">{tl('leader.compare.tooFew')}</Alert> : (
        <>
          {METRICS.filter((m) => m.key === 'onlineShare' || m.key === 'timely').map((m) => <MetricChart key={m.key} metric={m} rows={rows} />)}
          <section class="card" aria-labelledby="compare-h">
            <h2 id="compare-h">{tl('leader.compare.caption')}</h2>
            <DataTable id="compare-table" caption={tl('leader.compare.caption')} rows={METRICS} rowKey={(m) => m.key}
              columns={[
                { key: 'metric', label: tl('leader.compare.indicator'), rowHeader: true, cell: (m) => tl(m.label) },
                ...rows.map((r) => ({ key: r.communeCode, label: r.communeName, numeric: true, cell: (m: Metric) => m.show(m.value(r)) })),
              ]} />
            <ul class="list-plain">
              {rows.map((r) => <li key={r.communeCode}><Link href={`/lanh-dao/xa/${r.communeCode}${q}`}>{tl('leader.compare.open', { name: r.communeName })}</Link></li>)}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}

function MetricChart(props: { metric: Metric; rows: CommuneRankRow[] }): VNode {
  const m = props.metric;
  const ext = extremes(props.rows, m.value, (r) => r.communeName, (n) => m.show(n));
  return (
    <ChartWithTable id={`cmp-${m.key}`} title={tl('leader.compare.chartTitle', { indicator: tl(m.label) })}
      summary={ext ? tl('leader.chart.summaryBars', { count: props.rows.length, ...ext }) : tl('leader.trend.noData')}
      chart={(labelledBy) => <BarChart labelledBy={labelledBy} max={m.percent ? 100 : undefined}
        bars={props.rows.map((r) => ({ label: r.communeName, value: m.value(r), display: m.show(m.value(r)) }))} />}
      table={<DataTable id={`cmp-${m.key}-table`} caption={tl(m.label)} rows={props.rows} rowKey={(r) => r.communeCode}
        columns={[
          { key: 'name', label: tl('leader.col.commune'), rowHeader: true, cell: (r) => r.communeName },
          { key: 'v', label: tl(m.label), numeric: true, cell: (r) => m.show(m.value(r)) },
        ]} />} />
  );
}
