/**
 * A Vite plugin that writes brotli (.br) and gzip (.gz) copies beside every
 * compressible file the build emits, at the strongest settings: done once
 * per build instead of once per request. The API sends them by
 * Accept-Encoding (api/src/http/web-app.ts, serveStatic `precompressed`).
 * A copy is kept only when it is smaller than the file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(?:js|mjs|css|svg|json|txt|map)$/;
/** Smaller files fit in one packet anyway; not worth a second lookup. */
const MIN_BYTES = 1024;

export interface Precompressed {
  file: string;
  bytes: number;
  br: number;
  gz: number;
}

/** Writes `<file>.br` and `<file>.gz` for one file; returns their sizes (0: not written). */
export function precompressFile(path: string): Precompressed | null {
  const data = readFileSync(path);
  if (data.length < MIN_BYTES) return null;
  const br = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  const gz = gzipSync(data, { level: 9 });
  if (br.length < data.length) writeFileSync(`${path}.br`, br);
  if (gz.length < data.length) writeFileSync(`${path}.gz`, gz);
  return {
    file: path,
    bytes: data.length,
    br: br.length < data.length ? br.length : 0,
    gz: gz.length < data.length ? gz.length : 0,
  };
}

export function precompress(): Plugin {
  return {
    name: 'zhiping:precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      for (const name of Object.keys(bundle))
        if (COMPRESSIBLE.test(name) && !name.startsWith('.vite/')) precompressFile(join(dir, name));
    },
  };
}
