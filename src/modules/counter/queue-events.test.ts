import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../../../tests/support/test-app';
import { demoCommuneCode } from '../../../tests/support/fixtures';

let t: TestApp;
let baseUrl: string;
let closed = false;
beforeAll(async () => {
  t = await createTestApp();
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  if (!closed) await t.close();
});

/** Reads server-sent events from a streaming response, one parsed event at a time. */
function eventReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return async function next(): Promise<{ event: string; data: unknown } | null> {
    for (;;) {
      const cut = buffer.indexOf('\n\n');
      if (cut >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) return { event, data: JSON.parse(data) };
        continue; // retry hints and heartbeats
      }
      const { value, done } = await reader.read();
      if (done) return null;
      buffer += decoder.decode(value, { stream: true });
    }
  };
}

describe('live display feed (server-sent events)', () => {
  it('answers 404 for an unknown commune before opening a stream', async () => {
    const res = await fetch(`${baseUrl}/api/communes/99999/queue/events`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.vi).toContain('99999');
  });

  it('opens with a snapshot, delivers a call as it happens, and ends cleanly when the server stops', async () => {
    const commune = await demoCommuneCode(t);
    const res = await fetch(`${baseUrl}/api/communes/${commune}/queue/events`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const next = eventReader(res.body!);
    const first = await next();
    expect(first?.event).toBe('snapshot');
    const counter = (first!.data as { counters: { id: string; number: number }[] }).counters.find((c) => c.number === 2)!;

    const ticket = (await t.app.inject({ method: 'POST', url: `/api/communes/${commune}/queue/tickets`, payload: { groupKey: 'chung_thuc' } })).json();
    const afterTicket = await next();
    expect(afterTicket?.event).toBe('snapshot');
    expect((afterTicket!.data as { groups: { key: string; waiting: number }[] }).groups.find((g) => g.key === 'chung_thuc')!.waiting).toBe(1);

    await t.app.inject({ method: 'POST', url: `/api/communes/${commune}/queue/counters/${counter.id}/call-next`, headers: bearer(await t.staffToken('demo.officer')) });
    const call = await next();
    expect(call).toEqual({ event: 'call', data: expect.objectContaining({ number: ticket.number, counterNumber: 2, recall: false }) });
    const board = await next();
    expect((board!.data as { counters: { number: number; current: { number: string } | null }[] }).counters.find((c) => c.number === 2)!.current!.number).toBe(ticket.number);

    const started = Date.now();
    await t.close();
    closed = true;
    expect(await next()).toBeNull(); // the stream ended instead of hanging
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
