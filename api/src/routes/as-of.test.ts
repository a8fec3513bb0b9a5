import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, harness, skipReason, targets } from '../testing/harness.ts';

/*
 * The assessment date flows everywhere: an item that becomes required once
 * a date-derived value passes a threshold is required by submit validation
 * exactly when scoring counts it missing — at the assessment's own date.
 */
const DEFINITION = {
  id: 'asof-test',
  version: '1.0.0',
  family: 'gbt29490',
  title: '评估日期测试',
  audience: ['enterprise'],
  sections: [
    {
      id: 'p',
      title: '概况',
      items: [{ id: 'p.started', kind: 'date', prompt: '体系开始运行的日期' }],
    },
    {
      id: 'audit',
      title: '内审',
      items: [
        {
          id: 'audit.done',
          kind: 'yesno',
          points: 5,
          prompt: '运行满 3 个月后，是否做过一次内审？',
          requiredWhen: { op: 'gt', ref: 'd.months', value: 3 },
        },
      ],
    },
  ],
  derived: [
    {
      id: 'd.months',
      label: '运行月数',
      unit: '月',
      expr: { op: 'monthsSince', ref: 'p.started' },
    },
  ],
  tiers: [{ id: 'base', label: '基础' }],
};

describe.each(targets)('the assessment date on %s', (target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`validation, scoring and defaults${skipReason(target)}`, () => {
    let h: Harness;
    let alice: Client;
    beforeAll(async () => {
      h = await harness(target);
      alice = await h.as('alice');
      const admin = await h.as('admin');
      expect((await admin.req('POST', '/api/forms', DEFINITION)).status).toBe(201);
    });
    afterAll(() => h?.close());

    // d.months counts whole months from 2026-01-15: 3 on 2026-05-14, 4 on 2026-05-15.
    for (const { asOf, required } of [
      { asOf: '2026-05-14', required: false },
      { asOf: '2026-05-15', required: true },
    ]) {
      it(`${required ? 'requires' : 'does not require'} the audit on ${asOf}, in scoring and at submission`, async () => {
        const a = (
          await alice.req('POST', '/api/assessments', {
            definition: 'asof-test',
            asOf,
            answers: { 'p.started': '2026-01-15' },
          })
        ).body;
        expect(a.asOf).toBe(asOf);
        expect(a.result.derived['d.months']).toBe(required ? 4 : 3);
        expect(a.result.progress.requiredMissing.includes('audit.done')).toBe(required);
        const s = await alice.req('POST', `/api/assessments/${a.id}/submit`, {
          revision: a.revision,
        });
        if (required) {
          expect(s.status).toBe(422);
          expect(s.body.errors).toEqual([
            { path: 'audit.done', code: 'answer.required', message: '此题必答' },
          ]);
        } else {
          expect(s.status).toBe(200);
          expect(s.body.result.progress.requiredMissing).toEqual([]);
        }
      });
    }

    it('moves the requirement when a draft moves its date', async () => {
      const a = (
        await alice.req('POST', '/api/assessments', {
          definition: 'asof-test',
          asOf: '2026-05-14',
          answers: { 'p.started': '2026-01-15' },
        })
      ).body;
      const saved = await alice.req('PATCH', `/api/assessments/${a.id}`, {
        revision: a.revision,
        asOf: '2026-05-15',
      });
      expect(saved.status).toBe(200);
      const later = (await alice.get(`/api/assessments/${a.id}`)).body;
      expect(later.result.progress.requiredMissing).toEqual(['audit.done']);
      const s = await alice.req('POST', `/api/assessments/${a.id}/submit`, {
        revision: later.revision,
      });
      expect(s.status).toBe(422);
      expect(s.body.errors[0]).toMatchObject({ path: 'audit.done', code: 'answer.required' });
    });

    it("dates a new assessment and a stateless score today in the organisation's time zone", async () => {
      const before = h.clock.now;
      try {
        h.clock.now = new Date('2026-11-28T23:30:00Z'); // 07:30 on the 29th in Beijing
        const late = await h.as('alice'); // a session of the moved clock
        const a = (await late.req('POST', '/api/assessments', { definition: 'asof-test' })).body;
        expect(a.asOf).toBe('2026-11-29');
        expect(a.title).toContain('2026-11-29');
        const scored = await h.anon.req('POST', '/api/forms/asof-test/score', {
          answers: { 'p.started': '2026-07-29' },
        });
        expect(scored.status).toBe(200);
        expect(scored.body.derived['d.months']).toBe(4); // on 2026-11-28 it would be 3
      } finally {
        h.clock.now = before;
      }
    });
  });
});
