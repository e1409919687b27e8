import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { lookupLink, lookupPublic } from '../../lib/api/dossiers';
import { formatDateTime } from '../../lib/format';
import { pick, useLang } from '../../lib/i18n';
import { navigate } from '../../lib/router';
import { Alert, Button, Facts, Loading, TextField } from '../../ui/components';
import { QrCode } from '../../ui/qr';
import { Timeline } from '../../ui/timeline';
import { explainAction, statusTone } from '../status';
import { useLoad } from '../use-load';

/** Public lookup by code, or by the QR link printed on the slips (/tra-cuu/{code}); no sign-in, name masked. */
export default function LookupPage(props: { code?: string }): VNode {
  useLang();
  const [code, setCode] = useState(props.code ?? '');
  const [error, setError] = useState<string>();
  const submit = (e: Event) => {
    e.preventDefault();
    if (code.trim().length < 5) return setError(t('citizen.lookup.codeMissing'));
    navigate(`/tra-cuu/${encodeURIComponent(code.trim())}`);
  };
  return (
    <>
      <h1>{t('citizen.lookup.title')}</h1>
      <form onSubmit={submit} noValidate>
        <TextField id="lookup-code" noOptionalMark label={t('citizen.lookup.codeLabel')} help={t('citizen.lookup.codeHelp')} value={code} onValue={(v) => (setCode(v), setError(undefined))} error={error} autoComplete="off" />
        <Button type="submit" block>{t('citizen.lookup.submit')}</Button>
      </form>
      {props.code && <LookupResult code={props.code} />}
    </>
  );
}

function LookupResult({ code }: { code: string }): VNode {
  const { data, error, reload } = useLoad(() => lookupPublic(code), [code]);
  if (error) {
    return error.status === 404
      ? <Alert tone="error">{t('citizen.lookup.notFound', { code })}</Alert>
      : <Alert tone="error">{error.userMessage} <Button variant="secondary" onClick={reload}>{t('common.retry')}</Button></Alert>;
  }
  if (!data) return <Loading />;
  return (
    <section class="card" aria-labelledby="res-h" style="margin-top:16px">
      <h2 id="res-h">{data.procedureName}</h2>
      <p><span class={statusTone(data.status)} data-testid="status">{pick({ vi: data.statusLabelVi, en: data.statusLabelEn })}</span></p>
      <Facts items={[
        [t('citizen.lookup.code'), data.code],
        [t('citizen.lookup.applicant'), data.applicantName],
        [t('citizen.dossier.submitted'), formatDateTime(data.submittedAt)],
        ...(data.dueAt && !data.finishedAt ? [[t('citizen.dossier.due'), formatDateTime(data.dueAt)] as [string, string]] : []),
        ...(data.finishedAt ? [[t('citizen.dossier.finished'), formatDateTime(data.finishedAt)] as [string, string]] : []),
      ]} />
      <Timeline label={t('citizen.dossier.history')} nowLabel={t('citizen.dossier.now')}
        items={data.timeline.map((e, i) => ({ key: String(i), title: pick({ vi: e.labelVi, en: e.labelEn }), at: e.at, detail: explainAction(e.type) }))} />
      <details>
        <summary class="btn btn-ghost">{t('citizen.lookup.showQr')}</summary>
        <QrCode text={lookupLink(data.code)} label={t('citizen.done.qrLabel', { code: data.code })} />
      </details>
    </section>
  );
}
