import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrateDatabase, openDatabase, type Database } from '../src/platform/db';

/**
 * Databases for the indicators bench: PostgreSQL from DATABASE_URL (a fresh database, dropped at
 * the end) or a throwaway PostgreSQL 15 cluster (recipe of .ci/run and the stack notes), and
 * PGlite in a temporary directory on disk. Everything made here is removed by `cleanup()`.
 */
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface BenchDb {
  name: 'PostgreSQL' | 'PGlite';
  note: string;
  database: Database;
  cleanup(): Promise<void>;
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/**
 * A throwaway cluster tuned like a small provincial server for a read benchmark: 1 GB shared
 * buffers, fsync off (the data is generated and thrown away; reads do not depend on it).
 */
async function startCluster(): Promise<{ url: string; note: string; stop: () => void }> {
  if (!existsSync(join(PG_BIN, 'initdb'))) throw new Error(`${PG_BIN}/initdb not found (apt-get install postgresql-15), or set DATABASE_URL`);
  const dir = mkdtempSync(join(tmpdir(), 'xaso-bench-ind-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, tool), ...args]] : [join(PG_BIN, tool), args];
    const r = spawnSync(cmd, argv as string[], { encoding: 'utf8', cwd: '/' });
    if (r.status !== 0) throw new Error(`${tool} failed (${r.status}): ${r.stderr || r.stdout}`);
  };
  let started = false;
  const stop = () => {
    try {
      if (started) run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop']);
    } catch (err) {
      console.error(`  could not stop the cluster in ${dir}: ${(err as Error).message}`);
    } finally {
      started = false;
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    if (asRoot) {
      const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(dir, id('-u'), id('-g'));
    }
    const port = await freePort();
    run('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '-N']);
    const settings = '-c shared_buffers=1GB -c work_mem=64MB -c maintenance_work_mem=512MB -c max_wal_size=8GB -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
    run('pg_ctl', ['-D', join(dir, 'data'), '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start', '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} ${settings}`]);
    started = true;
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, note: `throwaway PostgreSQL 15 cluster (${settings})`, stop };
  } catch (err) {
    stop();
    throw err;
  }
}

export async function openPostgres(): Promise<BenchDb> {
  const given = process.env.DATABASE_URL;
  const cluster = given ? undefined : await startCluster();
  const serverUrl = given ?? cluster!.url;
  const name = `xaso_bench_ind_${process.pid}`;
  let database: Database | undefined;
  const cleanup = async () => {
    await database?.close().catch(() => {});
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`).catch((e) => console.error(`  could not drop ${name}: ${(e as Error).message}`));
    cluster?.stop();
  };
  try {
    await adminQuery(serverUrl, `create database ${name}`);
    database = await openDatabase({ databaseUrl: withDatabase(serverUrl, name), poolSize: 4 });
    await migrateDatabase(database);
  } catch (err) {
    await cleanup();
    throw err;
  }
  return { name: 'PostgreSQL', note: given ? 'PostgreSQL from DATABASE_URL (server settings as configured)' : cluster!.note, database, cleanup };
}

export async function openPglite(): Promise<BenchDb> {
  const root = mkdtempSync(join(tmpdir(), 'xaso-bench-ind-pglite-'));
  let database: Database | undefined;
  const cleanup = async () => {
    await database?.close().catch(() => {});
    rmSync(root, { recursive: true, force: true });
  };
  try {
    database = await openDatabase({ pgliteDir: join(root, 'db') });
    await migrateDatabase(database);
  } catch (err) {
    await cleanup();
    throw err;
  }
  return { name: 'PGlite', note: 'PGlite 0.5.16 on disk (temporary directory)', database, cleanup };
}
