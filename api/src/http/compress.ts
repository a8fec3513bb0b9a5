import { promisify } from 'node:util';
import {
  brotliCompress,
  brotliCompressSync,
  constants,
  gzip,
  gzipSync,
  type ZlibOptions,
} from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

/*
 * JSON responses compressed for clients that accept it. Not `hono/compress`:
 * it streams through CompressionStream, which on Node 20 has no brotli, and
 * it would compress by default what we never want compressed here. Our JSON
 * bodies are whole strings already, so they are compressed in one call:
 * under SYNC_LIMIT on the event loop (well under a millisecond, cheaper than
 * a hop to libuv's thread pool, which the WAL fsyncs and password hashes
 * need), above it on the pool. Brotli quality 4 gives gzip -6's size in
 * about two thirds of its time (the 67 KB gbt29490-2013 definition: 18.1 KB
 * in ~3 ms against 17.9 KB in ~4.4 ms); 5 and up cost twice as much.
 *
 * Left alone: bodies under `threshold` bytes (not worth a round of zlib),
 * 204/304 and HEAD (no body), anything not JSON — PDF, workbook and evidence
 * downloads stream through untouched, and are compressed formats already —
 * responses already encoded, and `Cache-Control: no-transform`. The ETag is
 * kept: it names the resource's revision, and `Vary: Accept-Encoding` keys
 * any cache by encoding.
 */

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;
const SYNC_LIMIT = 16 * 1024;
const BR_QUALITY = 4;
const GZIP_LEVEL = 6;

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export type Encoding = 'br' | 'gzip';

/**
 * The encoding to send for an Accept-Encoding header: the acceptable one the
 * client weighs highest (q-values; `*` stands for any not named), brotli on
 * a tie; null for identity.
 */
export function chooseEncoding(accept: string | undefined): Encoding | null {
  if (!accept) return null;
  // A browser sends the same header with every request: its answer is remembered (parsing it
  // was 2 % of a brotli read's CPU, issue 15). Bounded as session-cookie.ts is: headers of
  // ordinary length only, emptied when full.
  if (accept.length > 256) return parseAccept(accept);
  const known = encodings.get(accept);
  if (known !== undefined) return known;
  const chosen = parseAccept(accept);
  if (encodings.size >= 1_000) encodings.clear();
  encodings.set(accept, chosen);
  return chosen;
}

const encodings = new Map<string, Encoding | null>();

/** How many Accept-Encoding headers are remembered (for tests). */
export const rememberedEncodings = (): number => encodings.size;

function parseAccept(accept: string): Encoding | null {
  const q = new Map<string, number>();
  for (const part of accept.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qp ? Number(qp.slice(2)) : 1;
    if (name) q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (e: Encoding) => q.get(e) ?? q.get('*') ?? 0;
  const [br, gz] = [weight('br'), weight('gzip')];
  if (br <= 0 && gz <= 0) return null;
  return br >= gz ? 'br' : 'gzip';
}

async function encode(body: Uint8Array, enc: Encoding): Promise<Uint8Array<ArrayBuffer>> {
  const sync = body.length <= SYNC_LIMIT;
  if (enc === 'gzip') {
    const o: ZlibOptions = { level: GZIP_LEVEL };
    return sync ? gzipSync(body, o) : gzipAsync(body, o);
  }
  const o = {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: BR_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  };
  return sync ? brotliCompressSync(body, o) : brotliAsync(body, o);
}

/**
 * Compressed bodies by representation, so that a representation is
 * compressed once: a GET's path with its ETag (which changes whenever the
 * body does), or the path alone when the response says it is immutable
 * (the definition by content hash). Brotli of a 66 KB assessment costs
 * some milliseconds — many times the rest of that GET. Bounded by bytes;
 * the least recently used go first.
 */
export class CompressedBodies {
  private readonly entries = new Map<string, Uint8Array<ArrayBuffer>>();
  private bytes = 0;
  constructor(private readonly capacity = 16 * 1024 * 1024) {}

  get(key: string): Uint8Array<ArrayBuffer> | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  put(key: string, body: Uint8Array<ArrayBuffer>): void {
    if (body.length > this.capacity / 8) return;
    const old = this.entries.get(key);
    if (old) this.bytes -= old.length;
    this.entries.delete(key);
    this.entries.set(key, body);
    this.bytes += body.length;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.capacity) break;
      this.entries.delete(k);
      this.bytes -= v.length;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The key a response is kept under, or null when it names no fixed representation. */
function representationKey(method: string, path: string, res: Response, enc: Encoding) {
  if (method !== 'GET' || res.status !== 200) return null;
  const etag = res.headers.get('ETag');
  if (etag) return `${enc} ${path} ${etag}`;
  if (/\bimmutable\b/.test(res.headers.get('Cache-Control') ?? '')) return `${enc} ${path}`;
  return null;
}

/** Compresses JSON (and problem+json) responses of at least `threshold` bytes. */
export function compressJson({
  threshold = 1024,
  cache = new CompressedBodies(),
}: {
  threshold?: number;
  cache?: CompressedBodies;
} = {}): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    // Never `res.body` here: on @hono/node-server it turns the lightweight
    // response into a stream that is then read back chunk by chunk.
    if (c.req.method === 'HEAD' || res.status === 204 || res.status === 304) return;
    if (!JSON_TYPE.test(res.headers.get('Content-Type') ?? '')) return;
    if (res.headers.has('Content-Encoding')) return;
    if (/\bno-transform\b/i.test(res.headers.get('Cache-Control') ?? '')) return;
    // Whether compressed or not, what is sent depends on Accept-Encoding.
    if (!/\baccept-encoding\b/i.test(res.headers.get('Vary') ?? ''))
      res.headers.append('Vary', 'Accept-Encoding');
    const enc = chooseEncoding(c.req.header('Accept-Encoding'));
    if (!enc) return;
    const key = representationKey(c.req.method, c.req.path, res, enc);
    const kept = key === null ? undefined : cache.get(key);
    let out: Uint8Array<ArrayBuffer>;
    let encoded = true;
    if (kept) out = kept;
    else {
      const body = new Uint8Array(await res.arrayBuffer());
      encoded = body.length >= threshold;
      out = encoded ? await encode(body, enc) : body;
      if (encoded && key !== null) cache.put(key, out);
    }
    const headers = new Headers(res.headers);
    if (encoded) headers.set('Content-Encoding', enc);
    headers.set('Content-Length', String(out.length));
    // Cleared first: Hono's setter would otherwise merge the old response in
    // by reading its `body`, which on @hono/node-server makes it a stream.
    c.res = undefined;
    c.res = new Response(out, { status: res.status, headers });
  };
}
