/** Test helpers of this module (imported by tests only). */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StaffRole } from '../../platform/auth';
import { hashPassword, staffAccounts } from '../auth';
import type { TestApp } from '../../../tests/support/test-app';

/** A staff account of another commune (00004, province 01), signed in. */
export async function otherCommuneToken(t: TestApp, role: StaffRole = 'officer'): Promise<string> {
  const username = `other.${role}.${Math.random().toString(36).slice(2, 8)}`;
  await t.database.db.insert(staffAccounts).values({
    id: crypto.randomUUID(), username, passwordHash: await hashPassword('other-pass'), fullName: 'Cán bộ xã khác',
    role, communeCode: '00004', provinceCode: '01', createdAt: new Date(),
  });
  const login = await t.app.inject({ method: 'POST', url: '/api/auth/staff/login', payload: { username, password: 'other-pass' } });
  return login.json().token as string;
}

export interface RecordedRequest {
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A local HTTP server answering with `respond`, recording every request. */
export async function startLocalServer(respond: (r: RecordedRequest) => { status: number; body: string } | Promise<{ status: number; body: string }>) {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const r = { url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
    requests.push(r);
    const out = await respond(r);
    res.writeHead(out.status, { 'content-type': 'application/json' }).end(out.body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
