import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../deps.ts';
import {
  type Client,
  type Harness,
  harness,
  sampleAnswers,
  skipReason,
  targets,
} from '../testing/harness.ts';
import { headOf } from './detail-heads.ts';

/*
 * The ETag columns of a reread (detail-heads.ts): whose they are, that a
 * save is seen by the very next read, and on PostgreSQL that the reads of
 * one turn of the event loop go out as one statement.
 */
describe.each(targets)('on %s', (target) => {
  describe.skipIf(skipReason(target) !== '')(`headOf${skipReason(target)}`, () => {
    let h: Harness;
    let alice: Client;
    let bob: Client;
    const answers = sampleAnswers('gbt29490-2023/ready-manufacturer');
    const create = async (c: Client) => {
      const res = await c.req('POST', '/api/assessments', {
        definition: 'gbt29490-2023',
        answers,
        asOf: '2026-11-18',
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };

    beforeAll(async () => {
      h = await harness(target);
      [alice, bob] = await Promise.all([h.as('alice'), h.as('bob')]);
    }, 120_000);
    afterAll(() => h?.close());

    /** The same dependencies with a Kysely that counts the statements it runs. */
    const counting = (): { deps: Deps; statements: () => number } => {
      let n = 0;
      const counter: KyselyPlugin = {
        transformQuery: (args) => args.node,
        transformResult: (args) => {
          n++;
          return Promise.resolve(args.result);
        },
      };
      const db = { ...h.deps.db, kysely: h.deps.db.kysely.withPlugin(counter) };
      return { deps: { ...h.deps, db }, statements: () => n };
    };

    it("answers an organisation's own assessments only, each read together with others", async () => {
      const [a1, a2, b1] = [await create(alice), await create(alice), await create(bob)];
      const { deps } = counting();
      const got = await Promise.all(
        [a1, a2, b1, 'no-such-id', a1].map((id) => headOf(deps, id, 'org-a')),
      );
      expect(got.map((g) => g?.id)).toEqual([a1, a2, undefined, undefined, a1]);
      expect(got[0]).toMatchObject({ org_id: 'org-a', status: 'draft', revision: 1 });
      expect((await headOf(deps, b1, 'org-b'))?.org_id).toBe('org-b');
    });

    it('sees a save at the next read, however recently the same draft was read', async () => {
      const id = await create(alice);
      const { deps } = counting();
      const before = await headOf(deps, id, 'org-a');
      expect(before?.revision).toBe(1);
      const saved = await alice.req('PATCH', `/api/assessments/${id}`, {
        revision: 1,
        answers: Object.fromEntries(Object.entries(answers).slice(0, 1)),
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const after = await headOf(deps, id, 'org-a');
      expect(after?.revision).toBe(2);
    });

    // A plain `if`, not runIf: on SQLite there is nothing to batch, and no test is reported skipped.
    if (target === 'postgres')
      it('reads every request of one turn in one statement, and each turn anew', async () => {
        const ids = [await create(alice), await create(alice), await create(alice)];
        const { deps, statements } = counting();
        await Promise.all([...ids, ...ids].map((id) => headOf(deps, id, 'org-a')));
        expect(statements()).toBe(1);
        await headOf(deps, ids[0] ?? '', 'org-a');
        await headOf(deps, ids[0] ?? '', 'org-a');
        expect(statements()).toBe(3);
      });
  });
});
