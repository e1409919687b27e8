import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { serverOnlyPrefixes, webApps } from '../../web/apps';
import { walk } from '../../web/tools/precompress';

export const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

interface Asset {
  type: string;
  etag: string;
  body: Buffer;
  br?: Buffer;
  gz?: Buffer;
  /** Hashed file names never change content: cache for a year. HTML and the rest: revalidate every time. */
  immutable: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp',
  '.ico': 'image/x-icon', '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2', '.map': 'application/json',
};

/** A missing file with one of these endings is a 404, not a page (procedure and dossier codes contain dots). */
const ASSET_EXT = /\.(js|mjs|css|map|png|jpe?g|webp|svg|ico|json|txt|webmanifest|woff2?)$/i;

// Styles allow 'unsafe-inline' for style attributes only; scripts come from our own origin, never inline.
const CSP = "default-src 'self'; img-src 'self' blob: data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
  + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'";

/**
 * Serves the built web apps (web/dist) from memory: pre-compressed brotli/gzip chosen by Accept-Encoding, a year of
 * caching for hashed assets, revalidation (ETag) for HTML, and each app's index.html for any path under its prefix.
 * /api, /docs and /openapi.json keep their own routes and 404s. Without a build, nothing is mounted.
 */
export function registerWeb(app: FastifyInstance, distDir = defaultWebDist): { assets: number } {
  if (!existsSync(join(distDir, 'index.html'))) {
    app.log.warn(`web apps not built (${distDir} missing): run \`npm run build:web\``);
    return { assets: 0 };
  }
  const assets = loadAssets(distDir);
  const apps = [...webApps].sort((a, b) => b.prefix.length - a.prefix.length);

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = safeDecode(request.url.split('?')[0] ?? '/');
    if (path === undefined) return reply.callNotFound();
    if (serverOnlyPrefixes.some((p) => path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`))) return reply.callNotFound();
    let asset = assets.get(path) ?? assets.get(path.endsWith('/') ? `${path}index.html` : `${path}/index.html`);
    if (!asset && !ASSET_EXT.test(path)) {
      const owner = apps.find((a) => path.startsWith(a.prefix) || `${path}/` === a.prefix);
      asset = owner && assets.get(`/${owner.html}`);
    }
    if (!asset) return reply.callNotFound();
    return sendAsset(request, reply, asset);
  };
  app.get('/', { schema: { hide: true } }, handler);
  app.get('/*', { schema: { hide: true } }, handler);
  return { assets: assets.size };
}

function loadAssets(distDir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const file of walk(distDir)) {
    if (/\.(br|gz)$/.test(file) || file.endsWith('.build-stamp')) continue;
    const urlPath = `/${relative(distDir, file).split(sep).join('/')}`;
    const body = readFileSync(file);
    assets.set(urlPath, {
      type: TYPES[extname(file)] ?? 'application/octet-stream',
      etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`,
      body,
      br: existsSync(`${file}.br`) ? readFileSync(`${file}.br`) : undefined,
      gz: existsSync(`${file}.gz`) ? readFileSync(`${file}.gz`) : undefined,
      immutable: urlPath.startsWith('/assets/'),
    });
  }
  return assets;
}

function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: Asset) {
  reply.header('content-type', asset.type);
  reply.header('etag', asset.etag);
  reply.header('vary', 'Accept-Encoding');
  reply.header('x-content-type-options', 'nosniff');
  reply.header('cache-control', asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (asset.type.startsWith('text/html')) {
    reply.header('content-security-policy', CSP);
    reply.header('referrer-policy', 'same-origin');
  }
  if (request.headers['if-none-match'] === asset.etag) return reply.status(304).send();
  const accept = String(request.headers['accept-encoding'] ?? '');
  if (asset.br && /\bbr\b/.test(accept)) return reply.header('content-encoding', 'br').send(asset.br);
  if (asset.gz && /\bgzip\b/.test(accept)) return reply.header('content-encoding', 'gzip').send(asset.gz);
  return reply.send(asset.body);
}

function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}
