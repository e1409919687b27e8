import { ChannelError, fetchWithTimeout, kindOfHttpStatus, readBody, requestIdOf, type ChannelAdapter, type OutgoingMessage } from './types';

/**
 * Zalo Notification Service: template messages sent by phone number through the
 * Official Account's API (POST {phone: 84…, template_id, template_data, tracking_id}
 * with the `access_token` header; the answer is {error: 0, data: {msg_id}} on success).
 * Each xaso template must be registered with Zalo under the same parameter names and
 * mapped in ZALO_ZNS_TEMPLATES; unmapped templates skip this channel.
 */
export interface ZaloZnsConfig {
  url: string;
  accessToken: string;
  templateIds: Record<string, string>;
  /** Zalo error codes meaning "this phone cannot get ZNS" (no Zalo account, invalid…): fall back. */
  recipientErrors: Set<number>;
  timeoutMs: number;
}

export function createZaloZnsChannel(cfg: ZaloZnsConfig): ChannelAdapter {
  return {
    channel: 'zalo',
    provider: 'zalo-zns',
    canSend: (m) => Boolean(m.to.phone && cfg.templateIds[m.template]),
    async send(m: OutgoingMessage) {
      const templateData = Object.fromEntries(Object.entries(m.params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
      const body = JSON.stringify({
        phone: `84${m.to.phone!.slice(1)}`,
        template_id: cfg.templateIds[m.template],
        template_data: templateData,
        tracking_id: requestIdOf(m.outboxId),
      });
      const res = await fetchWithTimeout(cfg.url, { method: 'POST', headers: { 'content-type': 'application/json', access_token: cfg.accessToken }, body }, cfg.timeoutMs);
      const text = await readBody(res, cfg.timeoutMs);
      if (!res.ok) throw new ChannelError(kindOfHttpStatus(res.status), `zalo answered ${res.status}`);
      let parsed: { error?: number; message?: string; data?: { msg_id?: string } };
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new ChannelError('temporary', 'zalo answered with something that is not JSON');
      }
      const code = Number(parsed.error ?? 0);
      if (code === 0) return { providerMessageId: parsed.data?.msg_id ?? requestIdOf(m.outboxId) };
      const detail = `zalo error ${code}: ${String(parsed.message ?? '').slice(0, 120)}`;
      throw new ChannelError(cfg.recipientErrors.has(code) ? 'permanent' : 'provider', detail);
    },
  };
}
