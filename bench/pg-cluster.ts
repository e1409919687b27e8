import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The one throwaway PostgreSQL 15 cluster of the benches (the recipe of the stack notes and
 * .ci/run): initdb in a temporary directory, a random port on 127.0.0.1, the socket in that
 * directory, run as the postgres user when we are root (initdb refuses root). `stop()` stops it
 * and deletes the directory.
 *
 * Two profiles:
 * - DURABLE (the HTTP and sync benches): PostgreSQL's defaults, fsync=on, synchronous_commit=on,
 *   full_page_writes=on, so write figures are those of a durable server.
 * - BULK_READ (the indicators bench): a small provincial server's memory for reads (1 GB shared
 *   buffers), and durability off for the throwaway bulk load (the data is generated and dropped;
 *   reads do not depend on fsync). wal_level=minimal lets the load skip WAL for tables truncated in
 *   the same transaction. Locale C (see below).
 */
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface ClusterProfile {
  name: string;
  /** `-c name=value` settings passed to the server. */
  settings: Record<string, string>;
  /** initdb without -N (syncs its files like a real installation). */
  syncInitdb: boolean;
  /** The cluster's locale (initdb --locale). */
  locale: string;
}

export const DURABLE: ClusterProfile = {
  name: 'durable defaults: fsync=on, synchronous_commit=on, full_page_writes=on', settings: { max_connections: '50' }, syncInitdb: true, locale: 'C.UTF-8',
};

export const BULK_READ: ClusterProfile = {
  name: 'tuned for a bulk load then reads',
  settings: {
    max_connections: '50', shared_buffers: '1GB', work_mem: '64MB', maintenance_work_mem: '512MB', max_wal_size: '8GB',
    fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', wal_level: 'minimal', max_wal_senders: '0',
  },
  syncInitdb: false,
  // Byte order, like C.UTF-8 and PGlite (xaso sorts Vietnamese text in JS), but on PostgreSQL's fast path for
  // text comparisons: the indexes on text keys of 30 million rows build several times faster.
  locale: 'C',
};

export interface PgCluster {
  url: string;
  dir: string;
  port: number;
  /** The settings, for the report. */
  note: string;
  stop(): void;
}

export function pgBinariesMissing(): string | undefined {
  for (const tool of ['initdb', 'pg_ctl', 'postgres']) {
    if (!existsSync(join(PG_BIN, tool))) return `${join(PG_BIN, tool)} not found (apt-get install postgresql-15)`;
  }
  return undefined;
}

export async function startPgCluster(profile: ClusterProfile = DURABLE): Promise<PgCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'xaso-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, tool), ...args]] : [join(PG_BIN, tool), args];
    // cwd '/': the postgres user may not be allowed into the caller's directory.
    const r = spawnSync(cmd, argv as string[], { encoding: 'utf8', cwd: '/' });
    if (r.status !== 0) throw new Error(`${tool} failed (${r.status}): ${r.stderr || r.stdout}`);
  };
  let started = false;
  const stop = () => {
    try {
      if (started) run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop']);
    } catch (err) {
      console.error(`  could not stop the PostgreSQL cluster in ${dir}: ${(err as Error).message}`);
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
    run('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '--encoding=UTF8', `--locale=${profile.locale}`, ...(profile.syncInitdb ? [] : ['-N'])]);
    const settings = Object.entries(profile.settings).map(([k, v]) => `-c ${k}=${v}`).join(' ');
    run('pg_ctl', [
      '-D', join(dir, 'data'), '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start',
      '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} ${settings}`,
    ]);
    started = true;
    const shown = Object.entries(profile.settings).filter(([k]) => k !== 'max_connections').map(([k, v]) => `${k}=${v}`).join(', ');
    const locale = profile.locale === DURABLE.locale ? '' : `, locale ${profile.locale}`;
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, port, note: `${profile.name}${shown ? ` (${shown}${locale})` : ''}`, stop };
  } catch (err) {
    stop();
    throw err;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}
