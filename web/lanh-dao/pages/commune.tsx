import type { VNode } from 'preact';
import { pick, useLang } from '../../lib/i18n';
import { Link, navigate } from '../../lib/router';
import { getCommuneDashboard, type CommuneDashboard, type IndicatorValue } from '../api';
import { ExportButtons } from '../components/exports';
import { FigureGrid } from '../components/figure-card';
import { FreshnessLine } from '../components/freshness';
import { Index766Section } from '../components/index766';
import { LoadState, NotForRole, Refreshing } from '../components/load-state';
import { OverdueSection } from '../components/overdue';
import { PanelSection } from '../components/panel';
import { PeriodPicker } from '../components/period-picker';
import { ProceduresSection } from '../components/procedures';
import { TimelinessSection } from '../components/timeliness';
import { Toc } from '../components/toc';
import { TrendSection } from '../components/trend';
import { VillagesSection } from '../components/villages';
import { useFigures } from '../use-figures';
import { tl } from '../i18n';
import { periodFromQuery, periodQuery } from '../period';
import { canSeeDashboards, useLeader, type StaffMe } from '../session';

/** The order a leader reads the source panels in: people first (readiness, teams), then the service (ratings, counter, payment). */
const PANEL_ORDER = ['readiness', 'teams', 'satisfaction', 'counter', 'payments'];

/** The commune leader's dashboard (/lanh-dao/xa/:code?tu=YYYY-MM&den=YYYY-MM). */
export default function CommunePage(props: { code: string; query: URLSearchParams }): VNode {
  useLang();
  const me = useLeader();
  if (me && !canSeeDashboards(me)) return <><h1>{tl('leader.commune.titleLoading')}</h1><NotForRole /></>;
  if (!me) return <><h1>{tl('leader.commune.titleLoading')}</h1><LoadState retry={() => location.reload()} /></>;
  return <CommuneDashboardView key={props.code} me={me} code={props.code} query={props.query} />;
}

function CommuneDashboardView(props: { me: StaffMe; code: string; query: URLSearchParams }): VNode {
  const period = periodFromQuery(props.query);
  const { data, error, loading, reload } = useFigures(() => getCommuneDashboard(props.code, period), [props.code, period.from, period.to]);
  const backToProvince = props.me.communeCode === null && props.me.provinceCode
    ? <p><Link href={`/lanh-dao/tinh/${props.me.provinceCode}${periodQuery(period)}`}>← {tl('leader.back.province')}</Link></p>
    : null;
  if (!data) return <><h1>{tl('leader.commune.titleLoading')}</h1>{backToProvince}<LoadState error={error} retry={reload} /></>;
  return <Dashboard data={data} reload={reload} backToProvince={backToProvince} status={<Refreshing loading={loading} error={error} retry={reload} />} busy={loading} />;
}

function Dashboard(props: { data: CommuneDashboard; reload: () => void; backToProvince: VNode | null; status: VNode; busy: boolean }): VNode {
  const d = props.data;
  const code = d.scope.communeCode;
  const panelIds = new Set(d.panels.flatMap((p) => p.indicators.map((i) => i.id)));
  const byId = (id: string): IndicatorValue | undefined => d.headline.find((h) => h.id === id);
  const panels = [...d.panels].sort((a, b) => PANEL_ORDER.indexOf(a.id) - PANEL_ORDER.indexOf(b.id));
  return (
    <div class="dashboard" data-commune={code} aria-busy={props.busy ? 'true' : undefined}>
      <h1>{tl('leader.commune.title', { name: d.scope.communeName })}</h1>
      {props.backToProvince}
      {props.status}
      <p class="scope-line">{d.scope.provinceName} · {tl('leader.scope.period', { first: d.period.first, last: d.period.last })}</p>
      <FreshnessLine freshness={d.freshness} onRefresh={props.reload} />
      <div class="tools">
        <PeriodPicker from={d.period.from} to={d.period.to} onPeriod={(p) => navigate(`/lanh-dao/xa/${code}${periodQuery(p)}`)} />
        <ExportButtons communeCode={code} from={d.period.from} to={d.period.to} />
      </div>
      <Toc items={[
        { id: 'headline-h', label: tl('leader.headline.title') },
        { id: 'trend-h', label: tl('leader.trend.title') },
        { id: 'villages-h', label: tl('leader.villages.title') },
        { id: 'overdue-h', label: tl('leader.overdue.title') },
        { id: 'timeliness-h', label: tl('leader.timely.title') },
        ...panels.map((p) => ({ id: `panel-${p.id}-h`, label: pick(p.label) })),
        { id: 'i766-h', label: tl('leader.i766.title') },
        { id: 'procedures-h', label: tl('leader.procedures.title') },
      ]} />
      <FigureGrid id="headline" title={tl('leader.headline.title')} values={d.headline.filter((h) => !panelIds.has(h.id))} />
      <TrendSection id="trend" points={d.trend.points} target={d.trend.target} definition={byId('online_share')} />
      <VillagesSection villages={d.villages} target={d.trend.target.onlineShare} definition={byId('online_share')} />
      <OverdueSection communeCode={code} overdue={d.overdue} definition={byId('overdue_now')} />
      <TimelinessSection points={d.trend.points} definition={byId('on_time_or_early_share')} />
      {panels.map((p) => <PanelSection key={p.id} panel={p} />)}
      <Index766Section index={d.index766} />
      <ProceduresSection procedures={d.procedures} />
      <p><a href={`/lanh-dao/cong-khai/${code}`}>{tl('leader.public.link')}</a></p>
    </div>
  );
}
