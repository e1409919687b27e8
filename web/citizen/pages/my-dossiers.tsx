import type { VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import { t } from '../../i18n';
import { listDossiers } from '../../lib/api/dossiers';
import { searchProcedures } from '../../lib/api/procedures';
import { formatDate } from '../../lib/format';
import { useLang } from '../../lib/i18n';
import { Link, navigate } from '../../lib/router';
import { signOut, useMe } from '../../lib/session';
import { Alert, Button, Loading } from '../../ui/components';
import { statusTone } from '../status';
import { useLoad } from '../use-load';

const statusKey = (s: string) => `citizen.status.${s}` as Parameters<typeof t>[0];

/** The citizen's dossiers, newest first, each with its status in plain words. */
export default function MyDossiersPage(): VNode {
  useLang();
  const me = useMe();
  useEffect(() => {
    if (me === null) navigate('/dang-nhap?next=%2Fho-so', { replace: true });
  }, [me]);
  const { data, error, reload } = useLoad(async () => {
    if (!me) return undefined;
    const [list, catalogue] = await Promise.all([listDossiers({ limit: 100 }), searchProcedures('')]);
    const names = new Map(catalogue.items.map((p) => [p.code, p.name]));
    // Newest first: the staff inbox sorts by urgency, a citizen looks for what they filed last.
    const items = [...list.items].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
    return { items: items.map((d) => ({ ...d, procedureName: names.get(d.procedureCode) ?? d.procedureCode })) };
  }, [me?.phone]);
  if (!me) return <Loading />;
  return (
    <>
      <h1>{t('citizen.my.title')}</h1>
      <p class="muted">{t('citizen.my.signedInAs', { phone: me.phone ?? '' })}</p>
      {error && <Alert tone="error">{error.userMessage} <Button variant="secondary" onClick={reload}>{t('common.retry')}</Button></Alert>}
      {!data && !error && <Loading />}
      {data && data.items.length === 0 && <Alert>{t('citizen.my.none')} <Link href="/">{t('citizen.my.findProcedure')}</Link></Alert>}
      {data && data.items.length > 0 && (
        <ul class="cards">
          {data.items.map((d) => (
            <li key={d.code}>
              <Link class="link-card" href={`/ho-so/${encodeURIComponent(d.code)}`}>
                <strong>{d.procedureName}</strong>
                <span style="display:block">{t('citizen.my.code', { code: d.code })}</span>
                <span class={statusTone(d.status)}>{t(statusKey(d.status))}</span>
                <span style="display:block">{t('citizen.my.submittedOn', { date: formatDate(d.submittedAt) })}{d.dueAt && d.status !== 'returned' ? ` · ${t('citizen.my.dueOn', { date: formatDate(d.dueAt) })}` : ''}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Button variant="secondary" block onClick={() => void signOut().then(() => navigate('/'))}>{t('common.signOut')}</Button>
    </>
  );
}
