import type { VNode } from 'preact';
import { pick } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { Alert, Button, Loading } from '../../ui/components';
import { tf } from '../i18n';
import { dossierCode } from '../pages/outbox';
import type { Member } from '../store/member';
import { syncNow } from '../store/sync-engine';

/**
 * After "submit": the dossier code as soon as the server has filed it; otherwise a plain word that it waits on the
 * phone and will be filed when there is a network (the code then shows in the outbox), or why the server refused it.
 */
export function AssistResult({ m, commandId }: { m: Member; commandId: string }): VNode {
  const item = m.field.outbox.find((i) => i.commandId === commandId);
  if (!item) return <Loading />;
  const code = dossierCode(item);
  if (item.state === 'sent' && code) {
    const result = item.result as { dossier: { status: string; dueAt: string | null } };
    return (
      <>
        <h1>{tf('field.assist.doneTitle')}</h1>
        <Alert tone="ok">{tf('field.assist.done')}</Alert>
        <p>{tf('field.assist.code')}:</p>
        <p class="code-big" data-testid="assist-dossier-code">{code}</p>
        <p class="muted">{tf('field.assist.tellCitizen')}</p>
        {result.dossier.dueAt && <p>{tf('field.assist.lookup')} <a href={`/tra-cuu/${encodeURIComponent(code)}`}>/tra-cuu/{code}</a></p>}
        <p><Link class="btn btn-block" href="/to-cong-nghe/">{tf('field.nav.home')}</Link></p>
      </>
    );
  }
  if (item.state === 'needs_attention') {
    return (
      <>
        <h1>{tf('field.assist.refusedTitle')}</h1>
        <Alert tone="error">{item.reason ? pick(item.reason) : ''}</Alert>
        <p><Link class="btn btn-block" href="/to-cong-nghe/hang-cho">{tf('field.nav.outbox')}</Link></p>
      </>
    );
  }
  return (
    <>
      <h1>{tf('field.assist.queuedTitle')}</h1>
      <Alert tone="info">{m.field.sync.running ? tf('field.assist.sending') : tf('field.assist.queued')}</Alert>
      {item.reason && <p class="muted">{pick(item.reason)}</p>}
      <div class="row">
        <Button busy={m.field.sync.running} onClick={() => void syncNow({ force: true })}>{tf('field.sync.sendNow')}</Button>
        <Link class="btn btn-secondary" href="/to-cong-nghe/hang-cho">{tf('field.nav.outbox')}</Link>
      </div>
    </>
  );
}
