import type { TemplateParams } from '../templates';

export const channelNames = ['sms', 'zalo', 'email', 'inapp'] as const;
export type ChannelName = (typeof channelNames)[number];

export interface OutgoingMessage {
  outboxId: number;
  template: string;
  labelVi: string;
  to: { phone?: string; email?: string; citizenId?: string };
  text: { vi: string; en: string };
  /** The raw parameters, for providers whose templates are registered with them (Zalo ZNS). */
  params: TemplateParams;
  subjectRef: string | null;
  communeCode: string | null;
}

export interface SendResult {
  /** The provider's id of the message, matched by its status callbacks. */
  providerMessageId?: string;
}

/**
 * How one channel failed: `temporary` (time-out, 5xx, connection refused: retry later,
 * counts against the circuit breaker), `permanent` (this recipient cannot be reached
 * on this channel: fall back to the next), `provider` (the provider refused us, e.g. a
 * bad token or no credit: fall back to the next channel too).
 */
export class ChannelError extends Error {
  constructor(
    readonly kind: 'temporary' | 'permanent' | 'provider',
    message: string,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}

export interface ChannelAdapter {
  channel: ChannelName;
  /** e.g. 'smtp', 'sms-http', 'zalo-zns', 'inbox', 'local' (the demo channel). */
  provider: string;
  /** Can this message go out on this channel at all (address known, template mapped)? */
  canSend(message: OutgoingMessage): boolean;
  send(message: OutgoingMessage): Promise<SendResult>;
}

/** The stable id xaso gives a message on every retry, so providers that deduplicate by request id send it once. */
export const requestIdOf = (outboxId: number) => `xaso-${outboxId}`;

/** HTTP status → failure kind for the HTTP providers. */
export function kindOfHttpStatus(status: number): ChannelError['kind'] {
  if (status === 408 || status === 429 || status >= 500) return 'temporary';
  return 'provider';
}

/** fetch with a hard time-out; a time-out or network failure is temporary. */
export async function fetchWithTimeout(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const name = (err as Error)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') throw new ChannelError('temporary', `timed out after ${timeoutMs} ms`);
    throw new ChannelError('temporary', `network error: ${(err as Error)?.message ?? String(err)}`);
  }
}

/** Reads a response body with the same time budget (a slow body is a time-out too). */
export async function readBody(res: Response, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ChannelError('temporary', `response body timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([res.text(), timeout]);
  } catch (err) {
    if (err instanceof ChannelError) throw err;
    throw new ChannelError('temporary', `could not read the response: ${(err as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}
