import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BACKOFF_BASE_MS, BACKOFF_CAP_MS, attachmentFailed, attachmentUploaded, backoffMs, countOutbox, discard, dueItems, isDue, newOutboxItem, nextWake,
  onSendFailed, onServerAnswer, pruneOutbox, replaceWith, type AttachmentItem, type OutboxItem, type ServerAnswer,
} from './outbox';

const reason = { code: 'X', vi: 'Lý do', en: 'Reason' };
const answerArb: fc.Arbitrary<ServerAnswer> = fc.oneof(
  fc.constant<ServerAnswer>({ status: 'applied', result: { ok: true } }),
  fc.constant<ServerAnswer>({ status: 'needs_attention', reason }),
  fc.constant<ServerAnswer>({ status: 'pending', reason }),
);
/** What can happen to one send of an item: an answer, or a lost request/answer. */
const eventArb = fc.oneof(answerArb.map((a) => ({ kind: 'answer' as const, a })), fc.constant({ kind: 'lost' as const }));
const item = (n: number): OutboxItem => newOutboxItem({ commandId: `cmd-${n}`, type: 'support_act.log', payload: { n }, deviceAt: '2026-11-20T02:00:00.000Z' }, n);

function play(start: OutboxItem, events: { kind: 'answer' | 'lost'; a?: ServerAnswer }[], t0 = 1_000_000) {
  let it = start;
  const trail = [it];
  events.forEach((e, i) => {
    it = e.kind === 'lost' ? onSendFailed(it, t0 + i * 1000) : onServerAnswer(it, e.a!, t0 + i * 1000);
    trail.push(it);
  });
  return trail;
}

describe('outbox back-off', () => {
  it('waits at least 4 s, never more than the cap, and never less after more failures', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (n, rand) => {
      const d = backoffMs(n, rand);
      expect(d).toBeGreaterThanOrEqual(BACKOFF_BASE_MS * 0.8);
      expect(d).toBeLessThanOrEqual(BACKOFF_CAP_MS);
      expect(backoffMs(n + 1, rand)).toBeGreaterThanOrEqual(d);
    }));
  });

  it('reaches the cap after a dozen failures: a phone left offline retries every ten minutes or so, not every second', () => {
    expect(backoffMs(12, 0.5)).toBe(BACKOFF_CAP_MS);
    expect(backoffMs(1, 0.5)).toBe(BACKOFF_BASE_MS);
  });
});

describe('outbox state of one item', () => {
  it('once sent, stays sent with its first result whatever answers come after (never resent)', () => {
    fc.assert(fc.property(fc.array(eventArb, { maxLength: 12 }), (events) => {
      const trail = play(item(1), events);
      const firstSent = trail.findIndex((x) => x.state === 'sent');
      if (firstSent < 0) return;
      for (const later of trail.slice(firstSent)) {
        expect(later).toBe(trail[firstSent]);
        expect(isDue(later, Number.MAX_SAFE_INTEGER)).toBe(false);
      }
    }));
  });

  it('keeps its command id, never loses tries, and is settled only by an answer of the server', () => {
    fc.assert(fc.property(fc.array(eventArb, { maxLength: 12 }), (events) => {
      const trail = play(item(1), events);
      trail.forEach((x, i) => {
        expect(x.commandId).toBe('cmd-1');
        if (i > 0) expect(x.attempts).toBeGreaterThanOrEqual(trail[i - 1]!.attempts);
      });
      const settledAt = trail.findIndex((x) => x.state !== 'pending');
      if (settledAt > 0) expect(events[settledAt - 1]!.kind).toBe('answer');
      if (events.every((e) => e.kind === 'lost')) expect(trail.at(-1)!.state).toBe('pending');
    }));
  });

  it('a lost request or a "pending" answer puts the item off by the back-off, and "send now" still sends it', () => {
    const lost = onSendFailed(item(1), 1000);
    expect(lost).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: 1000 + BACKOFF_BASE_MS });
    expect(dueItems([lost], 1001)).toEqual([]);
    expect(dueItems([lost], 1001, true)).toEqual([lost]);
    expect(dueItems([lost], 1000 + BACKOFF_BASE_MS)).toEqual([lost]);
    const waiting = onServerAnswer(item(2), { status: 'pending', reason }, 1000);
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1, reason });
  });
});

describe('fixing or dropping a refused item', () => {
  it('only a refused item can be discarded or replaced; the correction is a new, due command that points back', () => {
    fc.assert(fc.property(fc.array(eventArb, { maxLength: 6 }), (events) => {
      const it = play(item(1), events).at(-1)!;
      const fix = { commandId: 'cmd-fix', type: it.type, payload: { n: 2 }, deviceAt: it.deviceAt };
      const replaced = replaceWith(it, fix, 9);
      if (it.state !== 'needs_attention') {
        expect(discard(it)).toBe(it);
        expect(replaced).toBeUndefined();
        return;
      }
      expect(discard(it).state).toBe('discarded');
      const [old, corrected] = replaced!;
      expect(old).toMatchObject({ state: 'replaced', replacedBy: 'cmd-fix', commandId: 'cmd-1' });
      expect(corrected).toMatchObject({ state: 'pending', commandId: 'cmd-fix', fixes: 'cmd-1', seq: 9, attempts: 0 });
      expect(dueItems([old, corrected], 0)).toEqual([corrected]);
    }));
  });

  it('refuses a "correction" that reuses the refused id (the server would give the same refusal)', () => {
    const refused = onServerAnswer(item(1), { status: 'needs_attention', reason }, 0);
    expect(replaceWith(refused, { commandId: 'cmd-1', type: 'x', payload: {}, deviceAt: refused.deviceAt }, 2)).toBeUndefined();
  });
});

describe('the outbox as a whole', () => {
  it('sends due items oldest first, counts each state once, and wakes for the earliest retry', () => {
    fc.assert(fc.property(fc.array(fc.array(eventArb, { maxLength: 4 }), { minLength: 1, maxLength: 15 }), fc.nat(20_000_000), (histories, now) => {
      const items = histories.map((events, n) => play(item(n), events).at(-1)!).reverse();
      const due = dueItems(items, now);
      expect(due.map((x) => x.seq)).toEqual([...due.map((x) => x.seq)].sort((a, b) => a - b));
      expect(due.every((x) => x.state === 'pending' && x.nextAttemptAt <= now)).toBe(true);
      const c = countOutbox(items);
      expect(c.pending + c.sent + c.needsAttention).toBe(items.length);
      const wake = nextWake(items);
      if (c.pending === 0) expect(wake).toBeUndefined();
      else expect(wake).toBe(Math.min(...items.filter((x) => x.state === 'pending').map((x) => x.nextAttemptAt)));
    }));
  });

  it('drops settled items after a week, never a pending or refused one', () => {
    const now = Date.parse('2026-12-01T00:00:00Z');
    const old = { ...item(1), state: 'sent' as const, sentAt: now - 8 * 86_400_000 };
    const fresh = { ...item(2), state: 'sent' as const, sentAt: now - 86_400_000 };
    const waiting = { ...item(3), deviceAt: '2026-01-01T00:00:00.000Z' };
    const refused = { ...item(4), state: 'needs_attention' as const, deviceAt: '2026-01-01T00:00:00.000Z' };
    expect(pruneOutbox([old, fresh, waiting, refused], now).map((x) => x.seq)).toEqual([2, 3, 4]);
  });

  it('simulated flaky network: every command is applied once on the server and ends sent on the phone', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 20 }), fc.infiniteStream(fc.integer({ min: 0, max: 9 })), (n, dice) => {
      let items = Array.from({ length: n }, (_, i) => item(i));
      const applications = new Map<string, number>();
      let clock = 0;
      for (let round = 0; round < 200 && countOutbox(items).pending > 0; round++) {
        clock += BACKOFF_CAP_MS;
        for (const due of dueItems(items, clock)) {
          // 30 % of requests are lost before the server, 30 % of answers on the way back.
          const dropBefore = dice.next().value < 3;
          const dropAfter = dice.next().value < 3;
          // The server applies a command once by its id (decision 0011 §3); a resend gets the stored answer.
          if (!dropBefore && !applications.has(due.commandId)) applications.set(due.commandId, 1);
          const next = dropBefore || dropAfter ? onSendFailed(due, clock) : onServerAnswer(due, { status: 'applied' }, clock);
          items = items.map((x) => (x.commandId === due.commandId ? next : x));
        }
      }
      expect(countOutbox(items)).toEqual({ pending: 0, sent: n, needsAttention: 0 });
      expect(applications.size).toBe(n);
    }));
  });
});

describe('attachments, retried on their own', () => {
  const att = (): AttachmentItem => ({ id: 'a', contentType: 'image/png', state: 'pending', attempts: 0, nextAttemptAt: 0, createdAt: 0 });
  it('backs off after a failure, settles once uploaded, and a refusal is final', () => {
    const failed = attachmentFailed(att(), 100);
    expect(failed).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: 100 + BACKOFF_BASE_MS });
    const sent = attachmentUploaded(failed);
    expect(sent.state).toBe('sent');
    expect(attachmentFailed(sent, 200)).toBe(sent);
    const refused = attachmentFailed(att(), 100, 0.5, reason);
    expect(refused).toMatchObject({ state: 'refused', reason });
    expect(attachmentUploaded(refused)).toBe(refused);
  });
});
