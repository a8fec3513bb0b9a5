import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  type Harness,
  harness,
  sampleAnswers,
  skipReason,
  targets,
} from '../testing/harness.ts';

const READY = sampleAnswers('gbt29490-2023/ready-manufacturer');
// A year earlier the same enterprise had held no management review yet and ran a thinner budget.
const EARLIER = {
  ...READY,
  'pre.management-review': false,
  'c9.4.held': false,
  'c9.4.inputs': 0,
  'c9.4.outputs': 0,
  'c7.1.budget': 1,
};

describe.each(targets)('history and names on %s', (target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`an organisation's assessments over time${skipReason(target)}`, () => {
    let h: Harness;
    let alice: Client;
    let bob: Client;
    const ids: Record<string, string> = {};
    const create = async (asOf: string, answers: object) => {
      const r = await alice.req('POST', '/api/assessments', {
        definition: 'gbt29490-2023',
        asOf,
        answers,
      });
      expect(r.status).toBe(201);
      return r.body;
    };
    const submit = async (a: { id: string; revision: number }) => {
      const r = await alice.req('POST', `/api/assessments/${a.id}/submit`, {
        revision: a.revision,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    };
    beforeAll(async () => {
      h = await harness(target);
      alice = await h.as('alice');
      bob = await h.as('bob');
      // Created out of order: the later one first. History orders by the assessment date.
      const later = await create('2026-11-20', READY);
      h.clock.now = new Date('2026-11-21T09:00:00Z');
      await submit(later);
      const earlier = await create('2025-11-20', EARLIER);
      await submit(earlier);
      ids.later = later.id;
      ids.earlier = earlier.id;
    }, 60_000);
    afterAll(() => h?.close());

    it('lists the definitions the organisation has assessed', async () => {
      const r = await alice.get('/api/history');
      expect(r.status).toBe(200);
      expect(r.body).toEqual([
        expect.objectContaining({ definition: 'gbt29490-2023', assessments: 2 }),
      ]);
    });

    it('gives every assessment with its rounds, oldest first, and one trend point per round', async () => {
      const r = await alice.get('/api/history/gbt29490-2023');
      expect(r.status).toBe(200);
      expect(r.body.entries.map((e: { id: string }) => e.id)).toEqual([ids.earlier, ids.later]);
      for (const e of r.body.entries) {
        expect(e.rounds).toHaveLength(1);
        expect(e.rounds[0]).toMatchObject({ number: 1, score: e.score, reviewed: false });
      }
      expect(r.body.points).toHaveLength(2);
      const [p1, p2] = r.body.points;
      expect(p2.score).toBeGreaterThan(p1.score);
      expect(Object.keys(p1.sections)).toEqual(
        expect.arrayContaining([
          'pre',
          ...r.body.sections.map((s: { id: string }) => s.id).slice(2, 3),
        ]),
      );
    });

    it('says what changed since last time: the review held, the budget better, the gate now passed', async () => {
      const { changes } = (await alice.get('/api/history/gbt29490-2023')).body;
      expect(changes.from.assessment).toBe(ids.earlier);
      expect(changes.to.assessment).toBe(ids.later);
      expect(changes.improved.map((c: { item: string }) => c.item)).toEqual(
        expect.arrayContaining(['c9.4.held', 'c7.1.budget']),
      );
      expect(changes.fellBack).toEqual([]);
      expect(changes.gatesPassed.map((g: { gate: string }) => g.gate)).toContain(
        'g.management-review',
      );
      expect(changes.score.delta).toBeGreaterThan(0);
    });

    it('compares a draft in progress with the last round', async () => {
      h.clock.now = new Date('2026-11-21T12:00:00Z');
      const draft = await create('2026-11-22', { ...READY, 'c7.1.budget': 1 });
      const { entries, changes, points } = (await alice.get('/api/history/gbt29490-2023')).body;
      expect(points).toHaveLength(2);
      expect(entries.at(-1)).toMatchObject({ id: draft.id, status: 'draft', rounds: [] });
      expect(changes.to).toEqual({ assessment: draft.id, title: draft.title, round: null });
      expect(changes.fellBack.map((c: { item: string }) => c.item)).toEqual(['c7.1.budget']);
    });

    it('shows nobody else an organisation history', async () => {
      const other = (await bob.get('/api/history/gbt29490-2023')).body;
      expect(other.entries).toEqual([]);
      const rita = await h.as('rita');
      expect((await rita.get('/api/history/gbt29490-2023')).status).toBe(403);
      const admin = await h.as('admin');
      expect((await admin.get('/api/history/gbt29490-2023')).status).toBe(404);
      const named = await admin.get('/api/history/gbt29490-2023?organisation=org-a');
      expect(named.body.entries).toHaveLength(3);
      expect((await alice.get('/api/history/Bad Id')).status).toBe(400);
    });

    it('titles a new assessment "<organisation> · <form> · <date>", the form named once', async () => {
      const a = (await alice.get(`/api/assessments/${ids.later}`)).body;
      expect(a.title).toBe('机构 org-a · GB/T 29490-2023 · 2026-11-21');
    });

    it('renames in any state, audited with the old and new title', async () => {
      const r = await alice.req('PATCH', `/api/assessments/${ids.later}/title`, {
        title: '  2026 年度贯标自评  ',
      });
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ id: ids.later, title: '2026 年度贯标自评' });
      expect((await alice.get(`/api/assessments/${ids.later}`)).body.title).toBe(
        '2026 年度贯标自评',
      );
      const log = (await alice.get(`/api/assessments/${ids.later}/audit`)).body;
      expect(log.at(-1)).toMatchObject({
        action: 'renamed',
        detail: { from: '机构 org-a · GB/T 29490-2023 · 2026-11-21', to: '2026 年度贯标自评' },
      });
    });

    it('refuses an empty or overlong title with a 400 problem naming the field', async () => {
      for (const title of ['   ', 'x'.repeat(201)]) {
        const r = await alice.req('PATCH', `/api/assessments/${ids.later}/title`, { title });
        expect(r.status).toBe(400);
        expect(r.type).toContain('application/problem+json');
        expect(r.body.errors[0].path).toBe('title');
      }
      expect(
        (await bob.req('PATCH', `/api/assessments/${ids.later}/title`, { title: 'x' })).status,
      ).toBe(404);
    });
  });
});
