import type { VNode } from 'preact';
import { t } from '../../i18n';
import { getAnnouncement } from '../../lib/api/announcements';
import { formatDate } from '../../lib/format';
import { useLang } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { Alert, Button, Loading } from '../../ui/components';
import { spacedPhone, TelLink } from '../public/bits';
import { useLoad } from '../use-load';
import { frameClass, KindBadge } from './bulletin';

/** Public, no sign-in (issue 4): one announcement in full, its number to call, the leaflet PDF and the loudspeaker script. */
export default function AnnouncementPage(props: { commune: string; id: string }): VNode {
  useLang();
  const { data: a, error, reload } = useLoad(() => getAnnouncement(props.id), [props.id]);
  const back = <p><Link href={`/bang-tin/${props.commune}`}>{t('citizen.bulletin.all')}</Link></p>;
  if (error) {
    return (
      <>
        <h1>{t('citizen.bulletin.title')}</h1>
        <Alert tone="error">{error.userMessage} {error.status !== 404 && <Button variant="secondary" onClick={reload}>{t('common.retry')}</Button>}</Alert>
        {back}
      </>
    );
  }
  if (!a) return <Loading />;
  return (
    <>
      <article class={frameClass(a.kind)} data-kind={a.kind} aria-labelledby="announcement-h">
        <p><KindBadge kind={a.kind} /> <span class="muted">{t('citizen.bulletin.published', { date: formatDate(a.publishedAt) })}</span></p>
        <h1 id="announcement-h" lang="vi">{a.title}</h1>
        {a.body.split(/\n+/).map((para, i) => <p key={i} lang="vi">{para}</p>)}
      </article>
      {a.contactPhone && <p><TelLink phone={a.contactPhone} label={t('citizen.bulletin.contact', { phone: spacedPhone(a.contactPhone) })} /></p>}
      <p class="row">
        <a class="btn btn-secondary" href={a.leafletUrl} download>{t('citizen.bulletin.leaflet')}</a>
        <a class="btn btn-secondary" href={a.readAloudUrl}>{t('citizen.bulletin.readAloud')}</a>
      </p>
      {back}
    </>
  );
}
