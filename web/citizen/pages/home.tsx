import type { VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import type { ApiError } from '../../lib/api/client';
import { searchProcedures, type ProcedureSummary } from '../../lib/api/procedures';
import { formatVnd } from '../../lib/format';
import { useLang } from '../../lib/i18n';
import { Link, navigate } from '../../lib/router';
import { useMe } from '../../lib/session';
import { Alert, Button, LinkCard, Loading, TextField } from '../../ui/components';
import { usePortal } from '../commune';

/** Home: search (accents optional), the most used procedures as big cards, lookup by code, sign-in. */
export function HomePage(): VNode {
  useLang();
  const { portal, failed, retry } = usePortal();
  const me = useMe();
  return (
    <>
      <h1>{t('citizen.home.title')}</h1>
      {portal?.commune && <p class="muted">{t('citizen.home.commune', { commune: portal.commune.name, province: portal.commune.provinceName })}</p>}
      <Search communeCode={portal?.commune?.code} />
      <section aria-labelledby="popular-h">
        <h2 id="popular-h">{t('citizen.home.popular')}</h2>
        {failed && <Alert tone="error">{t('common.loadFailed')} <Button variant="secondary" onClick={retry}>{t('common.retry')}</Button></Alert>}
        {!portal && !failed && <Loading />}
        {portal && (
          <ul class="cards">
            {portal.popular.map((p) => <li key={p.code}><LinkCard href={`/thu-tuc/${p.code}`} title={p.name} titleLang="vi" detail={summaryLine(p)} /></li>)}
          </ul>
        )}
      </section>
      <LookupBox />
      <section class="card" aria-labelledby="me-h">
        <h2 id="me-h">{t('citizen.home.myDossiers')}</h2>
        {me ? (
          <Link class="btn btn-block" href="/ho-so">{t('citizen.home.openMyDossiers')}</Link>
        ) : (
          <>
            <p>{t('citizen.home.signInWhy')}</p>
            <Link class="btn btn-block" href="/dang-nhap">{t('citizen.signIn.title')}</Link>
          </>
        )}
      </section>
      {/* Open data of the commune (issue 6): another app, so a full page load, not a router link. The digital team's
          duty hours and the bulletin board (issue 4) are lazy pages of this app. */}
      {portal?.commune && (
        <footer class="foot">
          <ul class="list-plain">
            <li><Link class="btn btn-secondary btn-block" href={`/ho-tro/${portal.commune.code}`}>{t('citizen.home.teamHelp')}</Link></li>
            <li><Link class="btn btn-secondary btn-block" href={`/bang-tin/${portal.commune.code}`}>{t('citizen.home.bulletin')}</Link></li>
            <li><a href={`/lanh-dao/cong-khai/${portal.commune.code}`}>{t('citizen.home.openData')}</a></li>
          </ul>
        </footer>
      )}
    </>
  );
}

export function summaryLine(p: Pick<ProcedureSummary, 'feeVnd' | 'processingDays'>): string {
  const fee = p.feeVnd === 0 ? t('common.free') : formatVnd(p.feeVnd);
  const time = p.processingDays === 0 ? t('citizen.sameDay') : t('common.workingDays', { n: p.processingDays });
  return `${time} · ${fee}`;
}

function Search(props: { communeCode?: string }): VNode {
  const [q, setQ] = useState(new URLSearchParams(location.search).get('q') ?? '');
  const [items, setItems] = useState<ProcedureSummary[]>();
  const [error, setError] = useState<string>();
  const seq = useRef(0);
  useEffect(() => {
    const query = q.trim();
    if (query.length < 2) {
      setItems(undefined);
      return;
    }
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      searchProcedures(query, props.communeCode).then(
        (r) => mine === seq.current && (setItems(r.items), setError(undefined)),
        (err: ApiError) => mine === seq.current && setError(err.userMessage),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [q, props.communeCode]);
  return (
    <section aria-labelledby="search-h">
      <h2 id="search-h" class="visually-hidden">{t('citizen.search.heading')}</h2>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <TextField id="q" type="search" noOptionalMark label={t('citizen.search.label')} help={t('citizen.search.help')} value={q} onValue={setQ} enterKeyHint="search" autoComplete="off" />
      </form>
      {error && <Alert tone="error">{error}</Alert>}
      {items && (
        <div aria-live="polite">
          <p class="muted">{items.length ? t('citizen.search.count', { n: items.length }) : t('citizen.search.none')}</p>
          <ul class="cards">
            {items.slice(0, 20).map((p) => <li key={p.code}><LinkCard href={`/thu-tuc/${p.code}`} title={p.name} titleLang="vi" detail={summaryLine(p)} /></li>)}
          </ul>
        </div>
      )}
    </section>
  );
}

function LookupBox(): VNode {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const submit = (e: Event) => {
    e.preventDefault();
    const c = code.trim();
    if (c.length < 5) return setError(t('citizen.lookup.codeMissing'));
    navigate(`/tra-cuu/${encodeURIComponent(c)}`);
  };
  return (
    <section class="card" aria-labelledby="lookup-h">
      <h2 id="lookup-h">{t('citizen.lookup.title')}</h2>
      <form onSubmit={submit} noValidate>
        <TextField id="lookup-code" noOptionalMark label={t('citizen.lookup.codeLabel')} help={t('citizen.lookup.codeHelp')} value={code} onValue={(v) => (setCode(v), setError(undefined))} error={error} autoComplete="off" />
        <Button type="submit" block>{t('citizen.lookup.submit')}</Button>
      </form>
    </section>
  );
}
