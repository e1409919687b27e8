import type { VNode } from 'preact';
import { t } from '../i18n';
import { useLang } from '../lib/i18n';
import { lazyPage } from '../lib/lazy';
import { Link, Router, type Route } from '../lib/router';
import { Alert, Button, Loading, Shell } from '../ui/components';
import { HomePage } from './pages/home';
import { ProcedurePage } from './pages/procedure';
import { SignInPage } from './pages/sign-in';

/** Pages people land on (home, procedure) are in the first bundle; the rest load when first opened. */
const fallback = ({ failed, retry }: { failed: boolean; retry: () => void }) =>
  failed ? <Alert tone="error">{t('common.loadFailed')} <Button variant="secondary" onClick={retry}>{t('common.retry')}</Button></Alert> : <Loading />;

const Wizard = lazyPage<{ code: string }>(() => import('./pages/wizard'), fallback);
const MyDossiers = lazyPage<object>(() => import('./pages/my-dossiers'), fallback);
const Dossier = lazyPage<{ code: string }>(() => import('./pages/dossier'), fallback);
const Lookup = lazyPage<{ code?: string }>(() => import('./pages/lookup'), fallback);
const TeamHelp = lazyPage<{ commune: string }>(() => import('./pages/team-help'), fallback);
const Bulletin = lazyPage<{ commune: string }>(() => import('./pages/bulletin'), fallback);
const Announcement = lazyPage<{ commune: string; id: string }>(() => import('./pages/announcement'), fallback);

const routes: Route[] = [
  ['/', () => <HomePage />],
  ['/thu-tuc/:code', (p) => <ProcedurePage code={p.code!} />],
  ['/nop/:code', (p) => <Wizard code={p.code!} />],
  ['/dang-nhap', (_p, q) => <SignInPage next={q.get('next')} />],
  ['/ho-so', () => <MyDossiers />],
  ['/ho-so/:code', (p) => <Dossier code={p.code!} />],
  ['/tra-cuu', () => <Lookup />],
  ['/tra-cuu/:code', (p) => <Lookup code={p.code!} />],
  ['/ho-tro/:commune', (p) => <TeamHelp commune={p.commune!} />],
  ['/bang-tin/:commune', (p) => <Bulletin commune={p.commune!} />],
  ['/bang-tin/:commune/:id', (p) => <Announcement commune={p.commune!} id={p.id!} />],
];

function NotFound(): VNode {
  return (
    <>
      <h1>{t('common.notFound')}</h1>
      <p><Link href="/">{t('common.toHome')}</Link></p>
    </>
  );
}

export function CitizenApp(): VNode {
  useLang();
  const nav = (
    <>
      <Link href="/ho-so">{t('citizen.nav.my')}</Link>
      <Link href="/tra-cuu">{t('citizen.nav.lookup')}</Link>
    </>
  );
  return (
    <Shell brand={t('common.appName')} home="/" nav={nav}>
      <Router routes={routes} notFound={() => <NotFound />} />
    </Shell>
  );
}
