import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { jsonBodyLimit } from './body-limit.ts';
import type { Env } from './context.ts';
import { Problem } from './problem.ts';

const LIMIT = 64;

function app() {
  const a = new Hono<Env>();
  a.onError((err, c) =>
    err instanceof Problem ? c.json({ type: err.type }, err.status) : c.text('boom', 500),
  );
  a.use(jsonBodyLimit(LIMIT));
  a.get('/', (c) => c.text('read'));
  a.patch('/', async (c) => c.text(`got ${(await c.req.text()).length}`));
  return a;
}

/** A body without a stated length: the server sees `Transfer-Encoding: chunked`. */
function chunked(size: number) {
  const bytes = new TextEncoder().encode('x'.repeat(size));
  return new ReadableStream<Uint8Array>({
    start(ctrl) {
      ctrl.enqueue(bytes.subarray(0, size >> 1));
      ctrl.enqueue(bytes.subarray(size >> 1));
      ctrl.close();
    },
  });
}

describe('jsonBodyLimit', () => {
  it('lets a GET through without looking for a body', async () => {
    const r = await app().request('/');
    expect(await r.text()).toBe('read');
  });

  it('judges a stated length: exactly the limit passes, one byte more is 413', async () => {
    const at = await app().request('/', {
      method: 'PATCH',
      body: 'x'.repeat(LIMIT),
      headers: { 'content-length': String(LIMIT) },
    });
    expect(await at.text()).toBe(`got ${LIMIT}`);
    const over = await app().request('/', {
      method: 'PATCH',
      body: 'x'.repeat(LIMIT + 1),
      headers: { 'content-length': String(LIMIT + 1) },
    });
    expect(over.status).toBe(413);
    expect(await over.json()).toEqual({ type: 'body-too-large' });
  });

  it('counts a body without a length as it streams in', async () => {
    const init = (size: number): RequestInit & { duplex: 'half' } => ({
      method: 'PATCH',
      body: chunked(size),
      headers: { 'transfer-encoding': 'chunked' },
      duplex: 'half',
    });
    const at = await app().request('/', init(LIMIT));
    expect(await at.text()).toBe(`got ${LIMIT}`);
    const over = await app().request('/', init(LIMIT + 1));
    expect(over.status).toBe(413);
  });
});
