import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, queryOne, type Database } from '../src/platform/db';
import { adminQuery, randomDbName, withDatabase } from '../tests/support/template';
import { DURABLE, pgBinariesMissing, startPgCluster, type ClusterProfile } from './pg-cluster';

export type EngineName = 'PGlite' | 'PostgreSQL';

export interface EngineDb {
  name: EngineName;
  /** How the database was made, printed with the results. */
  note: string;
  database: Database;
  databaseUrl?: string;
  /** Closes the database and removes everything the bench created (dirs, databases, cluster). */
  cleanup(): Promise<void>;
}

/** A fresh PGlite database in a temporary directory on disk (not memory://), migrated. */
export async function openPgliteEngine(): Promise<EngineDb> {
  const root = mkdtempSync(join(tmpdir(), 'xaso-bench-pglite-'));
  let database: Database | undefined;
  try {
    database = await openDatabase({ pgliteDir: join(root, 'db') });
    await migrateDatabase(database);
  } catch (err) {
    await database?.close().catch(() => {});
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
  const db = database;
  return {
    name: 'PGlite',
    note: `PGlite on disk (${root}); PGlite forces fsync off (stack notes C1)`,
    database: db,
    async cleanup() {
      await db.close().catch(() => {});
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * PostgreSQL: a fresh database on DATABASE_URL's server when it is set (dropped at
 * the end), else a throwaway PostgreSQL 15 cluster started here with `profile`
 * (pg-cluster.ts). Returns a string (the reason) when PostgreSQL cannot be benchmarked.
 */
export async function openPostgresEngine(poolSize: number, profile: ClusterProfile = DURABLE): Promise<EngineDb | string> {
  const given = process.env.DATABASE_URL;
  let serverUrl: string;
  let note: string;
  let stopCluster: (() => void) | undefined;
  if (given) {
    serverUrl = given;
    note = `PostgreSQL from DATABASE_URL (${redact(given)}), server settings as configured`;
  } else {
    const missing = pgBinariesMissing();
    if (missing) return `PostgreSQL skipped: ${missing}; set DATABASE_URL to benchmark an existing server`;
    const cluster = await startPgCluster(profile);
    serverUrl = cluster.url;
    stopCluster = cluster.stop;
    note = `throwaway PostgreSQL 15 cluster (port ${cluster.port}), ${cluster.note}`;
  }
  const name = randomDbName().replace('xaso_t_', 'xaso_bench_');
  const url = withDatabase(serverUrl, name);
  let database: Database | undefined;
  const dropAll = async () => {
    await database?.close().catch(() => {});
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`).catch((err) =>
      console.error(`  could not drop database ${name}: ${(err as Error).message}`),
    );
    stopCluster?.();
  };
  try {
    await adminQuery(serverUrl, `create database ${name}`);
    database = await openDatabase({ databaseUrl: url, poolSize });
    const server = await queryOne<{ server_version: string }>(database.db, sql`show server_version`);
    note += `; server ${server?.server_version}; pool ${poolSize}`;
    await migrateDatabase(database);
  } catch (err) {
    await dropAll();
    if (given) return `PostgreSQL skipped: could not create a database on DATABASE_URL: ${(err as Error).message}`;
    throw err;
  }
  const db = database;
  return { name: 'PostgreSQL', note, database: db, databaseUrl: url, cleanup: dropAll };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'unparsable URL';
  }
}

/** BENCH_ENGINES=pglite,postgres (or pg): which engines to run; all when unset. */
export function parseEngines(value = process.env.BENCH_ENGINES): string[] | undefined {
  return value?.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
}

export function wantsEngine(only: string[] | undefined, engine: 'pglite' | 'postgres'): boolean {
  return !only || only.some((e) => e === engine || (engine === 'postgres' && e === 'pg'));
}
