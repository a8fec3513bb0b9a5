import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from '../testing/harness.ts';
import { CompressedBodies, chooseEncoding, compressJson, rememberedEncodings } from './compress.ts';

const big = {
  items: Array.from({ length: 200 }, (_, i) => ({ id: `item-${i}`, 标题: '知识产权' })),
};
const bigText = JSON.stringify(big);

function app() {
  const a = new Hono();
  a.use(compressJson());
  a.get('/big', (c) => c.json(big));
  a.get('/small', (c) => c.json({ ok: true }));
  a.get('/problem', (c) =>
    c.body(JSON.stringify({ type: 'urn:x', detail: 'x'.repeat(3000) }), 422, {
      'Content-Type': 'application/problem+json',
    }),
  );
  a.get('/etag', (c) => {
    if (c.req.header('If-None-Match') === '"r7"') return c.body(null, 304, { ETag: '"r7"' });
    c.header('ETag', '"r7"');
    return c.json(big);
  });
  a.get('/pdf', (c) => {
    const pdf = new TextEncoder().encode(`%PDF-1.7\n${'0'.repeat(5000)}`);
    const stream = new ReadableStream<Uint8Array>({
      start(ctrl) {
        ctrl.enqueue(pdf);
        ctrl.close();
      },
    });
    return c.body(stream, 200, { 'Content-Type': 'application/pdf' });
  });
  a.get('/raw', (c) => c.json(big, 200, { 'Cache-Control': 'no-transform' }));
  return a;
}

const get = (path: string, accept?: string, extra: Record<string, string> = {}) =>
  app().request(path, { headers: { ...(accept ? { 'Accept-Encoding': accept } : {}), ...extra } });

describe('chooseEncoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['gzip;q=0, br;q=0', null],
    ['*', 'br'],
    ['*;q=0.1, gzip;q=0', 'br'],
    ['deflate', null],
  ])('%s → %s', (accept, want) => {
    expect(chooseEncoding(accept)).toBe(want);
    // Asked again, from memory: the same answer, null included.
    expect(chooseEncoding(accept)).toBe(want);
  });

  it('remembers ordinary headers only, and at most 1,000 of them', () => {
    const long = `gzip;q=0.1, ${'x-custom;q=0.5, '.repeat(20)}br`;
    expect(long.length).toBeGreaterThan(256);
    const before = rememberedEncodings();
    expect(chooseEncoding(long)).toBe('br');
    expect(rememberedEncodings()).toBe(before);
    for (let i = 0; i < 1_500; i++)
      expect(chooseEncoding(`gzip;q=0.${i % 10}, x${i}`)).not.toBe('br');
    expect(rememberedEncodings()).toBeLessThanOrEqual(1_000);
    expect(chooseEncoding('br;q=0.2, gzip;q=0.9')).toBe('gzip');
  });
});

describe('compressJson', () => {
  it('sends brotli or gzip that decodes to the same JSON, with its length and Vary', async () => {
    const br = await get('/big', 'gzip, deflate, br');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    const brBody = Buffer.from(await br.arrayBuffer());
    expect(Number(br.headers.get('content-length'))).toBe(brBody.length);
    expect(brBody.length).toBeLessThan(bigText.length / 5);
    expect(brotliDecompressSync(brBody).toString()).toBe(bigText);

    const gz = await get('/big', 'gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(bigText);
    expect(gz.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('sends plain JSON to a client that accepts no encoding, and bodies under 1 KB', async () => {
    for (const [path, accept] of [
      ['/big', undefined],
      ['/big', 'identity'],
      ['/small', 'br'],
    ] as const) {
      const r = await get(path, accept);
      expect(r.headers.get('content-encoding')).toBeNull();
      expect(JSON.parse(await r.text())).toBeTruthy();
    }
    expect((await get('/small', 'br')).headers.get('vary')).toBe('Accept-Encoding');
  });

  it('compresses problem+json too, keeping the status', async () => {
    const r = await get('/problem', 'br');
    expect(r.status).toBe(422);
    expect(r.headers.get('content-type')).toBe('application/problem+json');
    expect(r.headers.get('content-encoding')).toBe('br');
    expect(
      JSON.parse(brotliDecompressSync(Buffer.from(await r.arrayBuffer())).toString()).type,
    ).toBe('urn:x');
  });

  it('keeps the ETag and leaves a 304 empty and unencoded', async () => {
    const full = await get('/etag', 'br');
    expect(full.headers.get('etag')).toBe('"r7"');
    expect(full.headers.get('content-encoding')).toBe('br');
    const not = await get('/etag', 'br', { 'If-None-Match': '"r7"' });
    expect(not.status).toBe(304);
    expect(not.headers.get('content-encoding')).toBeNull();
    expect((await not.arrayBuffer()).byteLength).toBe(0);
  });

  it('streams a PDF through untouched, and respects no-transform', async () => {
    const pdf = await get('/pdf', 'br, gzip');
    expect(pdf.headers.get('content-encoding')).toBeNull();
    expect(new TextDecoder().decode(await pdf.arrayBuffer())).toMatch(/^%PDF-1\.7/);
    expect((await get('/raw', 'br')).headers.get('content-encoding')).toBeNull();
  });

  it('leaves HEAD alone', async () => {
    const r = await app().request('/big', { method: 'HEAD', headers: { 'Accept-Encoding': 'br' } });
    expect(r.headers.get('content-encoding')).toBeNull();
  });
});

describe('compressing a representation once', () => {
  /** A route whose body changes with `v`, tagged (or marked immutable) as a caller says. */
  function counted(cache: CompressedBodies) {
    const a = new Hono();
    let built = 0;
    a.use(compressJson({ cache }));
    a.get('/doc', (c) => {
      built++;
      const v = c.req.query('v') ?? '1';
      const tag = c.req.query('tag');
      if (tag) c.header('ETag', `"${tag}"`);
      if (c.req.query('immutable')) c.header('Cache-Control', 'public, immutable');
      return c.json({ v, items: big.items });
    });
    const fetchText = async (q: string, accept = 'br') => {
      const r = await a.request(`/doc?${q}`, { headers: { 'Accept-Encoding': accept } });
      const raw = Buffer.from(await r.arrayBuffer());
      const enc = r.headers.get('content-encoding');
      return (
        enc === 'br' ? brotliDecompressSync(raw) : enc === 'gzip' ? gunzipSync(raw) : raw
      ).toString();
    };
    return { fetchText, built: () => built };
  }

  it('keeps a tagged body per path, tag and encoding, and never serves one for another tag', async () => {
    const cache = new CompressedBodies();
    const { fetchText } = counted(cache);
    expect(JSON.parse(await fetchText('tag=a&v=1')).v).toBe('1');
    expect(cache.size).toBe(1);
    // Same tag: the kept bytes, even though the route now builds another body.
    expect(JSON.parse(await fetchText('tag=a&v=2')).v).toBe('1');
    // Another tag, or another encoding: compressed afresh.
    expect(JSON.parse(await fetchText('tag=b&v=2')).v).toBe('2');
    expect(JSON.parse(await fetchText('tag=a&v=3', 'gzip')).v).toBe('3');
    expect(cache.size).toBe(3);
  });

  it('keeps an immutable body by path, and nothing untagged', async () => {
    const cache = new CompressedBodies();
    const { fetchText } = counted(cache);
    await fetchText('v=1');
    expect(cache.size).toBe(0);
    await fetchText('immutable=1&v=1');
    expect(cache.size).toBe(1);
  });

  it('drops the least recently used bodies past its size in bytes', () => {
    const cache = new CompressedBodies(800);
    const body = (n: number) => new Uint8Array(n);
    cache.put('a', body(100));
    cache.put('b', body(100));
    cache.get('a');
    for (let i = 0; i < 6; i++) cache.put(`x${i}`, body(100));
    // 8 × 100 bytes fit exactly…
    expect(cache.size).toBe(8);
    // …and a ninth pushes out the least recently used: b (a was read after it).
    cache.put('x6', body(100));
    expect(cache.size).toBe(8);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    // A body over an eighth of the capacity is not kept at all.
    cache.put('huge', body(101));
    expect(cache.get('huge')).toBeUndefined();
  });
});

describe('compression in the whole app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('sqlite');
  });
  afterAll(() => h?.close());

  it('compresses a definition, and passes an evidence download through byte for byte', async () => {
    const plain = await h.app.request('/api/forms/gbt29490-2013');
    const text = await plain.text();
    expect(text.length).toBeGreaterThan(20_000);
    const br = await h.app.request('/api/forms/gbt29490-2013', {
      headers: { 'Accept-Encoding': 'gzip, deflate, br' },
    });
    expect(br.headers.get('content-encoding')).toBe('br');
    const packed = Buffer.from(await br.arrayBuffer());
    expect(packed.length).toBeLessThan(text.length / 2);
    expect(brotliDecompressSync(packed).toString()).toBe(text);

    const alice = await h.as('alice');
    const a = (await alice.req('POST', '/api/assessments', { definition: 'gbt29490-2023' })).body;
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5000, 0x20)]);
    const up = await h.app.request(`/api/assessments/${a.id}/files?name=e.pdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', cookie: alice.cookie ?? '' },
      body: new Uint8Array(pdf),
    });
    const file = JSON.parse(await up.text());
    const down = await h.app.request(`/api/assessments/${a.id}/files/${file.id}`, {
      headers: { cookie: alice.cookie ?? '', 'Accept-Encoding': 'br, gzip' },
    });
    expect(down.headers.get('content-encoding')).toBeNull();
    expect(Number(down.headers.get('content-length'))).toBe(pdf.length);
    expect(Buffer.from(await down.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('compresses an assessment with its ETag, and revalidates it with an empty, unencoded 304', async () => {
    const alice = await h.as('alice');
    const a = (await alice.req('POST', '/api/assessments', { definition: 'gbt29490-2013' })).body;
    const headers = { cookie: alice.cookie ?? '', 'Accept-Encoding': 'gzip, br' };
    const full = await h.app.request(`/api/assessments/${a.id}`, { headers });
    expect(full.status).toBe(200);
    expect(full.headers.get('content-encoding')).toBe('br');
    const etag = full.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(
      JSON.parse(brotliDecompressSync(Buffer.from(await full.arrayBuffer())).toString()).id,
    ).toBe(a.id);
    const again = await h.app.request(`/api/assessments/${a.id}`, {
      headers: { ...headers, 'If-None-Match': etag ?? '' },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('content-encoding')).toBeNull();
    expect((await again.arrayBuffer()).byteLength).toBe(0);
  });
});
