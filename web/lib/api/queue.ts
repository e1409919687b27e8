import type { z } from 'zod';
import type * as c from '../../../src/modules/counter/counter.contracts';
import { request } from './client';

export type QueueSnapshot = z.infer<typeof c.queueSnapshot>;
export type Ticket = z.infer<typeof c.ticketResponse>;
export type DeskResult = z.infer<typeof c.deskResponse>;
export type QueueConfig = z.infer<typeof c.queueConfigResponse>;
export type QueueCall = { number: string; groupKey: string; counterNumber: number; counterName: string; recall: boolean; at: string };

const base = (commune: string) => `/api/communes/${commune}/queue`;

export const getQueue = (commune: string) => request<QueueSnapshot>('GET', base(commune));

/** One key per press of the kiosk button: a retried press never prints two tickets. */
export const takeTicket = (commune: string, groupKey: string, phone: string | undefined, idempotencyKey: string) =>
  request<Ticket>('POST', `${base(commune)}/tickets`, { body: { groupKey, ...(phone ? { phone } : {}) }, headers: { 'idempotency-key': idempotencyKey }, retries: 2 });

export type DeskOp = 'call-next' | 'recall' | 'skip' | 'serve';
export const deskAction = (commune: string, counterId: string, op: DeskOp, body?: { dossierCode?: string }) =>
  request<DeskResult>('POST', `${base(commune)}/counters/${counterId}/${op}`, { body: body ?? {} });

export const getQueueConfig = (commune: string) => request<QueueConfig>('GET', `${base(commune)}/config`);
export const saveQueueConfig = (commune: string, body: z.input<typeof c.queueConfigBody>) =>
  request<QueueConfig>('PUT', `${base(commune)}/config`, { body });

/**
 * Live queue events (server-sent events). The browser's EventSource reconnects by itself after a dropped
 * connection; `onState` tells the page whether it is live, so the board can say "reconnecting".
 */
export function subscribeQueue(commune: string, handlers: {
  onSnapshot: (s: QueueSnapshot) => void;
  onCall: (c: QueueCall) => void;
  onState?: (live: boolean) => void;
}): () => void {
  const source = new EventSource(`${base(commune)}/events`);
  source.addEventListener('snapshot', (e) => handlers.onSnapshot(JSON.parse((e as MessageEvent<string>).data)));
  source.addEventListener('call', (e) => handlers.onCall(JSON.parse((e as MessageEvent<string>).data)));
  source.onopen = () => handlers.onState?.(true);
  source.onerror = () => handlers.onState?.(false);
  return () => source.close();
}
