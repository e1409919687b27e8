import type { VNode } from 'preact';
import { t } from '../../i18n';
import { request } from '../../lib/api/client';
import { useLang } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { getPublicFigures, publicFiguresUrl, type PublicFigures } from '../api';
import { DataTable } from '../charts/chart-frame';
import { FigureGrid } from '../components/figure-card';
import { FreshnessLine } from '../components/freshness';
import { LoadState, Refreshing } from '../components/load-state';
import { PeriodPicker } from '../components/period-picker';
import { TrendSection } from '../components/trend';
import { formatMonth, formatNumber, formatPercent } from '../format';
import { useFigures } from '../use-figures';
import { tl } from '../i18n';
import { periodFromQuery, periodQuery } from '../period';

type Month = PublicFigures['months'][number];
interface Definitions { onlineTarget: { percent: number; source: string } }

/**
 * Open data (/lanh-dao/cong-khai/:commune), no sign-in: the commune's headline figures. The endpoint carries counts
 * and shares only, so nothing here can name a person (Decree 13/2023); the JSON is linked for re-use (CC BY 4.0).
 */
export default function PublicPage(props: { code: string; query: URLSearchParams }): VNode {
  useLang();
  const period = periodFromQuery(props.query);
  const { data, error, loading, reload } = useFigures(async () => {
    const [figures, defs] = await Promise.all([
      getPublicFigures(props.code, period),
      request<Definitions>('GET', '/api/indicators/definitions').catch(() => null),
    ]);
    return { figures, target: defs?.onlineTarget ?? null };
  }, [props.code, period.from, period.to]);
  if (!data) return <><h1>{tl('leader.public.titleLoading')}</h1><LoadState error={error} retry={reload} /></>;
  const f = data.figures;
  const columns = [
    { key: 'month', label: tl('leader.col.month'), rowHeader: true, cell: (m: Month) => formatMonth(m.month) },
    { key: 'submitted', label: tl('leader.col.submitted'), numeric: true, cell: (m: Month) => formatNumber(m.submitted, 0) },
    { key: 'online', label: tl('leader.col.online'), numeric: true, cell: (m: Month) => formatNumber(m.online, 0) },
    { key: 'resolved', label: tl('leader.col.resolved'), numeric: true, cell: (m: Month) => formatNumber(m.resolved, 0) },
    { key: 'timely', label: tl('leader.col.onTimeOrEarlyShare'), numeric: true, cell: (m: Month) => formatPercent(m.onTimeOrEarlyShare) },
  ];
  return (
    <div class="dashboard public" data-commune={f.communeCode} aria-busy={loading ? 'true' : undefined}>
      <h1>{tl('leader.public.title', { name: f.communeName })}</h1>
      <Refreshing loading={loading} error={error} retry={reload} />
      <p class="scope-line">{f.provinceName} · {tl('leader.scope.period', { first: f.period.first, last: f.period.last })}</p>
      <p>{tl('leader.public.intro')}</p>
      <FreshnessLine freshness={f.freshness} />
      <PeriodPicker from={f.period.from} to={f.period.to} onPeriod={(p) => navigate(`/lanh-dao/cong-khai/${f.communeCode}${periodQuery(p)}`)} />
      <FigureGrid id="headline" title={tl('leader.headline.title')} values={f.indicators} />
      <TrendSection id="trend" points={f.months} target={data.target ? { onlineShare: data.target.percent, source: data.target.source } : null}
        definition={f.indicators.find((i) => i.id === 'online_share')} />
      <section class="card" aria-labelledby="months-h">
        <h2 id="months-h">{tl('leader.public.months')}</h2>
        <DataTable id="months-table" caption={tl('leader.public.months')} columns={columns} rows={f.months} rowKey={(m) => m.month} />
      </section>
      <p class="muted">
        {tl('leader.public.licence', { licence: f.licence })}{' '}
        <a href={publicFiguresUrl(f.communeCode, { from: f.period.from, to: f.period.to })}>{tl('leader.public.json')}</a>
      </p>
      <p><a href="/">{t('common.toHome')}</a></p>
    </div>
  );
}
