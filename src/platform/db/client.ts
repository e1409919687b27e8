import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { acquireDirLock, type DirLock } from './lock';

/**
 * One query API for both engines. Drizzle's PGlite and node-postgres databases
 * share PgDatabase; the HKT differs only in the raw result type, which our code
 * reads through `rows` on both.
 */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  /** PGlite only: the embedded instance (backups). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** PGlite data directory; 'memory://' for throwaway databases. */
  pgliteDir?: string;
  /** PGlite only: start from a tarball made by dumpDataDir (tests). */
  loadDataDir?: Blob;
  poolSize?: number;
}

// Only pg_trgm: registering pgcrypto next to it makes `%` hang PGlite (stack notes C3).
const pgliteExtensions = { pg_trgm };

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts.pgliteDir ?? 'memory://', opts.loadDataDir);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  // Store and compare instants in UTC on every connection; display is Asia/Ho_Chi_Minh in code.
  const pool = new pg.Pool({ connectionString: url, max, options: '-c TimeZone=UTC' });
  // An idle pooled connection killed by the server (restart, failover, drop database) must not
  // crash the process; the pool replaces it on the next query.
  pool.on('error', (err) => console.warn(`PostgreSQL idle connection error: ${err.message}`));
  await pool.query('select 1');
  const db = drizzlePg(pool) as unknown as Db;
  return { db, engine: 'postgres', close: () => pool.end() };
}

async function openPglite(dir: string, loadDataDir?: Blob): Promise<Database> {
  let lock: DirLock | undefined;
  if (!dir.startsWith('memory://')) {
    mkdirSync(dir, { recursive: true });
    // PGlite has no cross-process locking; a second writer silently loses data (stack notes C2).
    lock = acquireDirLock(join(dir, '..', `${dirName(dir)}.lock`));
  }
  try {
    const client = await PGlite.create({
      dataDir: dir,
      extensions: pgliteExtensions,
      loadDataDir,
      // Keep pg_wal small on commune PCs (stack notes C6).
      postgresqlconf: ['max_wal_size=64MB', 'min_wal_size=32MB'],
    });
    await client.exec("SET TIME ZONE 'UTC'");
    const db = drizzlePglite(client) as unknown as Db;
    return {
      db,
      engine: 'pglite',
      pglite: client,
      close: async () => {
        await client.close();
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

function dirName(dir: string): string {
  return dir.replace(/\/+$/, '').split('/').pop() || 'db';
}
