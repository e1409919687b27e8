import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processOutboxOnce } from '../../platform/outbox';
import { loadConfig } from '../../server/config';
import { bearer, createTestApp, type TestApp } from '../../../tests/support/test-app';
import { submitAsCitizen } from '../../../tests/support/fixtures';
import { notificationHandlers } from './index';

/** A real SMTP server in the test, as a mail provider would be; it refuses one mailbox with 550. */
interface Mail {
  to: string[];
  raw: string;
}

let t: TestApp;
let server: SMTPServer;
let port: number;
const mails: Mail[] = [];

beforeAll(async () => {
  t = await createTestApp();
  server = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address, _session, cb) {
      if (address.address.startsWith('mat-hop-thu')) return cb(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 }));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        cb();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  port = (server.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.close();
});

/** Reads a nodemailer message back: RFC 2047 subject, base64 text body. */
function readMail(raw: string): { subject: string; text: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const subjectLine = /^Subject: (.*)$/m.exec(unfolded)?.[1] ?? '';
  const subject = subjectLine.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));
  return { subject, text: Buffer.from(rest.join('\n\n').replace(/\s+/g, ''), 'base64').toString('utf8') };
}

async function deliverAll(handlers: ReturnType<typeof notificationHandlers>) {
  while ((await processOutboxOnce({ db: t.deps.db, handlers, now: t.deps.now, log: { info() {}, warn() {} } })) > 0);
}

async function preferEmail(phone: string, email: string) {
  const res = await t.app.inject({ method: 'PUT', url: '/api/me/preferences', headers: bearer(await t.citizenToken(phone)), payload: { preferredChannel: 'email', email } });
  expect(res.statusCode).toBe(200);
}

describe('e-mail over SMTP', () => {
  it('delivers the citizen’s message through a real SMTP server, in Vietnamese with the English below', async () => {
    const deps = { ...t.deps, config: loadConfig({ XASO_DEMO: '1', LOG_LEVEL: 'silent', SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: 'UBND xa <mot-cua@xa.example>' }) };
    const handlers = notificationHandlers(deps);
    await deliverAll(handlers); // what the demo seed left behind
    await preferEmail('0900000003', 'an.nguyen@example.vn');
    const sub = await submitAsCitizen(t, '0900000003');
    await deliverAll(handlers);

    const mine = mails.filter((m) => m.to.includes('an.nguyen@example.vn'));
    expect(mine).toHaveLength(1);
    const mail = readMail(mine[0]!.raw);
    expect(mail.subject).toBe(`[xaso] Hồ sơ đã nộp – ${sub.code}`);
    expect(mail.text).toContain(`Hồ sơ ${sub.code} (`);
    expect(mail.text).toContain('đã được nộp. Tra cứu:');
    expect(mail.text).toContain(`Dossier ${sub.code}`);
    expect(mine[0]!.raw).toMatch(/^From: UBND xa <mot-cua@xa\.example>/m);

    const log = await t.app.inject({ method: 'GET', url: `/api/dossiers/${encodeURIComponent(sub.code)}/notifications`, headers: bearer(await t.staffToken('demo.officer')) });
    const item = log.json().items[0];
    expect(item).toMatchObject({ template: 'dossier.submitted', status: 'delivered', deliveredVia: 'email', recipient: '090*****03' });
    expect(item.tries[0]).toMatchObject({ channel: 'email', provider: 'smtp', status: 'delivered', recipient: 'an***@example.vn' });
  });

  it('falls back to the in-app inbox when the mail server refuses the mailbox (550)', async () => {
    const deps = { ...t.deps, config: loadConfig({ XASO_DEMO: '1', LOG_LEVEL: 'silent', SMTP_URL: `smtp://127.0.0.1:${port}` }) };
    const handlers = notificationHandlers(deps);
    await preferEmail('0900000004', 'mat-hop-thu@example.vn');
    const sub = await submitAsCitizen(t, '0900000004');
    await deliverAll(handlers);

    expect(mails.some((m) => m.to.includes('mat-hop-thu@example.vn'))).toBe(false);
    const inbox = await t.app.inject({ method: 'GET', url: '/api/me/inbox', headers: bearer(await t.citizenToken('0900000004')) });
    expect(inbox.json().items.filter((m: { subjectRef: string }) => m.subjectRef === sub.code).map((m: { template: string }) => m.template)).toEqual(['dossier.submitted']);
    const log = await t.app.inject({ method: 'GET', url: `/api/dossiers/${encodeURIComponent(sub.code)}/notifications`, headers: bearer(await t.staffToken('demo.officer')) });
    expect(log.json().items[0].tries.map((x: { channel: string; status: string }) => `${x.channel}:${x.status}`)).toEqual(['email:failed_permanent', 'inapp:delivered']);
  });
});
