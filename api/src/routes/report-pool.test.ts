import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, harness } from '../testing/harness.ts';

describe('reports off the main thread', () => {
  let h: Harness;
  let alice: Client;
  beforeAll(async () => {
    h = await harness('sqlite', { REPORTS_PER_USER: '1' });
    alice = await h.as('alice');
  });
  afterAll(() => h?.close());

  it('limits renders per user, serves a second download from the cache, and keeps the event loop free', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        (
          await alice.req('POST', '/api/assessments', {
            definition: 'gbt29490-2023',
            title: `报告 ${i}`,
          })
        ).body.id,
      );
    // The event loop while three renders are asked for at once.
    let ticks = 0;
    let worst = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const t = performance.now();
      worst = Math.max(worst, t - last);
      last = t;
      ticks++;
    }, 5);
    const res = await Promise.all(
      ids.map((id) =>
        h.app.request(`/api/assessments/${id}/report.pdf`, {
          headers: { cookie: alice.cookie ?? '' },
        }),
      ),
    );
    clearInterval(timer);
    const statuses = res.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 429, 429]);
    const refused = res.find((r) => r.status === 429);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    const ok = res.find((r) => r.status === 200);
    const first = Buffer.from(await (ok as Response).arrayBuffer());
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(ticks).toBeGreaterThan(0);
    // Rendering happened in a worker: the loop was never held for long.
    expect(worst).toBeLessThan(1000);

    const okId = ids[res.indexOf(ok as Response)];
    const t = performance.now();
    const again = await h.app.request(`/api/assessments/${okId}/report.pdf`, {
      headers: { cookie: alice.cookie ?? '' },
    });
    const cachedMs = performance.now() - t;
    expect(again.status).toBe(200);
    expect(Buffer.from(await again.arrayBuffer()).equals(first)).toBe(true);
    expect(cachedMs).toBeLessThan(200);
  });
});
