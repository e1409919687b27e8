import type { VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import { t } from '../../i18n';
import { listBulletin, type Announcement } from '../../lib/api/announcements';
import { formatDate } from '../../lib/format';
import { useLang } from '../../lib/i18n';
import { Link, navigate } from '../../lib/router';
import { Alert, Button, Loading } from '../../ui/components';
import { useLoad } from '../use-load';

/**
 * Public, no sign-in (issue 4): the commune's bulletin board, newest first. Scam warnings stand out (red frame and
 * a "Cảnh báo lừa đảo" badge). Leaflets, SMS and the loudspeaker point to `/bang-tin/<commune>#<id>`
 * (announcements.service.ts bulletinUrl): such a link opens that announcement.
 */
export default function BulletinPage(props: { commune: string }): VNode {
  useLang();
  const { data, error, reload } = useLoad(() => listBulletin(props.commune), [props.commune]);
  useEffect(() => {
    const id = location.hash.slice(1);
    if (data && id && data.items.some((a) => a.id === id)) navigate(`/bang-tin/${props.commune}/${id}`, { replace: true });
  }, [data]);
  return (
    <>
      <h1>{t('citizen.bulletin.title')}</h1>
      <p>{t('citizen.bulletin.intro')}</p>
      <p><Link href={`/ho-tro/${props.commune}`}>{t('citizen.home.teamHelp')}</Link></p>
      {error && <Alert tone="error">{error.userMessage} <Button variant="secondary" onClick={reload}>{t('common.retry')}</Button></Alert>}
      {!data && !error && <Loading />}
      {data && !data.items.length && <p>{t('citizen.bulletin.empty')}</p>}
      {data && data.items.length > 0 && (
        <ul class="list-plain">
          {data.items.map((a) => <li key={a.id}><Item a={a} commune={props.commune} /></li>)}
        </ul>
      )}
    </>
  );
}

/** A scam warning is framed like an error alert (colour AND words, never colour alone). */
export function KindBadge({ kind }: { kind: Announcement['kind'] }): VNode {
  const cls = kind === 'scam_warning' ? 'badge badge-danger' : kind === 'campaign' ? 'badge badge-ok' : 'badge';
  return <span class={cls} data-kind-badge={kind}>{t(`citizen.bulletin.kind.${kind}`)}</span>;
}

export function frameClass(kind: Announcement['kind']): string {
  return kind === 'scam_warning' ? 'card alert-error' : 'card';
}

function Item({ a, commune }: { a: Announcement; commune: string }): VNode {
  const short = a.body.length > 160 ? `${a.body.slice(0, 157).trimEnd()}…` : a.body;
  return (
    <article class={frameClass(a.kind)} data-kind={a.kind} data-id={a.id} aria-labelledby={`a-${a.id}`}>
      <p><KindBadge kind={a.kind} /> <span class="muted">{t('citizen.bulletin.published', { date: formatDate(a.publishedAt) })}</span></p>
      <h2 id={`a-${a.id}`} lang="vi"><Link href={`/bang-tin/${commune}/${a.id}`}>{a.title}</Link></h2>
      <p lang="vi">{short}</p>
    </article>
  );
}
