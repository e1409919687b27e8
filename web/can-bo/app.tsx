import type { VNode } from 'preact';
import { t } from '../i18n';
import { useLang } from '../lib/i18n';
import { lazyPage } from '../lib/lazy';
import { Link, Router, navigate, useLocation, type Route } from '../lib/router';
import { signOut } from '../lib/session';
import { Alert, Button, Loading, Shell } from '../ui/components';
import { ts } from './i18n';
import { InboxPage } from './pages/inbox';
import { SignInPage } from './pages/sign-in';
import { roleMenus, useStaff } from './session';

const fallback = ({ failed, retry }: { failed: boolean; retry: () => void }) =>
  failed ? <Alert tone="error">{t('common.loadFailed')} <Button variant="secondary" onClick={retry}>{t('common.retry')}</Button></Alert> : <Loading />;

const Dossier = lazyPage<{ code: string }>(() => import('./pages/dossier'), fallback);
const Intake = lazyPage<object>(() => import('./pages/intake'), fallback);
const Register = lazyPage<object>(() => import('./pages/register'), fallback);
const Admin = lazyPage<{ section?: string }>(() => import('./pages/admin'), fallback);

const routes: Route[] = [
  ['/', (_p, q) => <InboxPage query={q} />],
  ['/ho-so', (_p, q) => <InboxPage query={q} />],
  ['/ho-so/:code', (p) => <Dossier code={p.code!} />],
  ['/dang-nhap', (_p, q) => <SignInPage next={q.get('next')} />],
  ['/tiep-nhan', () => <Intake />],
  ['/so-theo-doi', () => <Register />],
  ['/quan-tri', () => <Admin />],
  ['/quan-tri/:section', (p) => <Admin section={p.section} />],
];

function NotFound(): VNode {
  return <><h1>{t('common.notFound')}</h1><p><Link href="/can-bo/">{ts('staff.nav.inbox')}</Link></p></>;
}

/** Menus by role: each role sees where its work is (README "Cán bộ một cửa / One-stop staff"). */
function StaffNav(): VNode | null {
  const staff = useStaff();
  if (!staff) return null;
  const links = {
    inbox: <Link href="/can-bo/ho-so">{ts('staff.nav.inbox')}</Link>,
    intake: <Link href="/can-bo/tiep-nhan">{staff.role === 'volunteer' ? ts('staff.nav.assist') : ts('staff.nav.intake')}</Link>,
    queue: <a href="/hang-doi/quay">{ts('staff.nav.queue')}</a>,
    register: <Link href="/can-bo/so-theo-doi">{ts('staff.nav.register')}</Link>,
    admin: <Link href="/can-bo/quan-tri">{ts('staff.nav.admin')}</Link>,
    // Other apps: plain links (full page loads), each app has its own bundle.
    dashboard: <a href="/lanh-dao/">{ts('staff.nav.dashboard')}</a>,
    field: <a href="/to-cong-nghe/">{ts('staff.nav.field')}</a>,
  };
  const out = async () => {
    await signOut();
    navigate('/can-bo/dang-nhap', { replace: true });
  };
  return (
    <>
      {roleMenus[staff.role].map((m) => <span key={m}>{links[m]}</span>)}
      <button type="button" class="btn btn-ghost" onClick={() => void out()}>{t('common.signOut')}</button>
    </>
  );
}

export function StaffApp(): VNode {
  useLang();
  const signingIn = useLocation().path.startsWith('/can-bo/dang-nhap');
  return (
    <Shell brand={ts('staff.brand')} home="/can-bo/" nav={signingIn ? undefined : <StaffNav />}>
      <Router base="/can-bo" routes={routes} notFound={() => <NotFound />} />
    </Shell>
  );
}
