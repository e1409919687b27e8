import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { webApps } from './apps';
import { precompress } from './tools/precompress';
import { fieldPwa } from './to-cong-nghe/build/pwa-plugin';

const webDir = dirname(fileURLToPath(import.meta.url));

/**
 * One multi-page build: each app of web/apps.ts is its own entry, so each page loads only its own code.
 * Dev: `npm run dev:web` (Vite on :5173, /api proxied to `npm start` on :3000).
 */
export default defineConfig({
  root: webDir,
  base: '/',
  publicDir: resolve(webDir, 'public'),
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: resolve(webDir, 'dist'),
    emptyOutDir: true,
    // Chrome on Android 7+ and the phones of our users: ES2020 needs no polyfills there.
    target: 'es2020',
    modulePreload: { polyfill: false },
    cssCodeSplit: true,
    reportCompressedSize: false,
    rolldownOptions: {
      input: Object.fromEntries(webApps.map((a) => [a.name, resolve(webDir, a.html)])),
    },
  },
  plugins: [fieldPwa(), precompress()],
  server: { proxy: { '/api': 'http://localhost:3000', '/docs': 'http://localhost:3000' } },
});
