import type { VNode } from 'preact';
import { getPortal } from '../../lib/api/portal';
import { useLang } from '../../lib/i18n';
import { useMe } from '../../lib/session';
import { LinkCard, Loading } from '../../ui/components';
import { useLoad } from '../../citizen/use-load';
import { tq } from '../i18n';

/** Start page of the queue screens: which commune, then kiosk, counter or display board. */
export function QueueHome(): VNode {
  useLang();
  const me = useMe();
  const fromUrl = new URLSearchParams(location.search).get('xa');
  const portal = useLoad(async () => (me === undefined ? undefined : getPortal(fromUrl ?? (me?.kind === 'staff' ? (me.communeCode ?? undefined) : undefined))), [me === undefined, me?.communeCode, fromUrl]);
  if (!portal.data) return <Loading />;
  const c = portal.data.commune;
  if (!c) return <><h1>{tq('queue.home.title')}</h1><p>{tq('queue.home.noCommune')}</p></>;
  return (
    <>
      <h1>{tq('queue.home.title')}</h1>
      <p>{tq('queue.home.commune', { name: `${c.name}, ${c.provinceName}` })}</p>
      <ul class="cards">
        <li><LinkCard href={`/hang-doi/${c.code}/lay-so`} title={tq('queue.home.kiosk')} detail={tq('queue.home.kioskDetail')} /></li>
        <li><a class="link-card" href={`/hang-doi/${c.code}/man-hinh`}><strong>{tq('queue.home.display')}</strong><span>{tq('queue.home.displayDetail')}</span></a></li>
        <li><LinkCard href="/hang-doi/quay" title={tq('queue.home.counter')} detail={tq('queue.home.counterDetail')} /></li>
      </ul>
    </>
  );
}
