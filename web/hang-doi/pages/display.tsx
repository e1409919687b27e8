import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { getCommune } from '../../lib/api/commune-admin';
import { subscribeQueue, type QueueCall, type QueueSnapshot } from '../../lib/api/queue';
import { getLang, useLang } from '../../lib/i18n';
import { tq } from '../i18n';

/** How long a fresh call stays highlighted on the board. */
const FLASH_MS = 8_000;

function useClock(): string {
  const [now, setNow] = useState(new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 15_000);
    return () => clearInterval(timer);
  }, []);
  return new Intl.DateTimeFormat(getLang() === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' }).format(now);
}

/**
 * The TV board: the number being served at each counter, in very large type, updated live over server-sent
 * events. Each new call is highlighted and read out by screen readers ("Mời số A012 đến Quầy 1").
 */
export default function DisplayPage({ commune }: { commune: string }): VNode {
  useLang();
  const [snap, setSnap] = useState<QueueSnapshot>();
  const [call, setCall] = useState<QueueCall>();
  const [live, setLive] = useState(true);
  const [name, setName] = useState('');
  const clock = useClock();
  useEffect(() => {
    getCommune(commune).then((c) => setName(c.fullName), () => undefined);
    return subscribeQueue(commune, { onSnapshot: setSnap, onCall: setCall, onState: setLive });
  }, [commune]);
  useEffect(() => {
    if (!call) return;
    const timer = setTimeout(() => setCall(undefined), FLASH_MS);
    return () => clearTimeout(timer);
  }, [call]);
  const en = getLang() === 'en';
  return (
    <div class="board">
      <header class="board-head">
        <h1>{tq('queue.board.title')}{name ? ` · ${name}` : ''}</h1>
        <p class="board-clock" aria-label={tq('queue.board.clock')}>{clock}</p>
      </header>
      {!live && <p class="board-offline" role="status">{tq('queue.board.reconnecting')}</p>}
      <p class="board-announce" aria-live="assertive" data-testid="board-announce">
        {call ? tq('queue.board.call', { number: call.number, counter: call.counterName }) : ''}
      </p>
      {!snap ? <p class="board-wait">{tq('queue.loading')}</p> : (
        <>
          <ul class="board-counters" aria-label={tq('queue.board.counters')}>
            {snap.counters.map((c) => (
              <li key={c.id} class={call?.counterNumber === c.number ? 'flash' : undefined} data-testid={`counter-${c.number}`}>
                <span class="board-counter">{c.name}</span>
                <span class="board-number">{c.current?.number ?? '—'}</span>
              </li>
            ))}
          </ul>
          <section class="board-side" aria-label={tq('queue.board.waiting')}>
            <h2>{tq('queue.board.waiting')}</h2>
            <ul>
              {snap.groups.map((g) => <li key={g.key}><span>{g.letter} · {en ? g.nameEn : g.name}</span><strong>{g.waiting}</strong></li>)}
            </ul>
            {snap.recentCalls.length > 0 && (
              <>
                <h2>{tq('queue.board.recent')}</h2>
                <ul>{snap.recentCalls.slice(0, 5).map((r) => <li key={`${r.number}-${r.at}`}><span>{r.number}</span><strong>{tq('queue.board.counterN', { n: r.counterNumber })}</strong></li>)}</ul>
              </>
            )}
          </section>
        </>
      )}
    </div>
  );
}
