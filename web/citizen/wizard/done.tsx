import type { VNode } from 'preact';
import { t } from '../../i18n';
import type { SubmitResult } from '../../lib/api/dossiers';
import { formatDateTime } from '../../lib/format';
import { Link } from '../../lib/router';
import { Alert } from '../../ui/components';
import { QrCode } from '../../ui/qr';

/** The last step: the dossier code, the appointment (Vietnam time) and a QR code of the public lookup link. */
export function SubmissionDone(props: { result: SubmitResult; procedureName: string }): VNode {
  const r = props.result;
  return (
    <>
      <h1>{t('citizen.done.title')}</h1>
      <Alert tone="ok">{t('citizen.done.intro', { procedure: props.procedureName })}</Alert>
      <section class="card" aria-labelledby="code-h">
        <h2 id="code-h">{t('citizen.done.code')}</h2>
        <p class="code-big" data-testid="dossier-code">{r.code}</p>
        <p>{t('citizen.done.keepCode')}</p>
        {r.dueAt && (
          <p>
            {t('citizen.done.due')} <strong data-testid="due-at">{formatDateTime(r.dueAt)}</strong>
            <br />
            <span class="muted">{t('citizen.done.dueNote')}</span>
          </p>
        )}
        <QrCode text={r.lookupUrl} label={t('citizen.done.qrLabel', { code: r.code })} />
        <p class="muted" style="word-break:break-all">{r.lookupUrl}</p>
      </section>
      <div class="row">
        <Link class="btn" href={`/ho-so/${encodeURIComponent(r.code)}`}>{t('citizen.done.open')}</Link>
        <Link class="btn btn-secondary" href="/">{t('common.toHome')}</Link>
      </div>
    </>
  );
}
