import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { pick, useLang } from '../../lib/i18n';
import { Link, navigate } from '../../lib/router';
import { Button } from '../../ui/components';
import { getProvinceDashboard, type CommuneRankRow, type ProvinceDashboard } from '../api';
import { FigureGrid } from '../components/figure-card';
import { FreshnessLine } from '../components/freshness';
import { LoadState, NotForRole, Refreshing } from '../components/load-state';
import { PanelSection } from '../components/panel';
import { PeriodPicker } from '../components/period-picker';
import { SortableTable, type SortColumn } from '../components/sortable-table';
import { Toc } from '../components/toc';
import { TrendSection } from '../components/trend';
import { formatNumber, formatPercent } from '../format';
import { useFigures } from '../use-figures';
import { tl } from '../i18n';
import { periodFromQuery, periodQuery } from '../period';
import { canSeeDashboards, useLeader } from '../session';

import { MAX_COMPARE } from '../compare-limit';

/** The province view (/lanh-dao/tinh/:code): every commune ranked, drill-down to each, and side-by-side comparison. */
export default function ProvincePage(props: { code: string; query: URLSearchParams }): VNode {
  useLang();
  const me = useLeader();
  if (me && !canSeeDashboards(me)) return <><h1>{tl('leader.province.titleLoading')}</h1><NotForRole /></>;
  if (!me) return <><h1>{tl('leader.province.titleLoading')}</h1><LoadState retry={() => location.reload()} /></>;
  return <ProvinceView key={props.code} code={props.code} query={props.query} />;
}

function ProvinceView(props: { code: string; query: URLSearchParams }): VNode {
  const period = periodFromQuery(props.query);
  const { data, error, loading, reload } = useFigures(() => getProvinceDashboard(props.code, period), [props.code, period.from, period.to]);
  if (!data) return <><h1>{tl('leader.province.titleLoading')}</h1><LoadState error={error} retry={reload} /></>;
  const d = data;
  const q = periodQuery({ from: d.period.from, to: d.period.to });
  const panelIds = new Set(d.panels.flatMap((p) => p.indicators.map((i) => i.id)));
  return (
    <div class="dashboard" data-province={d.scope.provinceCode} aria-busy={loading ? 'true' : undefined}>
      <h1>{tl('leader.province.title', { name: d.scope.provinceName })}</h1>
      <Refreshing loading={loading} error={error} retry={reload} />
      <p class="scope-line">{tl('leader.scope.period', { first: d.period.first, last: d.period.last })}</p>
      <FreshnessLine freshness={d.freshness} onRefresh={reload} />
      <PeriodPicker from={d.period.from} to={d.period.to} onPeriod={(p) => navigate(`/lanh-dao/tinh/${d.scope.provinceCode}${periodQuery(p)}`)} />
      <Toc items={[
        { id: 'headline-h', label: tl('leader.headline.title') },
        { id: 'trend-h', label: tl('leader.trend.title') },
        { id: 'ranking-h', label: tl('leader.ranking.title') },
        ...d.panels.map((p) => ({ id: `panel-${p.id}-h`, label: pick(p.label) })),
      ]} />
      <FigureGrid id="headline" title={tl('leader.headline.title')} values={d.headline.filter((h) => !panelIds.has(h.id))} />
      <TrendSection id="trend" points={d.trend.points} target={d.trend.target} definition={d.headline.find((h) => h.id === 'online_share')} />
      <Ranking data={d} periodQuery={q} />
      {d.panels.map((p) => <PanelSection key={p.id} panel={p} />)}
    </div>
  );
}

function Ranking(props: { data: ProvinceDashboard; periodQuery: string }): VNode {
  const d = props.data;
  const [chosen, setChosen] = useState<string[]>([]);
  const toggle = (code: string, on: boolean) => setChosen((c) => (on ? [...c.filter((x) => x !== code), code] : c.filter((x) => x !== code)));
  const withData = d.communes.filter((c) => c.submitted > 0).length;
  const pct = (n: number | null) => formatPercent(n);
  const columns: SortColumn<CommuneRankRow>[] = [
    { key: 'compare', label: tl('leader.col.compare'), cell: (r) => (
      <label class="check-cell">
        <input type="checkbox" checked={chosen.includes(r.communeCode)} disabled={!chosen.includes(r.communeCode) && chosen.length >= MAX_COMPARE}
          onChange={(e) => toggle(r.communeCode, (e.currentTarget as HTMLInputElement).checked)} />
        <span class="visually-hidden">{tl('leader.ranking.compareOne', { name: r.communeName })}</span>
      </label>
    ) },
    { key: 'rank', label: tl('leader.col.rank'), numeric: true, value: (r) => r.rank, cell: (r) => (r.rank === null ? <span class="muted">{tl('leader.ranking.noRank')}</span> : formatNumber(r.rank, 0)) },
    { key: 'name', label: tl('leader.col.commune'), rowHeader: true, value: (r) => r.communeName,
      cell: (r) => <Link href={`/lanh-dao/xa/${r.communeCode}${props.periodQuery}`}>{r.communeName}</Link> },
    { key: 'submitted', label: tl('leader.col.submitted'), numeric: true, value: (r) => r.submitted, cell: (r) => formatNumber(r.submitted, 0) },
    { key: 'onlineShare', label: tl('leader.col.onlineShare'), numeric: true, value: (r) => r.onlineShare, cell: (r) => pct(r.onlineShare) },
    { key: 'timely', label: tl('leader.col.onTimeOrEarlyShare'), numeric: true, value: (r) => r.onTimeOrEarlyShare, cell: (r) => pct(r.onTimeOrEarlyShare) },
    { key: 'overdue', label: tl('leader.col.overdueNow'), numeric: true, value: (r) => r.overdueNow, cell: (r) => formatNumber(r.overdueNow, 0) },
    { key: 'days', label: tl('leader.col.avgDays'), numeric: true, value: (r) => r.avgProcessingDays, cell: (r) => formatNumber(r.avgProcessingDays) },
    { key: 'assisted', label: tl('leader.col.assisted'), numeric: true, value: (r) => r.assistedShare, cell: (r) => pct(r.assistedShare) },
  ];
  const compare = () => navigate(`/lanh-dao/tinh/${d.scope.provinceCode}/so-sanh${props.periodQuery || '?'}${props.periodQuery ? '&' : ''}xa=${chosen.join(',')}`);
  return (
    <section class="card" aria-labelledby="ranking-h">
      <h2 id="ranking-h">{tl('leader.ranking.title')}</h2>
      <p>{tl('leader.ranking.withData', { n: formatNumber(withData, 0), total: formatNumber(d.scope.communeCount, 0) })}</p>
      <div class="compare-bar">
        <Button disabled={chosen.length < 2} onClick={compare}>{tl('leader.ranking.compare', { n: chosen.length })}</Button>
        <p class="help">{tl('leader.ranking.compareHelp')}</p>
      </div>
      <SortableTable id="ranking" caption={tl('leader.ranking.caption')} columns={columns} rows={d.communes}
        rowKey={(r) => r.communeCode} initial={{ key: 'rank', dir: 'asc' }} rowClass={(r) => (r.submitted ? undefined : 'no-data')} />
    </section>
  );
}
