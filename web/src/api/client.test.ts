import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../test/fetch-stub.ts';
import { ApiError, isStale, isWrongState, request, STALE_REVISION } from './client.ts';

afterEach(() => vi.unstubAllGlobals());

describe('request', () => {
  it('sends JSON with the session cookie on every write, even with nothing to say', async () => {
    const calls = stubFetch(() => ({ status: 204 }));
    await request('POST', '/auth/logout');
    expect(calls[0]).toMatchObject({
      url: '/api/auth/logout',
      method: 'POST',
      body: {},
      credentials: 'same-origin',
    });
    expect(calls[0]?.headers['Content-Type']).toBe('application/json');
  });

  it('turns a problem+json refusal into an ApiError carrying its detail and extra members', async () => {
    stubFetch(() => ({
      status: 409,
      type: 'application/problem+json',
      body: {
        type: STALE_REVISION,
        title: '版本已过期',
        status: 409,
        detail: '请刷新',
        currentRevision: 9,
      },
    }));
    const e = await request('PATCH', '/assessments/a', { revision: 1 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(isStale(e)).toBe(true);
    expect((e as ApiError).message).toBe('请刷新');
    expect((e as ApiError).body.currentRevision).toBe(9);
  });

  it('tells the three 409s apart by problem type: only stale-revision is stale', async () => {
    for (const [slug, stale, wrongState] of [
      ['stale-revision', true, false],
      ['not-editable', false, true],
      ['wrong-state', false, true],
    ] as const) {
      stubFetch(() => ({
        status: 409,
        type: 'application/problem+json',
        body: { type: `urn:zhiping:problem:${slug}`, title: 'x', status: 409 },
      }));
      const e = await request('PATCH', '/assessments/a', { revision: 1 }).catch((x: unknown) => x);
      expect([isStale(e), isWrongState(e)], slug).toEqual([stale, wrongState]);
    }
  });

  it('reports a body that is not JSON by its status', async () => {
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    const e = (await request('GET', '/forms').catch((x: unknown) => x)) as ApiError;
    expect(e.status).toBe(502);
    expect(e.problem.title).toBe('Bad Gateway');
  });
});
