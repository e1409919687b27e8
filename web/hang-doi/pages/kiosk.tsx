import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { normalizeVietnamesePhone } from '../../../src/shared/validation/phone';
import { useLoad } from '../../citizen/use-load';
import { ApiError, newIdempotencyKey } from '../../lib/api/client';
import { getQueue, takeTicket, type QueueSnapshot, type Ticket } from '../../lib/api/queue';
import { getLang, useLang } from '../../lib/i18n';
import { Alert, Button, Loading, TextField } from '../../ui/components';
import { tq } from '../i18n';

type Group = QueueSnapshot['groups'][number];
/** The ticket stays on screen this long, then the kiosk is ready for the next person. */
const RESET_MS = 30_000;

/** The tablet at the door: pick a service group, optionally leave a phone for an SMS, get a big number. */
export default function KioskPage({ commune }: { commune: string }): VNode {
  useLang();
  const queue = useLoad(() => getQueue(commune), [commune]);
  const [group, setGroup] = useState<Group>();
  const [ticket, setTicket] = useState<Ticket>();
  const reset = () => (setTicket(undefined), setGroup(undefined), queue.reload());
  useEffect(() => {
    if (!ticket) return;
    const timer = setTimeout(reset, RESET_MS);
    return () => clearTimeout(timer);
  }, [ticket]);
  if (queue.error) return <><h1>{tq('queue.kiosk.title')}</h1><Alert tone="error">{queue.error.userMessage}</Alert><Button onClick={queue.reload}>{tq('queue.retry')}</Button></>;
  if (!queue.data) return <Loading />;
  if (ticket) return <TicketShown ticket={ticket} onDone={reset} />;
  if (group) return <PhoneStep commune={commune} group={group} onBack={() => setGroup(undefined)} onTicket={setTicket} />;
  const en = getLang() === 'en';
  return (
    <>
      <h1>{tq('queue.kiosk.title')}</h1>
      <p class="kiosk-lead">{tq('queue.kiosk.pick')}</p>
      <ul class="kiosk-groups">
        {queue.data.groups.map((g) => (
          <li key={g.key}>
            <button type="button" class="kiosk-group" onClick={() => setGroup(g)}>
              <span class="kiosk-letter" aria-hidden="true">{g.letter}</span>
              <span><strong>{en ? g.nameEn : g.name}</strong><span class="kiosk-waiting">{tq('queue.kiosk.waiting', { n: g.waiting })}</span></span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function PhoneStep({ commune, group, onBack, onTicket }: { commune: string; group: Group; onBack: () => void; onTicket: (t: Ticket) => void }): VNode {
  const [phone, setPhone] = useState('');
  const [key] = useState(newIdempotencyKey);
  const [error, setError] = useState<{ phone?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const take = async (withPhone: boolean) => {
    const normalized = withPhone ? normalizeVietnamesePhone(phone) : undefined;
    if (withPhone && !normalized) return setError({ phone: tq('queue.kiosk.phoneInvalid') });
    setBusy(true);
    setError({});
    try {
      onTicket(await takeTicket(commune, group.key, normalized, key));
    } catch (err) {
      setError({ form: err instanceof ApiError ? err.userMessage : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>{getLang() === 'en' ? group.nameEn : group.name}</h1>
      {error.form && <Alert tone="error">{error.form}</Alert>}
      <form onSubmit={(e) => (e.preventDefault(), void take(true))} noValidate>
        <TextField id="kiosk-phone" type="tel" inputMode="tel" autoComplete="off" label={tq('queue.kiosk.phone')} help={tq('queue.kiosk.phoneHelp')}
          value={phone} onValue={setPhone} error={error.phone} />
        <div class="kiosk-buttons">
          <Button type="submit" block busy={busy} disabled={!phone.trim()}>{tq('queue.kiosk.takeWithSms')}</Button>
          <Button variant="secondary" block busy={busy} onClick={() => void take(false)}>{tq('queue.kiosk.takeNoSms')}</Button>
          <Button variant="ghost" block onClick={onBack}>{tq('queue.back')}</Button>
        </div>
      </form>
    </>
  );
}

function TicketShown({ ticket, onDone }: { ticket: Ticket; onDone: () => void }): VNode {
  return (
    <section class="ticket" aria-labelledby="ticket-h">
      <h1 id="ticket-h">{tq('queue.kiosk.yourNumber')}</h1>
      <p class="ticket-number" data-testid="ticket-number">{ticket.number}</p>
      <p class="ticket-group">{getLang() === 'en' ? ticket.groupNameEn : ticket.groupName}</p>
      <p role="status">{ticket.ahead === 0 ? tq('queue.kiosk.nobodyAhead') : tq('queue.kiosk.ahead', { n: ticket.ahead })}</p>
      <p>{tq('queue.kiosk.watch')}</p>
      {ticket.smsRequested && <p>{tq('queue.kiosk.smsPromise')}</p>}
      <Button block onClick={onDone}>{tq('queue.kiosk.done')}</Button>
    </section>
  );
}
