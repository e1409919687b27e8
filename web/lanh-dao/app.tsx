import type { VNode } from 'preact';
import { t } from '../i18n';
import { useLang } from '../lib/i18n';
import { lazyPage } from '../lib/lazy';
import { Link, Router, navigate, useLocation, type Route } from '../lib/router';
import { signOut, useMe } from '../lib/session';
import { Alert, Button, Loading, Shell } from '../ui/components';
import { tl } from './i18n';
import { HomePage } from './pages/home';
import { SignInPage } from './pages/sign-in';

const fallback = ({ failed, retry }: { failed: boolean; retry: () => void }) =>
  failed ? <Alert tone="error">{t('common.loadFailed')} <Button variant="secondary" onClick={retry}>{t('common.retry')}</Button></Alert> : <Loading />;

type PageProps = { code: string; query: URLSearchParams };
// Every dashboard is its own chunk: the sign-in page and the public page load none of the leader's charts.
const Commune = lazyPage<PageProps>(() => import('./pages/commune'), fallback);
const Province = lazyPage<PageProps>(() => import('./pages/province'), fallback);
const Compare = lazyPage<PageProps>(() => import('./pages/compare'), fallback);
const Public = lazyPage<PageProps>(() => import('./pages/public'), fallback);

const routes: Route[] = [
  ['/', () => <HomePage />],
  ['/dang-nhap', (_p, q) => <SignInPage next={q.get('next')} />],
  ['/xa/:code', (p, q) => <Commune code={p.code!} query={q} />],
  ['/tinh/:code', (p, q) => <Province code={p.code!} query={q} />],
  ['/tinh/:code/so-sanh', (p, q) => <Compare code={p.code!} query={q} />],
  ['/cong-khai/:code', (p, q) => <Public key={p.code} code={p.code!} query={q} />],
];

function NotFound(): VNode {
  return <><h1>{tl('leader.notFound')}</h1><p><Link href="/lanh-dao/">{tl('leader.nav.dashboard')}</Link></p></>;
}

/** The menu of a signed-in account: its dashboard, the dossiers (staff app), sign out. Nothing on the public page. */
function LeaderNav(): VNode | null {
  const me = useMe();
  if (!me || me.kind !== 'staff') return null;
  const out = async () => {
    await signOut();
    navigate('/lanh-dao/dang-nhap', { replace: true });
  };
  return (
    <>
      <Link href="/lanh-dao/">{tl('leader.nav.dashboard')}</Link>
      <a href="/can-bo/">{tl('leader.nav.dossiers')}</a>
      <button type="button" class="btn btn-ghost" onClick={() => void out()}>{t('common.signOut')}</button>
    </>
  );
}

/** The leader and province dashboards at /lanh-dao/, and the public figures of a commune at /lanh-dao/cong-khai/:code. */
export function LeaderApp(): VNode {
  useLang();
  const path = useLocation().path;
  const isPublic = path.startsWith('/lanh-dao/cong-khai/');
  const signingIn = path.startsWith('/lanh-dao/dang-nhap');
  return (
    <Shell brand={isPublic ? tl('leader.publicBrand') : tl('leader.brand')} home={isPublic ? path : '/lanh-dao/'} nav={isPublic || signingIn ? undefined : <LeaderNav />}>
      <Router base="/lanh-dao" routes={routes} notFound={() => <NotFound />} />
    </Shell>
  );
}
