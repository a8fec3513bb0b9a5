import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  type Harness,
  harness,
  sampleAnswers,
  skipReason,
  targets,
} from './testing/harness.ts';

/*
 * For every endpoint that takes an assessment id: a user of another
 * organisation, an unassigned reviewer and an admin (for drafts) neither
 * read nor change it, and get the same 404 as for an id that does not exist.
 */
const endpoints = (id: string, item: string) =>
  [
    ['GET', `/api/assessments/${id}`, undefined],
    ['GET', `/api/assessments/${id}/audit`, undefined],
    ['PATCH', `/api/assessments/${id}`, { revision: 1, answers: { 'pre.penalty': true } }],
    ['POST', `/api/assessments/${id}/submit`, { revision: 1 }],
    ['POST', `/api/assessments/${id}/reopen`, { revision: 1 }],
    ['PUT', `/api/assessments/${id}/reviews/${item}`, { verdict: 'agree' }],
    ['POST', `/api/assessments/${id}/decision`, { outcome: 'approve', comment: '' }],
  ] as const;

describe.each(targets)('isolation on %s', (target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`organisations and assignments${skipReason(target)}`, () => {
    let h: Harness;
    let c: Record<'alice' | 'bob' | 'rita' | 'rob' | 'admin', Client>;
    let draft: { id: string; revision: number; answers: object };
    let inReview: { id: string; revision: number; answers: object };
    beforeAll(async () => {
      h = await harness(target);
      const [alice, bob, rita, rob, admin] = await Promise.all([
        h.as('alice'),
        h.as('bob'),
        h.as('rita'),
        h.as('rob'),
        h.as('admin'),
      ]);
      c = { alice, bob, rita, rob, admin };
      draft = (
        await alice.req('POST', '/api/assessments', {
          definition: 'gbt29490-2023',
          answers: { 'pre.penalty': false },
        })
      ).body;
      const sub = (
        await alice.req('POST', '/api/assessments', {
          definition: 'gbt29490-2023',
          answers: sampleAnswers('gbt29490-2023/ready-manufacturer'),
        })
      ).body;
      await alice.req('POST', `/api/assessments/${sub.id}/submit`, { revision: sub.revision });
      await admin.req('POST', `/api/assessments/${sub.id}/reviewers`, {
        reviewerId: h.users.rita.id,
      });
      inReview = (await alice.get(`/api/assessments/${sub.id}`)).body;
    });
    afterAll(() => h?.close());

    const snapshot = async (id: string) => {
      const a = (await c.alice.get(`/api/assessments/${id}`)).body;
      const trail = (await c.alice.get(`/api/assessments/${id}/audit`)).body;
      return {
        revision: a.revision,
        status: a.status,
        answers: a.answers,
        reviews: a.reviews,
        trail: trail.length,
      };
    };

    for (const who of ['bob', 'rob', 'admin'] as const) {
      for (const which of ['draft', 'inReview'] as const) {
        it(`${who} can neither read nor change another's ${which}`, async () => {
          const a = which === 'draft' ? draft : inReview;
          const before = await snapshot(a.id);
          for (const [method, path, body] of endpoints(a.id, 'pre.penalty')) {
            const r = await c[who].req(method, path, body);
            // Roles without the right get 403 before anything is looked up; all others 404.
            expect([403, 404], `${who} ${method} ${path} → ${r.status}`).toContain(r.status);
            expect(r.type).toMatch(/problem\+json/);
            expect(JSON.stringify(r.body)).not.toContain(JSON.stringify(a.answers).slice(1, 30));
            const ghost = await c[who].req(method, path.replace(a.id, 'no-such-id'), body);
            expect(ghost.status, `${who} ${method} on a missing id`).toBe(r.status);
          }
          expect(await snapshot(a.id)).toEqual(before);
        });
      }
      it(`${who} does not see the organisation's assessments in any list`, async () => {
        const lists = ['/api/assessments', '/api/review/queue'];
        for (const path of lists) {
          const r = await c[who].get(path);
          // A list the role may not open at all is refused outright; one it may open must not show them.
          if (r.status !== 200) {
            expect(r.status, `${who} GET ${path}`).toBeOneOf([403, 404]);
            continue;
          }
          // The list of assessments is a page ({ items, total }); the queue is an array.
          const rows = (Array.isArray(r.body) ? r.body : r.body.items) as { id: string }[];
          expect(rows, `${who} GET ${path}`).toBeInstanceOf(Array);
          const ids = rows.map((x) => x.id);
          expect(ids).not.toContain(draft.id);
          if (who !== 'admin') expect(ids).not.toContain(inReview.id);
        }
      });
    }

    it('the assigned reviewer reads and judges, but cannot edit answers', async () => {
      expect((await c.rita.get(`/api/assessments/${inReview.id}`)).status).toBe(200);
      expect((await c.rita.get(`/api/assessments/${draft.id}`)).status).toBe(404);
      const edit = await c.rita.req('PATCH', `/api/assessments/${inReview.id}`, {
        revision: inReview.revision,
        answers: {},
      });
      expect(edit.status).toBe(403);
      expect(
        (
          await c.rita.req('PUT', `/api/assessments/${inReview.id}/reviews/pre.penalty`, {
            verdict: 'agree',
          })
        ).status,
      ).toBe(200);
    });

    it('a colleague in the same organisation shares its assessments', async () => {
      const carol = await h.as('carol');
      expect((await carol.get(`/api/assessments/${draft.id}`)).status).toBe(200);
    });

    it('anonymous callers get 401 everywhere an id is taken', async () => {
      for (const [method, path, body] of endpoints(draft.id, 'pre.penalty')) {
        expect((await h.anon.req(method, path, body)).status, `${method} ${path}`).toBe(401);
      }
    });
  });
});
