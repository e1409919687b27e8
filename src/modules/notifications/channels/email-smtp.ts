import nodemailer from 'nodemailer';
import { ChannelError, requestIdOf, type ChannelAdapter, type OutgoingMessage } from './types';

/**
 * E-mail over SMTP (nodemailer). SMTP_URL is smtp://user:pass@host:587 (STARTTLS when
 * offered) or smtps://…:465. Plain text only, Vietnamese then English: it reads well
 * on any phone's mail app and costs the least data.
 */
export interface SmtpConfig {
  url: string;
  from: string;
  timeoutMs: number;
}

export function createEmailChannel(cfg: SmtpConfig): ChannelAdapter {
  const u = new URL(cfg.url);
  const transport = nodemailer.createTransport({
    host: u.hostname,
    port: Number(u.port) || (u.protocol === 'smtps:' ? 465 : 587),
    secure: u.protocol === 'smtps:',
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    connectionTimeout: cfg.timeoutMs,
    greetingTimeout: cfg.timeoutMs,
    socketTimeout: cfg.timeoutMs,
  });
  return {
    channel: 'email',
    provider: 'smtp',
    canSend: (m) => Boolean(m.to.email),
    async send(m: OutgoingMessage) {
      try {
        const info = await transport.sendMail({
          from: cfg.from,
          to: m.to.email,
          subject: `[xaso] ${m.labelVi}${m.subjectRef ? ` – ${m.subjectRef}` : ''}`,
          text: `${m.text.vi}\n\n---\n${m.text.en}\n`,
          textEncoding: 'base64',
          headers: { 'X-Xaso-Message-Id': requestIdOf(m.outboxId) },
        });
        return { providerMessageId: info.messageId };
      } catch (err) {
        throw classifySmtpError(err as { code?: string; responseCode?: number; message?: string });
      }
    },
  };
}

/** RFC 5321 §4.2: 4yz is transient, 5yz permanent; 550–553 concern the mailbox itself. */
export function classifySmtpError(err: { code?: string; responseCode?: number; message?: string }): ChannelError {
  const text = `smtp ${err.code ?? ''} ${err.responseCode ?? ''}`.trim();
  if (err.code === 'EENVELOPE' || (err.responseCode && err.responseCode >= 550 && err.responseCode <= 553)) {
    return new ChannelError('permanent', `${text}: the mailbox cannot receive mail`);
  }
  if (err.code === 'EAUTH' || (err.responseCode && err.responseCode >= 500)) return new ChannelError('provider', `${text}: the mail server refused us`);
  // Mail servers quote addresses in their replies; the log keeps none (Decree 13/2023).
  return new ChannelError('temporary', `${text}: ${(err.message ?? '').replace(/[^\s<>]+@[^\s<>]+/g, '***@***').slice(0, 120)}`);
}
