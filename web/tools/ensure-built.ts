/**
 * `npm start` runs this first (prestart): builds the web apps when web/dist is missing or older than any source
 * it is built from, and does nothing otherwise (a few ms). `--force` always builds.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = dirname(dirname(fileURLToPath(import.meta.url)));
const rootDir = dirname(webDir);
export const distDir = join(webDir, 'dist');
export const stampFile = join(distDir, '.build-stamp');

/** Everything the bundles are built from: web/ (not dist), the shared pure code, and the locked dependencies. */
const sources = [webDir, join(rootDir, 'src', 'shared'), join(rootDir, 'package-lock.json')];

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name.startsWith('dist') || name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

export function webBuildIsFresh(): boolean {
  if (!existsSync(stampFile)) return false;
  const built = statSync(stampFile).mtimeMs;
  return sources.every((s) => !existsSync(s) || newestMtime(s) <= built);
}

/**
 * Builds into a private folder, then swaps it in, so a server or a parallel test run reading web/dist never sees a
 * half-written build (several engineers' test runs may build at once).
 */
export async function buildWeb(): Promise<void> {
  const { build } = await import('vite');
  // The config is imported here (tsx) rather than loaded by Vite, which would bundle it first.
  const config = (await import('../vite.config')).default;
  const tmp = `${distDir}.tmp-${process.pid}-${Date.now()}`;
  const old = `${distDir}.old-${process.pid}-${Date.now()}`;
  try {
    await build({ ...config, configFile: false, logLevel: 'warn', build: { ...config.build, outDir: tmp, emptyOutDir: true } });
    writeFileSync(join(tmp, '.build-stamp'), new Date().toISOString());
    if (existsSync(distDir)) renameSync(distDir, old);
    renameSync(tmp, distDir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
}

export async function ensureWebBuilt(force = false): Promise<boolean> {
  if (!force && webBuildIsFresh()) return false;
  await buildWeb();
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = Date.now();
  const built = await ensureWebBuilt(process.argv.includes('--force'));
  console.log(built
    ? `Giao diện web đã build / web apps built: ${relative(rootDir, distDir)} (${((Date.now() - t0) / 1000).toFixed(1)} s)`
    : 'Giao diện web đã mới nhất / web apps up to date');
}
