import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from '../../lib/api/client';
import { formatDateTime } from '../../lib/format';
import { useLang } from '../../lib/i18n';
import { Alert, Button, Loading } from '../../ui/components';
import { useLoad } from '../../citizen/use-load';
import { tf } from '../i18n';
import { tp } from '../i18n/plan';
import { listAnnouncements, publishAnnouncement, type Announcement } from '../plan-api';
import { useMember } from '../store/member';
import { NeedsNetwork } from '../ui';
import { AnnouncementForm } from './announcement-form';
import { LeaderNav } from './leader-nav';

/**
 * The team leader writes announcements, scam warnings among them (issue 4), and publishes each once to every
 * channel: the bulletin board, residents' phones (optional), a leaflet PDF and a loudspeaker script.
 */
export default function AnnouncementsPage(): VNode {
  useLang();
  const m = useMember();
  const online = m?.field.sync.online;
  const list = useLoad(() => listAnnouncements(m!.me.communeCode), [online, !!m]);
  const [error, setError] = useState<string>();
  if (!m) return <Loading />;
  if (!m.isLeader) return <><h1>{tp('plan.ann.title')}</h1><Alert tone="warn">{tf('field.team.leadersOnly')}</Alert></>;
  const drafts = list.data?.items.filter((a) => a.status === 'draft') ?? [];
  const published = list.data?.items.filter((a) => a.status === 'published') ?? [];
  const publish = async (a: Announcement) => {
    setError(undefined);
    try {
      await publishAnnouncement(a.id, true);
      list.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.userMessage : String(err));
    }
  };
  return (
    <>
      <h1>{tp('plan.ann.title')}</h1>
      <LeaderNav current="thong-bao" />
      <NeedsNetwork what={tp('plan.ann.title')} />
      <p>{tp('plan.ann.intro')}</p>
      <AnnouncementForm m={m} onDone={list.reload} />
      {list.error && <Alert tone="error">{list.error.status === 0 ? tp('plan.needsNetwork') : list.error.userMessage} <Button variant="secondary" onClick={list.reload}>{tf('field.retry')}</Button></Alert>}
      {!list.data && !list.error && <Loading />}
      {error && <Alert tone="error">{error}</Alert>}
      {drafts.length > 0 && (
        <>
          <h2>{tp('plan.ann.drafts')}</h2>
          <ul class="rows">
            {drafts.map((a) => (
              <li key={a.id} class="card"><strong>{a.title}</strong> <Button variant="secondary" onClick={() => void publish(a)}>{tp('plan.ann.publish', { title: a.title })}</Button></li>
            ))}
          </ul>
        </>
      )}
      {list.data && (
        <>
          <h2>{tp('plan.ann.list')}</h2>
          {published.length === 0 ? <p>{tp('plan.ann.none')}</p> : <ul class="rows" data-testid="announcements">{published.map((a) => <Published key={a.id} a={a} />)}</ul>}
        </>
      )}
    </>
  );
}

function Published({ a }: { a: Announcement }): VNode {
  const channels = a.channels.map((c) => tp(`plan.ann.channel.${c}` as 'plan.ann.channel.bulletin')).join(', ');
  return (
    <li class={a.kind === 'scam_warning' ? 'card scam' : 'card'}>
      <strong>{tp(`plan.ann.kind.${a.kind}`)}: {a.title}</strong>
      <span class="muted">{tp('plan.ann.publishedAt', { time: formatDateTime(a.publishedAt), by: a.createdByName })}</span>
      <span>{tp('plan.ann.channels')}: {channels}</span>
      {a.notifiedCount !== null && a.channels.includes('notifications') && <span>{tp('plan.ann.notified', { n: a.notifiedCount })}</span>}
      {/* Plain links, not the app's router: they open the server's PDF and text, which a phone can save or share. */}
      <a href={a.leafletUrl} target="_blank" rel="noopener">{tp('plan.ann.leaflet', { title: a.title })}</a>
      <a href={a.readAloudUrl} target="_blank" rel="noopener">{tp('plan.ann.readAloud', { title: a.title })}</a>
    </li>
  );
}
