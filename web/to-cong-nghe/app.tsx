import type { VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import { t } from '../i18n';
import { useLang } from '../lib/i18n';
import { lazyPage } from '../lib/lazy';
import { Link, Router, navigate, useLocation, type Route } from '../lib/router';
import { Alert, Button, Loading, Shell } from '../ui/components';
import { tf } from './i18n';
import { HomePage } from './pages/home';
import { HouseholdPage } from './pages/household';
import { HouseholdsPage } from './pages/households';
import { LogSupportPage } from './pages/log-support';
import { NewHouseholdPage } from './pages/new-household';
import { OutboxPage } from './pages/outbox';
import { SignInPage } from './pages/sign-in';
import { useSession } from './store/session';
import { SyncBar, TabBar } from './ui';

const fallback = ({ failed, retry }: { failed: boolean; retry: () => void }) =>
  failed ? <Alert tone="error">{t('common.loadFailed')} <Button variant="secondary" onClick={retry}>{t('common.retry')}</Button></Alert> : <Loading />;

// What a member uses in a village without coverage is in the main bundle; the rest is loaded when first opened (and
// kept by the service worker, so it opens offline too).
const Targets = lazyPage<{ need?: string; village?: string }>(() => import('./pages/targets'), fallback);
const Assist = lazyPage<{ personId?: string }>(() => import('./pages/assist'), fallback);
const Team = lazyPage<{ section?: string }>(() => import('./pages/team'), fallback);
// Planning needs the server anyway: its own chunks, outside the first load.
const Campaigns = lazyPage<Record<string, never>>(() => import('./pages/campaigns'), fallback);
const Announcements = lazyPage<Record<string, never>>(() => import('./pages/announcements'), fallback);

const routes: Route[] = [
  ['/', () => <HomePage />],
  ['/ho', (_p, q) => <HouseholdsPage village={q.get('thon') ?? ''} />],
  ['/ho/moi', (_p, q) => <NewHouseholdPage village={q.get('thon') ?? ''} fix={q.get('sua') ?? undefined} />],
  ['/ho/:id', (p) => <HouseholdPage id={p.id!} />],
  ['/ghi', (_p, q) => <LogSupportPage personId={q.get('nguoi') ?? undefined} fix={q.get('sua') ?? undefined} />],
  ['/hang-cho', () => <OutboxPage />],
  ['/can-ho-tro', (_p, q) => <Targets need={q.get('can') ?? undefined} village={q.get('thon') ?? undefined} />],
  ['/nop-ho-so', (_p, q) => <Assist personId={q.get('nguoi') ?? undefined} />],
  ['/to', () => <Team />],
  ['/to/chien-dich', () => <Campaigns />],
  ['/to/thong-bao', () => <Announcements />],
  ['/to/:section', (p) => <Team section={p.section} />],
  ['/dang-nhap', () => <SignInPage />],
];

function NotFound(): VNode {
  return <><h1>{t('common.notFound')}</h1><p><Link href="/to-cong-nghe/">{tf('field.nav.home')}</Link></p></>;
}

/**
 * The field app of the Tổ công nghệ số cộng đồng (issue 4), at /to-cong-nghe/: households of my villages, the support
 * log, assisted submission and, for team leaders, the team's work. Everything a member records is kept on the phone
 * first and sent when there is a network.
 */
export function FieldApp(): VNode {
  useLang();
  const session = useSession();
  const path = useLocation().path;
  const signingIn = path.startsWith('/to-cong-nghe/dang-nhap');
  useEffect(() => {
    if (session.status === 'signedOut' && !signingIn) navigate('/to-cong-nghe/dang-nhap', { replace: true });
  }, [session.status, signingIn]);
  const ready = session.status === 'ready';
  return (
    <Shell brand={tf('field.brand')} home="/to-cong-nghe/">
      {ready && !signingIn && <SyncBar />}
      {ready || signingIn ? <Router base="/to-cong-nghe" routes={routes} notFound={() => <NotFound />} /> : <Loading />}
      {ready && !signingIn && <TabBar />}
    </Shell>
  );
}
