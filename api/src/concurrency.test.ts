import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness, skipReason, targets } from './testing/harness.ts';

describe.each(targets)('concurrent autosaves on %s', (target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`one revision, two writers${skipReason(target)}`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await harness(target);
    });
    afterAll(() => h?.close());

    it('lets exactly one of two saves on the same revision win, and loses nothing', async () => {
      const [alice, carol] = await Promise.all([h.as('alice'), h.as('carol')]);
      for (let round = 0; round < 10; round++) {
        const a = (await alice.req('POST', '/api/assessments', { definition: 'gbt29490-2023' }))
          .body;
        const [r1, r2] = await Promise.all([
          alice.req('PATCH', `/api/assessments/${a.id}`, {
            revision: 1,
            answers: { 'pre.started': '2025-01-01' },
          }),
          carol.req('PATCH', `/api/assessments/${a.id}`, {
            revision: 1,
            answers: { 'pre.penalty': false },
          }),
        ]);
        expect([r1.status, r2.status].sort()).toEqual([200, 409]);
        const [win, lose] = r1.status === 200 ? [r1, r2] : [r2, r1];
        expect(win.body.revision).toBe(2);
        expect(lose.body.currentRevision).toBe(2);
        // The loser reloads and re-applies on top: both answers end up stored.
        const retry =
          r1.status === 409
            ? await alice.req('PATCH', `/api/assessments/${a.id}`, {
                revision: 2,
                answers: { 'pre.started': '2025-01-01' },
              })
            : await carol.req('PATCH', `/api/assessments/${a.id}`, {
                revision: 2,
                answers: { 'pre.penalty': false },
              });
        expect(retry.status).toBe(200);
        const final = (await alice.get(`/api/assessments/${a.id}`)).body;
        expect(final.answers).toEqual({ 'pre.started': '2025-01-01', 'pre.penalty': false });
        expect(final.revision).toBe(3);
      }
    });

    it('serialises a burst of saves: every acknowledged one is in the log, in order', async () => {
      const alice = await h.as('alice');
      const a = (await alice.req('POST', '/api/assessments', { definition: 'gbt29490-2023' })).body;
      const burst = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          alice.req('PATCH', `/api/assessments/${a.id}`, {
            revision: 1 + Math.floor(i / 4),
            answers: { 'pre.penalty': i % 2 === 0 },
          }),
        ),
      );
      const acked = burst.filter((r) => r.status === 200).map((r) => r.body.revision);
      expect(burst.every((r) => r.status === 200 || r.status === 409)).toBe(true);
      expect(new Set(acked).size).toBe(acked.length); // no revision acknowledged twice
      const saves = (await alice.get(`/api/assessments/${a.id}/audit`)).body.filter(
        (e: { action: string }) => e.action === 'saved',
      );
      expect(saves.map((e: { detail: { revision: number } }) => e.detail.revision).sort()).toEqual(
        [...acked].sort(),
      );
    });
  });
});
