import type { AddressInfo } from 'node:net';
import { DEMO_COMMUNE_CODE } from '../src/modules/admin-units';
import { DEMO_CITIZEN_PHONES } from '../src/modules/auth';
import type { AppDeps } from '../src/platform/http';
import { buildApp, type App } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { seedDatabase } from '../src/server/seed';
import type { EngineDb } from './engines';

export const DEMO_PROCEDURE = '2.000908'; // full online, no fee (tests/support/fixtures.ts)
const SAMPLE_FILE_ID = 'file-0000-demo-0001';

export interface RunningApp {
  app: App;
  deps: AppDeps;
  baseUrl: string;
  close(): Promise<void>;
}

/** The real app on the engine's database: demo seed, silent logs, real HTTP on 127.0.0.1. */
export async function startApp(engine: EngineDb): Promise<RunningApp> {
  const config = loadConfig({
    XASO_DEMO: '1',
    LOG_LEVEL: 'silent',
    DEMO_PASSWORD: 'xaso-demo',
    DATABASE_URL: engine.databaseUrl,
    PORT: '0',
    HOST: '127.0.0.1',
  });
  const { app, deps } = await buildApp({ database: engine.database, config, logger: false });
  await seedDatabase(deps, { demo: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, deps, baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}

async function call(baseUrl: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(baseUrl + path, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** Demo citizen sign-in over HTTP: the OTP comes back as devCode in demo mode. */
export async function citizenToken(baseUrl: string, phone: string): Promise<string> {
  const sent = await call(baseUrl, 'POST', '/api/auth/citizen/otp', { phone });
  const verified = await call(baseUrl, 'POST', '/api/auth/citizen/verify', { phone, code: sent.devCode });
  return verified.token as string;
}

export async function citizenTokens(baseUrl: string, count: number): Promise<{ phone: string; token: string }[]> {
  const out: { phone: string; token: string }[] = [];
  for (const phone of DEMO_CITIZEN_PHONES.slice(0, count)) out.push({ phone, token: await citizenToken(baseUrl, phone) });
  return out;
}

interface FormField {
  key: string;
  type: string;
  required: boolean;
  options?: { value: string }[];
}

/** A valid submission body for the demo procedure, built like tests/support/fixtures.ts does. */
export async function submissionBody(baseUrl: string, phone: string): Promise<Record<string, unknown>> {
  const procedure = await call(baseUrl, 'GET', `/api/procedures/${DEMO_PROCEDURE}`);
  const form = procedure.form as { fields: FormField[] };
  const fields: Record<string, unknown> = {};
  for (const f of form.fields.filter((x) => x.required)) {
    fields[f.key] = {
      text: 'Nguyễn Văn An', textarea: 'Nội dung', date: '2020-05-17', number: 1,
      select: f.options?.[0]?.value, checkbox: true, file: [SAMPLE_FILE_ID],
    }[f.type];
  }
  return {
    procedureCode: DEMO_PROCEDURE,
    communeCode: DEMO_COMMUNE_CODE,
    applicant: { fullName: 'Nguyễn Văn An', idNumber: '051090012345', phone },
    fields,
  };
}
