import type { VNode } from 'preact';
import { pick, useLang } from '../../lib/i18n';
import { Alert, Button, Loading } from '../../ui/components';
import { useLoad } from '../../citizen/use-load';
import { tf } from '../i18n';
import { tp } from '../i18n/plan';
import { listCampaigns, type Campaign } from '../plan-api';
import { useMember } from '../store/member';
import { NeedsNetwork } from '../ui';
import { CampaignForm } from './campaign-form';
import { LeaderNav } from './leader-nav';

type Metric = Campaign['totals'][number];
const dmy = (iso: string) => iso.split('-').reverse().join('/');

/**
 * The team leader plans campaigns (issue 4): targets per village and metric, and the live progress the server counts
 * from every member's support log. Needs the server, and says so when offline.
 */
export default function CampaignsPage(): VNode {
  useLang();
  const m = useMember();
  const online = m?.field.sync.online;
  const list = useLoad(() => listCampaigns(m!.me.communeCode), [online, !!m]);
  if (!m) return <Loading />;
  if (!m.isLeader) return <><h1>{tp('plan.campaigns.title')}</h1><Alert tone="warn">{tf('field.team.leadersOnly')}</Alert></>;
  return (
    <>
      <h1>{tp('plan.campaigns.title')}</h1>
      <LeaderNav current="chien-dich" />
      <NeedsNetwork what={tp('plan.campaigns.title')} />
      <p>{tp('plan.campaigns.intro')}</p>
      <h2>{tp('plan.campaigns.list')}</h2>
      {list.error && <Alert tone="error">{list.error.status === 0 ? tp('plan.needsNetwork') : list.error.userMessage} <Button variant="secondary" onClick={list.reload}>{tf('field.retry')}</Button></Alert>}
      {!list.data && !list.error && <Loading />}
      {list.data?.items.length === 0 && <p>{tp('plan.campaigns.none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <ul class="rows" data-testid="campaigns">{list.data.items.map((c) => <CampaignCard key={c.id} c={c} />)}</ul>
      )}
      <CampaignForm m={m} onCreated={list.reload} />
    </>
  );
}

function CampaignCard({ c }: { c: Campaign }): VNode {
  const villages = c.villages.filter((v) => v.metrics.some((x) => x.target > 0));
  return (
    <li class="card campaign" aria-labelledby={`c-${c.id}`}>
      <h3 id={`c-${c.id}`}>{c.name}</h3>
      <p class="muted">{tp('plan.campaigns.dates', { from: dmy(c.startsOn), to: dmy(c.endsOn) })} · {tp(`plan.campaigns.status.${c.status}`)}</p>
      {villages.length === 0 && <p>{tp('plan.campaigns.noTargets')}</p>}
      {villages.length > 1 && <Meters title={tp('plan.campaigns.whole')} metrics={c.totals} />}
      {villages.map((v) => <Meters key={v.villageId} title={v.villageName} metrics={v.metrics} />)}
    </li>
  );
}

/** Each bar carries its numbers as text (no colour-only meaning) and as a progressbar for screen readers. */
function Meters(props: { title: string; metrics: Metric[] }): VNode {
  return (
    <section class="village-progress">
      <h4>{props.title}</h4>
      {props.metrics.filter((x) => x.target > 0).map((x) => {
        const label = pick({ vi: x.labelVi, en: x.labelEn });
        const text = tp('plan.campaigns.progress', { label, achieved: x.achieved, target: x.target, percent: x.percent ?? 0 });
        return (
          <div key={x.metric} class="meter">
            <span>{text}</span>
            <div class="progress" role="progressbar" aria-label={`${props.title}: ${label}`} aria-valuetext={text}
              aria-valuemin={0} aria-valuemax={x.target} aria-valuenow={Math.min(x.achieved, x.target)}>
              <div style={{ width: `${Math.min(100, x.percent ?? 0)}%` }} />
            </div>
          </div>
        );
      })}
    </section>
  );
}
