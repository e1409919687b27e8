import type { VNode } from 'preact';
import { t } from '../i18n';
import { useLang } from '../lib/i18n';
import { lazyPage } from '../lib/lazy';
import { Link, Router, type Route } from '../lib/router';
import { Alert, Button, Loading, Shell } from '../ui/components';
import { tq } from './i18n';
import { QueueHome } from './pages/home';

const fallback = ({ failed, retry }: { failed: boolean; retry: () => void }) =>
  failed ? <Alert tone="error">{t('common.loadFailed')} <Button variant="secondary" onClick={retry}>{t('common.retry')}</Button></Alert> : <Loading />;

const Kiosk = lazyPage<{ commune: string }>(() => import('./pages/kiosk'), fallback);
const Display = lazyPage<{ commune: string }>(() => import('./pages/display'), fallback);
const Counter = lazyPage<object>(() => import('./pages/counter'), fallback);

const routes: Route[] = [
  ['/', () => <QueueHome />],
  ['/quay', () => <Counter />],
  ['/:commune/lay-so', (p) => <Kiosk commune={p.commune!} />],
];

/**
 * The queue (máy bấm số): the kiosk tablet at the door, the officer's counter page, and the TV board.
 * The board has no header or menu: it is read from across the room.
 */
export function QueueApp(): VNode {
  useLang();
  const board = /^\/hang-doi\/(\d{5})\/man-hinh\/?$/.exec(location.pathname);
  if (board) return <main id="main" class="board-main"><Display commune={board[1]!} /></main>;
  return (
    <Shell brand={tq('queue.brand')} home="/hang-doi/">
      <Router base="/hang-doi" routes={routes} notFound={() => <><h1>{t('common.notFound')}</h1><p><Link href="/hang-doi/">{tq('queue.brand')}</Link></p></>} />
    </Shell>
  );
}
