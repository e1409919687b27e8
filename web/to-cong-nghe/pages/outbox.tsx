import type { VNode } from 'preact';
import { countOutbox, discard, type OutboxItem } from '../../../src/shared/field/outbox';
import { formatDateTime } from '../../lib/format';
import { pick, useLang } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { Alert, Button, Loading } from '../../ui/components';
import { describeCommand, fixHref } from '../describe';
import { tf } from '../i18n';
import { saveItems } from '../store/field-store';
import { useMember, type Member } from '../store/member';
import { syncNow } from '../store/sync-engine';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The outbox: what is still on the phone (pending), what the server refused (needs attention, with its reason in
 * the member's language, to correct or drop), and what went through in the last days (sent).
 */
export function OutboxPage(): VNode {
  useLang();
  const m = useMember();
  if (!m) return <Loading />;
  const { outbox, attachments, sync } = m.field;
  const c = countOutbox(outbox);
  const attention = outbox.filter((i) => i.state === 'needs_attention').sort((a, b) => a.seq - b.seq);
  const pending = outbox.filter((i) => i.state === 'pending').sort((a, b) => a.seq - b.seq);
  const sent = outbox.filter((i) => i.state === 'sent').sort((a, b) => (b.sentAt ?? 0) - (a.sentAt ?? 0)).slice(0, 30);
  const uploads = attachments.filter((a) => a.state !== 'sent');
  return (
    <>
      <h1>{tf('field.outbox.title')}</h1>
      <p data-testid="outbox-counts">{tf('field.outbox.counts', { pending: c.pending, attention: c.needsAttention, sent: c.sent })}</p>
      {!sync.online && <Alert tone="info">{tf('field.outbox.offline')}</Alert>}
      {sync.error && <Alert tone="error">{sync.error}</Alert>}
      {(c.pending > 0 || uploads.length > 0) && (
        <p><Button block busy={sync.running} onClick={() => void syncNow({ force: true })}>{tf('field.sync.sendNow')}</Button></p>
      )}
      {attention.length > 0 && (
        <section aria-labelledby="att-h">
          <h2 id="att-h">{tf('field.outbox.attention')}</h2>
          <ul class="rows">{attention.map((i) => <Attention key={i.commandId} item={i} m={m} />)}</ul>
        </section>
      )}
      <section aria-labelledby="pending-h">
        <h2 id="pending-h">{tf('field.outbox.pending')}</h2>
        {pending.length === 0 && uploads.length === 0 && <p class="muted">{tf('field.outbox.nothingPending')}</p>}
        <ul class="rows">
          {pending.map((i) => (
            <li key={i.commandId} class="card outbox-item" data-state="pending">
              <span class="badge badge-warn">{tf('field.outbox.statePending')}</span> {describeCommand(i, m.field.view)}
              <span class="muted">
                {tf('field.outbox.recorded', { time: formatDateTime(i.deviceAt) })}
                {i.attempts > 0 && <> · {tf('field.outbox.tries', { n: i.attempts, time: formatDateTime(iso(i.nextAttemptAt)) })}</>}
              </span>
              {i.reason && <span class="muted">{pick(i.reason)}</span>}
            </li>
          ))}
          {uploads.map((a) => (
            <li key={a.id} class="card outbox-item" data-state={a.state}>
              <span class={a.state === 'refused' ? 'badge badge-danger' : 'badge badge-warn'}>{a.state === 'refused' ? tf('field.outbox.stateRefused') : tf('field.outbox.statePending')}</span>{' '}
              {a.contentType === 'image/png' ? tf('field.outbox.signature') : tf('field.outbox.photo')}
              {a.reason && <span class="muted">{pick(a.reason)}</span>}
            </li>
          ))}
        </ul>
      </section>
      {sent.length > 0 && (
        <section aria-labelledby="sent-h">
          <h2 id="sent-h">{tf('field.outbox.sent')}</h2>
          <ul class="rows">
            {sent.map((i) => (
              <li key={i.commandId} class="card outbox-item" data-state="sent">
                <span class="badge badge-ok">{tf('field.outbox.stateSent')}</span> {describeCommand(i, m.field.view)}
                <span class="muted">{tf('field.outbox.sentAt', { time: formatDateTime(iso(i.sentAt ?? 0)) })}</span>
                {dossierCode(i) && <span>{tf('field.outbox.dossier')} <strong class="code">{dossierCode(i)}</strong></span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

export const dossierCode = (i: OutboxItem) => ((i.result as { dossier?: { code?: string } } | undefined)?.dossier?.code);

function Attention({ item, m }: { item: OutboxItem; m: Member }): VNode {
  const href = fixHref(item);
  return (
    <li class="card outbox-item" data-state="needs_attention">
      <span class="badge badge-danger">{tf('field.outbox.stateAttention')}</span> {describeCommand(item, m.field.view)}
      {item.reason && <Alert tone="warn">{pick(item.reason)}{item.reason.fields?.length ? <ul>{item.reason.fields.map((f) => <li key={f.path}>{pick(f)}</li>)}</ul> : null}</Alert>}
      <div class="row">
        {href && <Link class="btn" href={href}>{tf('field.outbox.fix')}</Link>}
        <Button variant="secondary" onClick={() => void saveItems([discard(item)])}>{tf('field.outbox.discard')}</Button>
      </div>
    </li>
  );
}
