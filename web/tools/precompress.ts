import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt|xml|map)$/;
const MIN_BYTES = 256;

/** Writes `.br` and `.gz` beside every compressible file, at build time, so the server never compresses per request. */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'xaso-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle(error?: Error) {
      // Also called after a failed build: then there is nothing to compress and the build error must show.
      if (error || !existsSync(outDir)) return;
      for (const file of walk(outDir)) compressFile(file);
    },
  };
}

export function compressFile(file: string): void {
  if (!COMPRESSIBLE.test(file)) return;
  const body = readFileSync(file);
  if (body.length < MIN_BYTES) return;
  writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
  writeFileSync(`${file}.br`, brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  }));
}

export function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}
