import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/db';
import { buildApp, type App } from '../../src/server/app';
import type { AppDeps } from '../../src/platform/http';
import { adminQuery, randomDbName, testConfig, withDatabase } from './template';

export interface TestApp {
  app: App;
  deps: AppDeps;
  database: Database;
  close(): Promise<void>;
  /** Bearer token of a seeded demo staff account, e.g. 'demo.officer'. */
  staffToken(username: string): Promise<string>;
  /** Bearer token of a demo citizen, signed in with phone + one-time code. */
  citizenToken(phone: string): Promise<string>;
}

/**
 * The whole app on a private copy of the seeded template database, on the engine
 * this run targets (PGlite by default, PostgreSQL when DATABASE_URL is set).
 */
export async function createTestApp(opts: { now?: () => Date } = {}): Promise<TestApp> {
  const { database, drop } = await openCopy();
  const { app, deps } = await buildApp({ database, config: testConfig(), now: opts.now, logger: false });
  await app.ready();
  const tokens = new Map<string, string>();
  return {
    app,
    deps,
    database,
    async close() {
      await app.close();
      await database.close();
      await drop();
    },
    async staffToken(username) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const res = await app.inject({ method: 'POST', url: '/api/auth/staff/login', payload: { username, password: 'xaso-demo' } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
      const token = res.json().token as string;
      tokens.set(username, token);
      return token;
    },
    async citizenToken(phone) {
      const cached = tokens.get(phone);
      if (cached) return cached;
      const sent = await app.inject({ method: 'POST', url: '/api/auth/citizen/otp', payload: { phone } });
      if (sent.statusCode !== 200) throw new Error(`otp ${phone} failed: ${sent.body}`);
      const code = sent.json().devCode as string;
      const res = await app.inject({ method: 'POST', url: '/api/auth/citizen/verify', payload: { phone, code } });
      if (res.statusCode !== 200) throw new Error(`verify ${phone} failed: ${res.body}`);
      const token = res.json().token as string;
      tokens.set(phone, token);
      return token;
    },
  };
}

async function openCopy(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const template = inject('dbTemplate');
  if (template.kind === 'pglite') {
    const blob = new Blob([readFileSync(template.file)]);
    return { database: await openDatabase({ pgliteDir: 'memory://', loadDataDir: blob }), drop: async () => {} };
  }
  const name = randomDbName();
  await adminQuery(template.url, `create database ${name} template ${template.templateDb}`);
  const database = await openDatabase({ databaseUrl: withDatabase(template.url, name), poolSize: 4 });
  return { database, drop: () => adminQuery(template.url, `drop database if exists ${name} with (force)`) };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
