import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformWithOxc, type Plugin, type Rolldown } from 'vite';
import { ICON_SVG, renderIconPng } from './icons';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

const appDir = dirname(dirname(fileURLToPath(import.meta.url)));
export const FIELD_PREFIX = '/to-cong-nghe/';
/** The bundle name of the field app in web/apps.ts. */
const ENTRY_NAME = 'field';

/**
 * Makes the field app installable and usable offline (issue 4): emits the web manifest, the icons and
 * `/to-cong-nghe/sw.js`, whose precache list is every file the field app can load (its entry, every lazy chunk,
 * its CSS, the English chunk), computed from the bundle, so a page opened offline never misses a chunk.
 * The worker lives under the app's prefix: its default scope is the app, and no header is needed.
 */
export function fieldPwa(): Plugin {
  return {
    name: 'xaso-field-pwa',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((c): c is OutputChunk => c.type === 'chunk' && c.isEntry && c.name === ENTRY_NAME);
      if (!entry) return;
      const icons = { 'icon-192.png': renderIconPng(192), 'icon-512.png': renderIconPng(512) };
      for (const [name, png] of Object.entries(icons)) this.emitFile({ type: 'asset', fileName: `to-cong-nghe/${name}`, source: png });
      this.emitFile({ type: 'asset', fileName: 'to-cong-nghe/icon.svg', source: ICON_SVG });
      this.emitFile({ type: 'asset', fileName: 'to-cong-nghe/manifest.webmanifest', source: JSON.stringify(manifest(), null, 2) });
      const files = [...reachableFiles(bundle, entry)].sort().map((f) => `/${f}`);
      const shell = `${FIELD_PREFIX}index.html`;
      const precache = [shell, ...['manifest.webmanifest', 'icon.svg', 'icon-192.png', 'icon-512.png'].map((f) => FIELD_PREFIX + f), ...files];
      const workerTs = readFileSync(join(appDir, 'sw', 'worker.ts'), 'utf8');
      // A classic worker script: the `export {}` that keeps the source a module for tsc is dropped.
      const worker = (await transformWithOxc(workerTs, 'worker.ts', { lang: 'ts' })).code.replace(/^export\s*\{\s*\};?\s*$/m, '');
      const version = createHash('sha256').update(precache.join('\n')).update(readFileSync(join(appDir, 'index.html'))).update(workerTs).digest('hex').slice(0, 16);
      const head = `const VERSION = ${JSON.stringify(version)};\nconst PRECACHE = ${JSON.stringify(precache)};\nconst SHELL = ${JSON.stringify(shell)};\n`;
      this.emitFile({ type: 'asset', fileName: 'to-cong-nghe/sw.js', source: head + worker });
    },
  };
}

/** The entry, its static and dynamic imports (transitively), and the CSS and assets they pull in. */
function reachableFiles(bundle: OutputBundle, entry: OutputChunk): Set<string> {
  const out = new Set<string>();
  const visit = (fileName: string) => {
    const c = bundle[fileName];
    if (!c || out.has(fileName)) return;
    out.add(fileName);
    if (c.type !== 'chunk') return;
    const meta = (c as OutputChunk & { viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> } }).viteMetadata;
    meta?.importedCss.forEach((f) => out.add(f));
    meta?.importedAssets.forEach((f) => out.add(f));
    [...c.imports, ...c.dynamicImports].forEach(visit);
  };
  visit(entry.fileName);
  return out;
}

function manifest() {
  return {
    id: FIELD_PREFIX,
    name: 'Xã số – Tổ công nghệ số cộng đồng',
    short_name: 'Tổ CNS',
    description: 'Hộ dân, ghi lượt hỗ trợ, nộp hồ sơ giúp người dân — dùng được khi mất mạng.',
    lang: 'vi',
    dir: 'ltr',
    start_url: FIELD_PREFIX,
    scope: FIELD_PREFIX,
    display: 'standalone',
    orientation: 'portrait',
    background_color: '#f2f4f7',
    theme_color: '#0b4a8b',
    icons: [
      { src: `${FIELD_PREFIX}icon-192.png`, sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: `${FIELD_PREFIX}icon-512.png`, sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: `${FIELD_PREFIX}icon-512.png`, sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: `${FIELD_PREFIX}icon.svg`, sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  };
}
