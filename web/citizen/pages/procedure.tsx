import type { VNode } from 'preact';
import { t } from '../../i18n';
import { getCommuneProcedure, getProcedure, type Procedure } from '../../lib/api/procedures';
import { formatVnd } from '../../lib/format';
import { useLang } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { Alert, Button, Facts, Loading } from '../../ui/components';
import { loadPortal } from '../commune';
import { useLoad } from '../use-load';

/** What to bring, the fee, the time in working days, whether it is fully online, and "Nộp hồ sơ". */
export function ProcedurePage(props: { code: string }): VNode {
  useLang();
  const { data, error, reload } = useLoad(async () => {
    const portal = await loadPortal().catch(() => undefined);
    const commune = portal?.commune?.code;
    return { procedure: commune ? await getCommuneProcedure(commune, props.code) : await getProcedure(props.code), commune };
  }, [props.code]);
  if (error) {
    return (
      <>
        <h1>{t('citizen.procedure.notFoundTitle')}</h1>
        <Alert tone="error">{error.status === 404 ? t('citizen.procedure.notOffered') : error.userMessage}</Alert>
        {error.status !== 404 && <Button onClick={reload}>{t('common.retry')}</Button>}
        <p><Link href="/">{t('common.toHome')}</Link></p>
      </>
    );
  }
  if (!data) return <Loading />;
  const p = data.procedure;
  const online = p.level !== 'offline';
  return (
    <>
      <p class="muted" lang="vi">{p.field}</p>
      <h1 lang="vi">{p.name}</h1>
      <Facts items={[
        [t('citizen.procedure.time'), p.processingDays === 0 ? t('citizen.sameDay') : t('common.workingDays', { n: p.processingDays })],
        [t('citizen.procedure.fee'), p.feeVnd === 0 ? t('common.free') : formatVnd(p.feeVnd)],
        [t('citizen.procedure.level'), levelText(p.level)],
      ]} />
      {online ? (
        <Link class="btn btn-block" href={`/nop/${encodeURIComponent(p.code)}`}>{t('citizen.procedure.submit')}</Link>
      ) : (
        <Alert>{t('citizen.procedure.offlineOnly')}</Alert>
      )}
      <section aria-labelledby="docs-h" style="margin-top:24px">
        <h2 id="docs-h">{t('citizen.procedure.documents')}</h2>
        <p class="help">{t('citizen.procedure.documentsHelp')}</p>
        <ul lang="vi">
          {p.requiredDocuments.map((d) => <li key={d}>{d}</li>)}
        </ul>
      </section>
      {p.level === 'partial_online' && <Alert tone="warn">{t('citizen.procedure.partialNote')}</Alert>}
      <p class="muted">{t('citizen.procedure.code', { code: p.code })}</p>
    </>
  );
}

export function levelText(level: Procedure['level']): string {
  return level === 'full_online' ? t('citizen.level.full') : level === 'partial_online' ? t('citizen.level.partial') : t('citizen.level.offline');
}
