import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  type Harness,
  harness,
  sampleAnswers,
  skipReason,
  targets,
} from '../testing/harness.ts';

// Complete and consistent: everything but the "does not apply" answers below may be submitted.
const READY = sampleAnswers('gbt29490-2023/ready-manufacturer');
// Two items the 2023 edition lets a respondent mark "does not apply" (c7.1 and c9.3).
const OFFBOARDING = 'c7.1.offboarding';
const FINDINGS = 'c9.3.findings';

describe.each(targets)('"does not apply" needs a reason to submit, on %s', (target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`submission${skipReason(target)}`, () => {
    let h: Harness;
    let alice: Client;
    beforeAll(async () => {
      h = await harness(target);
      alice = await h.as('alice');
    }, 60_000);
    afterAll(() => h?.close());

    it('saves a reasonless "does not apply" as a draft, refuses the submit naming each item, then submits once a reason is given', async () => {
      const a = (await alice.req('POST', '/api/assessments', { definition: 'gbt29490-2023' })).body;
      const draft = await alice.req('PATCH', `/api/assessments/${a.id}`, {
        revision: 1,
        answers: {
          ...READY,
          [OFFBOARDING]: { notApplicable: true },
          [FINDINGS]: { notApplicable: true, reason: '   ' },
        },
      });
      expect(draft.status).toBe(200);

      const refused = await alice.req('POST', `/api/assessments/${a.id}/submit`, { revision: 2 });
      expect(refused.status).toBe(422);
      expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
      const named = refused.body.errors
        .filter((e: { code: string }) => e.code === 'answer.na_reason')
        .map((e: { path: string; message: string }) => [e.path, e.message]);
      expect(named.sort()).toEqual([
        [OFFBOARDING, '请说明此项不适用的理由'],
        [FINDINGS, '请说明此项不适用的理由'],
      ]);
      expect(refused.body.errors).toHaveLength(2);
      expect((await alice.get(`/api/assessments/${a.id}`)).body.status).toBe('draft');

      const reasoned = await alice.req('PATCH', `/api/assessments/${a.id}`, {
        revision: 2,
        answers: {
          [OFFBOARDING]: { notApplicable: true, reason: '体系运行以来无人离职' },
          [FINDINGS]: { notApplicable: true, reason: '内审未发现不符合' },
        },
      });
      expect(reasoned.status).toBe(200);
      const done = await alice.req('POST', `/api/assessments/${a.id}/submit`, { revision: 3 });
      expect(done.status).toBe(200);
      expect(done.body.status).toBe('submitted');
    }, 30_000);
  });
});
