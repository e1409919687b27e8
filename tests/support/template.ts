import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { openDatabase, migrateDatabase, type Database } from '../../src/platform/db';
import { loadConfig } from '../../src/server/config';
import { seedDatabase } from '../../src/server/seed';

export type DbTemplate =
  | { kind: 'pglite'; file: string }
  | { kind: 'postgres'; url: string; templateDb: string };

export const testConfig = () => loadConfig({ XASO_DEMO: '1', LOG_LEVEL: 'silent', DEMO_PASSWORD: 'xaso-demo' });

/** Builds one migrated, seeded database per test run; each test file then copies it. */
export async function prepareTemplate(): Promise<DbTemplate> {
  const url = process.env.DATABASE_URL;
  if (url) return preparePostgresTemplate(url);
  const database = await openDatabase({ pgliteDir: 'memory://' });
  await migrateAndSeed(database);
  const blob = await database.pglite!.dumpDataDir('none');
  const file = join(tmpdir(), `xaso-test-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  await database.close();
  return { kind: 'pglite', file };
}

async function preparePostgresTemplate(url: string): Promise<DbTemplate> {
  const templateDb = `xaso_tpl_${process.pid}`;
  await adminQuery(url, `drop database if exists ${templateDb}`);
  await adminQuery(url, `create database ${templateDb}`);
  const database = await openDatabase({ databaseUrl: withDatabase(url, templateDb), poolSize: 2 });
  await migrateAndSeed(database);
  await database.close();
  return { kind: 'postgres', url, templateDb };
}

async function migrateAndSeed(database: Database): Promise<void> {
  await migrateDatabase(database);
  const config = testConfig();
  const log = pino({ level: 'silent' });
  await seedDatabase({ db: database.db, engine: database.engine, config, now: () => new Date(), log }, { demo: true });
}

export async function dropTemplate(t: DbTemplate): Promise<void> {
  if (t.kind === 'postgres') await adminQuery(t.url, `drop database if exists ${t.templateDb}`);
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export function randomDbName(): string {
  return `xaso_t_${randomBytes(6).toString('hex')}`;
}
