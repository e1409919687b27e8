import type { VNode } from 'preact';
import type * as c from '../../../../src/modules/indicators/indicators.contracts';
import { pick } from '../../../lib/i18n';
import { tl } from '../../i18n';
import { fillDays } from '../../days';
import { fmt, ListView, type Col } from '../list-view';
import { areaName } from './readiness';

type Data = c.TeamsCommuneData | c.TeamsProvinceData;
type Activity = Data['months'][number];
type Day = Data['days'][number];
type Counted = Data['kinds'][number];
type Campaign = Data['campaigns'][number];

const activityCols = <R extends Omit<Activity, 'month'>>(): Col<R>[] => [
  { key: 'acts', label: tl('leader.c.acts'), fmt: 'count', get: (r) => r.acts },
  { key: 'done', label: tl('leader.c.done'), fmt: 'count', get: (r) => r.done },
  { key: 'people', label: tl('leader.c.peopleHelped'), fmt: 'count', get: (r) => r.peopleHelped },
  { key: 'households', label: tl('leader.c.householdsVisited'), fmt: 'count', get: (r) => r.householdsVisited },
  { key: 'minutes', label: tl('leader.c.minutes'), fmt: 'count', get: (r) => r.minutes },
];

function countedView(id: string, title: string, first: string, rows: Counted[] | c.TeamsCommuneData['places'] | c.TeamsCommuneData['outcomes']): VNode | null {
  const list = rows as { label: { vi: string; en: string }; acts: number; done: number }[];
  return <ListView id={id} title={title} rows={list} rowKey={(_r, i) => String(i)}
    cols={[
      { key: 'label', label: first, fmt: 'text', get: (r) => pick(r.label) },
      { key: 'acts', label: tl('leader.c.acts'), fmt: 'count', get: (r) => r.acts },
      { key: 'done', label: tl('leader.c.done'), fmt: 'count', get: (r) => r.done },
    ]}
    chart={{ type: 'bars', label: (r) => pick(r.label), value: (r) => r.acts, valueFmt: 'count' }} />;
}

function CampaignView(props: { campaign: Campaign }): VNode | null {
  const k = props.campaign;
  type Total = Campaign['totals'][number];
  return <ListView id={`campaign-${k.id}`} title={k.name} rows={k.totals} rowKey={(t) => t.metric}
    notes={<p>{fmt('day', k.startsOn)} – {fmt('day', k.endsOn)} · <span class="badge">{tl(`leader.teams.status.${k.status}`)}</span></p>}
    cols={[
      { key: 'metric', label: tl('leader.c.metric'), fmt: 'text', get: (t: Total) => pick(t.label) },
      { key: 'target', label: tl('leader.c.target'), fmt: 'count', get: (t: Total) => t.target },
      { key: 'achieved', label: tl('leader.c.achieved'), fmt: 'count', get: (t: Total) => t.achieved },
      { key: 'percent', label: tl('leader.c.percent'), fmt: 'percent', get: (t: Total) => t.percent },
    ]}
    chart={{
      type: 'bars', label: (t) => pick(t.label), value: (t) => t.percent, valueFmt: 'percent', max: 100,
      display: (t) => `${fmt('count', t.achieved)}/${fmt('count', t.target)} (${fmt('percent', t.percent)})`,
    }} />;
}

/**
 * Community digital team work (support log): acts per month and per day (a campaign's peak shows as a bump), by kind,
 * place, outcome, member and village, and each campaign's progress against its targets.
 */
export function TeamsPanel(props: { data: Data }): VNode {
  const d = props.data;
  // Days without a support act are drawn as zero between the first and the last active day (the table lists active days).
  const days = fillDays(d.days, (day) => ({ day, acts: 0, done: 0, peopleHelped: 0, householdsVisited: 0, minutes: 0 }));
  const areaTitle = 'communes' in d ? tl('leader.byCommune') : tl('leader.teams.villages');
  const areas = ('communes' in d ? d.communes : d.villages) as (Omit<Activity, 'month'> & { name?: string | null; communeName?: string })[];
  return (
    <>
      {'team' in d && (
        <dl class="facts">
          <dt>{tl('leader.c.teams')}</dt><dd>{fmt('count', d.team.teams)}</dd>
          <dt>{tl('leader.c.members')}</dt><dd>{fmt('count', d.team.members)}</dd>
        </dl>
      )}
      <ListView id="teams-months" title={tl('leader.teams.months')} rows={d.months} rowKey={(m) => m.month}
        cols={[{ key: 'month', label: tl('leader.col.month'), fmt: 'month', get: (m: Activity) => m.month }, ...activityCols<Activity>()]}
        chart={{ type: 'line', label: (m) => m.month, labelFmt: 'month', value: (m) => m.acts, valueFmt: 'count' }} />
      <ListView id="teams-days" title={tl('leader.teams.days')} caption={tl('leader.teams.daysCaption')} rows={d.days} rowKey={(r) => r.day}
        cols={[{ key: 'day', label: tl('leader.c.day'), fmt: 'day', get: (r: Day) => r.day }, ...activityCols<Day>()]}
        chart={{ type: 'line', label: (r) => r.day, labelFmt: 'day', value: (r) => r.acts, valueFmt: 'count', rows: days, columns: true }} />
      {countedView('teams-kinds', tl('leader.teams.kinds'), tl('leader.c.kind'), d.kinds)}
      {'places' in d && countedView('teams-places', tl('leader.teams.places'), tl('leader.c.place'), d.places)}
      {'outcomes' in d && countedView('teams-outcomes', tl('leader.teams.outcomes'), tl('leader.c.outcome'), d.outcomes)}
      {'members' in d && (
        <ListView id="teams-members" title={tl('leader.teams.members')} rows={d.members} rowKey={(m) => m.memberId}
          cols={[{ key: 'name', label: tl('leader.c.member'), fmt: 'text', get: (m: c.TeamsCommuneData['members'][number]) => m.name }, ...activityCols<c.TeamsCommuneData['members'][number]>()]}
          chart={{ type: 'bars', label: (m) => m.name, value: (m) => m.acts, valueFmt: 'count' }} />
      )}
      <ListView id="teams-areas" title={areaTitle} rows={areas} rowKey={(_r, i) => String(i)}
        cols={[{ key: 'name', label: 'communes' in d ? tl('leader.col.commune') : tl('leader.col.village'), fmt: 'text', get: areaName }, ...activityCols<(typeof areas)[number]>()]}
        chart={{ type: 'bars', label: areaName, value: (r) => r.acts, valueFmt: 'count' }} />
      {d.campaigns.map((k) => <CampaignView key={k.id} campaign={k} />)}
    </>
  );
}
