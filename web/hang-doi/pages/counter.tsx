import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api/client';
import { deskAction, getQueue, subscribeQueue, type DeskOp, type QueueSnapshot } from '../../lib/api/queue';
import { getLang, useLang } from '../../lib/i18n';
import { useMe } from '../../lib/session';
import { Alert, Button, Loading, SelectField, TextField } from '../../ui/components';
import { tq } from '../i18n';

const COUNTER_KEY = 'xaso.counter';

/** The officer's counter: call the next number, call again, skip an absent person, or finish (linked to a dossier). */
export default function CounterPage(): VNode {
  useLang();
  const me = useMe();
  useEffect(() => {
    if (me === null || (me && me.kind !== 'staff')) location.assign(`/can-bo/dang-nhap?next=${encodeURIComponent('/hang-doi/quay')}`);
  }, [me]);
  if (!me || me.kind !== 'staff') return <Loading />;
  if (!me.communeCode) return <><h1>{tq('queue.counter.title')}</h1><Alert tone="warn">{tq('queue.counter.noCommune')}</Alert></>;
  return <Counter commune={me.communeCode} />;
}

function Counter({ commune }: { commune: string }): VNode {
  const [snap, setSnap] = useState<QueueSnapshot>();
  const [counterId, setCounterId] = useState(() => localStorage.getItem(COUNTER_KEY) ?? '');
  const [dossierCode, setDossierCode] = useState('');
  const [error, setError] = useState<string>();
  const [info, setInfo] = useState<string>();
  const [busy, setBusy] = useState<DeskOp>();
  useEffect(() => {
    getQueue(commune).then(setSnap, (err: ApiError) => setError(err.userMessage));
    return subscribeQueue(commune, { onSnapshot: setSnap, onCall: () => undefined });
  }, [commune]);
  const choose = (id: string) => {
    setCounterId(id);
    localStorage.setItem(COUNTER_KEY, id);
  };
  if (!snap) return error ? <Alert tone="error">{error}</Alert> : <Loading />;
  const counter = snap.counters.find((c) => c.id === counterId);
  const run = async (op: DeskOp) => {
    if (!counter) return;
    setBusy(op);
    setError(undefined);
    setInfo(undefined);
    try {
      const res = await deskAction(commune, counter.id, op, op === 'serve' && dossierCode.trim() ? { dossierCode: dossierCode.trim() } : undefined);
      setSnap(res.snapshot);
      if (op === 'call-next' && !res.ticket) setInfo(tq('queue.counter.nobody'));
      if (op === 'serve') setDossierCode('');
    } catch (err) {
      setError(err instanceof ApiError ? err.userMessage : String(err));
    } finally {
      setBusy(undefined);
    }
  };
  const en = getLang() === 'en';
  const waiting = snap.groups.filter((g) => counter?.groupKeys.includes(g.key));
  return (
    <>
      <h1>{tq('queue.counter.title')}</h1>
      <SelectField id="counter-select" label={tq('queue.counter.which')} value={counterId} onValue={choose} required
        options={snap.counters.map((c) => ({ value: c.id, label: c.name }))} />
      {counter && (
        <>
          <section class="card counter-now" aria-labelledby="now-h">
            <h2 id="now-h">{tq('queue.counter.now')}</h2>
            <p class="counter-number" data-testid="current-number" aria-live="polite">{counter.current?.number ?? '—'}</p>
            {error && <Alert tone="error">{error}</Alert>}
            {info && <Alert tone="info">{info}</Alert>}
            {!counter.current ? (
              <Button block busy={busy === 'call-next'} onClick={() => void run('call-next')}>{tq('queue.counter.next')}</Button>
            ) : (
              <>
                <TextField id="serve-dossier" label={tq('queue.counter.dossier')} help={tq('queue.counter.dossierHelp')} value={dossierCode} onValue={setDossierCode} autoComplete="off" />
                <div class="kiosk-buttons">
                  <Button block busy={busy === 'serve'} onClick={() => void run('serve')}>{tq('queue.counter.served')}</Button>
                  <Button block variant="secondary" busy={busy === 'recall'} onClick={() => void run('recall')}>{tq('queue.counter.recall')}</Button>
                  <Button block variant="danger" busy={busy === 'skip'} onClick={() => void run('skip')}>{tq('queue.counter.skip')}</Button>
                  <a class="btn btn-ghost btn-block" href="/can-bo/tiep-nhan" target="_blank" rel="noopener">{tq('queue.counter.intake')}</a>
                </div>
              </>
            )}
          </section>
          <h2>{tq('queue.counter.waiting')}</h2>
          <ul class="list-plain">{waiting.map((g) => <li key={g.key}>{g.letter} · {en ? g.nameEn : g.name}: <strong>{g.waiting}</strong></li>)}</ul>
        </>
      )}
      <p><a href={`/hang-doi/${commune}/man-hinh`} target="_blank" rel="noopener">{tq('queue.home.display')}</a></p>
    </>
  );
}
