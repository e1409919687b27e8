import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { getDossier, type DossierView } from '../../lib/api/dossiers';
import { findRating, type RatingView } from '../../lib/api/feedback';
import { fileUrl } from '../../lib/api/files';
import { formatDateTime } from '../../lib/format';
import { pick, useLang } from '../../lib/i18n';
import { Link, navigate } from '../../lib/router';
import { useMe } from '../../lib/session';
import { Alert, Button, Facts, Loading } from '../../ui/components';
import { Timeline } from '../../ui/timeline';
import { RatingForm } from '../rating-form';
import { explainAction, statusTone } from '../status';
import { SupplementForm } from '../supplement-form';
import { useLoad } from '../use-load';

/** One of my dossiers: status and timeline in plain words, supplement answer, result download, rating. */
export default function DossierPage(props: { code: string }): VNode {
  useLang();
  const me = useMe();
  useEffect(() => {
    if (me === null) navigate(`/dang-nhap?next=${encodeURIComponent(`/ho-so/${props.code}`)}`, { replace: true });
  }, [me]);
  const { data, error, reload } = useLoad(async () => (me ? getDossier(props.code) : undefined), [props.code, me?.phone]);
  if (error) return <><h1>{t('citizen.dossier.title')}</h1><Alert tone="error">{error.userMessage}</Alert>{error.status !== 404 && <Button onClick={reload}>{t('common.retry')}</Button>}</>;
  if (!data) return <Loading />;
  return <DossierDetail d={data} onChanged={reload} />;
}

function DossierDetail({ d, onChanged }: { d: DossierView; onChanged: () => void }): VNode {
  const results = d.timeline.filter((e) => e.type === 'approve').flatMap((e) => e.attachments ?? []);
  const lastRequest = [...d.timeline].reverse().find((e) => e.type === 'request_supplement');
  const missing = (lastRequest?.payload?.missingDocuments as string[] | undefined) ?? [];
  return (
    <>
      <p class="muted">{t('citizen.my.code', { code: d.code })}</p>
      <h1>{d.procedureName}</h1>
      <p><span class={statusTone(d.status)} data-testid="status">{pick({ vi: d.statusLabelVi, en: d.statusLabelEn })}</span></p>
      <Facts items={[
        [t('citizen.dossier.submitted'), formatDateTime(d.submittedAt)],
        ...(d.dueAt && !d.finishedAt ? [[t('citizen.dossier.due'), formatDateTime(d.dueAt)] as [string, string]] : []),
        ...(d.finishedAt ? [[t('citizen.dossier.finished'), formatDateTime(d.finishedAt)] as [string, string]] : []),
      ]} />
      {d.status === 'awaiting_supplement' && (
        <section class="card" aria-labelledby="sup-h">
          <h2 id="sup-h">{t('citizen.supplement.title')}</h2>
          <p>{t('citizen.supplement.intro')}</p>
          <ul>{missing.map((m) => <li key={m}>{m}</li>)}</ul>
          <SupplementForm code={d.code} onDone={onChanged} />
        </section>
      )}
      {results.length > 0 && (
        <section class="card" aria-labelledby="res-h">
          <h2 id="res-h">{t('citizen.result.title')}</h2>
          <p>{t('citizen.result.intro')}</p>
          <ul class="list-plain">
            {results.map((id, i) => <li key={id}><a class="btn btn-block" href={fileUrl(id)} download>{t('citizen.result.download', { n: i + 1 })}</a></li>)}
          </ul>
        </section>
      )}
      {d.status === 'returned' && <RatingSection code={d.code} />}
      <h2>{t('citizen.dossier.history')}</h2>
      <Timeline label={t('citizen.dossier.history')} nowLabel={t('citizen.dossier.now')} items={d.timeline.map((e) => ({
        key: String(e.seq), title: pick({ vi: e.labelVi, en: e.labelEn }), at: e.at,
        detail: [explainAction(e.type), ...detailsOf(e)].filter(Boolean).join(' '),
      }))} />
      <p><Link href="/ho-so">{t('citizen.dossier.back')}</Link></p>
    </>
  );
}

function detailsOf(e: DossierView['timeline'][number]): string[] {
  const p = e.payload ?? {};
  const out: string[] = [];
  if (Array.isArray(p.missingDocuments)) out.push(t('citizen.dossier.missing', { list: (p.missingDocuments as string[]).join('; ') }));
  if (Array.isArray(p.reasons)) out.push(t('citizen.dossier.reasons', { list: (p.reasons as string[]).join('; ') }));
  if (typeof p.newDueAt === 'string') out.push(t('citizen.dossier.newDue', { date: formatDateTime(p.newDueAt) }));
  if (e.note) out.push(`“${e.note}”`);
  return out;
}

function RatingSection({ code }: { code: string }): VNode {
  const existing = useLoad(() => findRating(code), [code]);
  const [done, setDone] = useState<RatingView>();
  const rating = done ?? existing.data;
  return (
    <section class="card" aria-labelledby="rate-h">
      <h2 id="rate-h">{t('citizen.rate.title')}</h2>
      {existing.data === undefined && !done && !existing.error && <Loading />}
      {rating && <Alert tone="ok">{t('citizen.rate.thanks', { n: rating.overall })}</Alert>}
      {existing.data === null && !done && (
        <>
          <p>{t('citizen.rate.intro')}</p>
          <RatingForm code={code} onDone={setDone} />
        </>
      )}
    </section>
  );
}
