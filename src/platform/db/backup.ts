import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

/**
 * PGlite runs with fsync off, so a power cut can corrupt the cluster (stack notes
 * C1). A periodic dump of the data directory is the recovery path; PostgreSQL is
 * the production choice.
 */
export async function backupPglite(pglite: PGlite, dir: string, keep: number): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const blob = await pglite.dumpDataDir('gzip');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(dir, `xaso-${stamp}.tar.gz`);
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  pruneBackups(dir, keep);
  return file;
}

function pruneBackups(dir: string, keep: number): void {
  const files = readdirSync(dir).filter((f) => f.startsWith('xaso-') && f.endsWith('.tar.gz')).sort();
  for (const f of files.slice(0, Math.max(0, files.length - keep))) rmSync(join(dir, f));
}
