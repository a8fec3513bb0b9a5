import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import type { Env } from './context.ts';
import { IMMUTABLE, REVALIDATE, serveWeb } from './web-app.ts';

/* A built app as Vite leaves it, with the precompressed copies the build step writes. */
const dist = mkdtempSync(join(tmpdir(), 'zhiping-dist-'));
const js = `console.log(${JSON.stringify('知评'.repeat(500))});`;
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
writeFileSync(join(dist, 'assets', 'app-Ab12Cd34.js'), js);
writeFileSync(join(dist, 'assets', 'app-Ab12Cd34.js.br'), brotliCompressSync(js));
writeFileSync(join(dist, 'assets', 'app-Ab12Cd34.js.gz'), gzipSync(js));
writeFileSync(join(dist, 'assets', 'logo-Ef56Gh78.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const app = new Hono<Env>();
serveWeb(app, dist);
const get = (path: string, accept?: string) =>
  app.request(path, { headers: accept ? { 'Accept-Encoding': accept } : {} });

describe('the built web app', () => {
  it('sends the brotli copy of a hashed asset to a browser that takes it, immutable', async () => {
    const r = await get('/assets/app-Ab12Cd34.js', 'gzip, deflate, br, zstd');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-encoding')).toBe('br');
    expect(r.headers.get('content-type')).toMatch(/javascript/);
    expect(r.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(r.headers.get('vary')).toBe('Accept-Encoding');
    expect(brotliDecompressSync(Buffer.from(await r.arrayBuffer())).toString()).toBe(js);
  });

  it('sends gzip to a gzip-only client and the plain file to one without encodings', async () => {
    const gz = await get('/assets/app-Ab12Cd34.js', 'gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(js);
    const plain = await get('/assets/app-Ab12Cd34.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(await plain.text()).toBe(js);
  });

  it('sends an image as it is', async () => {
    const r = await get('/assets/logo-Ef56Gh78.png', 'br, gzip');
    expect(r.headers.get('content-encoding')).toBeNull();
    expect(r.headers.get('cache-control')).toBe(IMMUTABLE);
  });

  it('has index.html, on any app path, revalidated on every visit', async () => {
    for (const path of ['/', '/index.html', '/assessments/x/fill', '/favicon.svg']) {
      const r = await get(path, 'br');
      expect(r.status, path).toBe(200);
      expect(r.headers.get('cache-control'), path).toBe(REVALIDATE);
    }
    expect(await (await get('/assessments/x/fill')).text()).toContain('id="root"');
  });

  it('never answers an unknown API path or a missing asset with the app', async () => {
    expect((await get('/api/nothing')).status).toBe(404);
    const gone = await get('/assets/app-Old00000.js', 'br');
    expect(gone.status).toBe(404);
    expect(gone.headers.get('cache-control')).not.toBe(IMMUTABLE);
  });
});
