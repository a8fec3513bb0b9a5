import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemTypeOf } from '../contract/index.ts';
import {
  type Client,
  type Harness,
  harness,
  sampleAnswers,
  skipReason,
  targets,
} from '../testing/harness.ts';

/*
 * The three 409s about an assessment are told apart by their problem type,
 * never by their words: a stale revision (reload and re-apply), an edit
 * after submission (not editable), and any other action the state does not
 * allow (wrong state, naming the action).
 */
describe.each(targets)('conflicts on %s', (target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`409 problem types${skipReason(target)}`, () => {
    let h: Harness;
    let alice: Client;
    let rita: Client;
    let admin: Client;
    beforeAll(async () => {
      h = await harness(target);
      [alice, rita, admin] = await Promise.all([h.as('alice'), h.as('rita'), h.as('admin')]);
    });
    afterAll(() => h?.close());

    const created = async () =>
      (
        await alice.req('POST', '/api/assessments', {
          definition: 'gbt29490-2023',
          answers: sampleAnswers('gbt29490-2023/ready-manufacturer'),
        })
      ).body;

    it('tells stale-revision, not-editable and wrong-state apart', async () => {
      const a = await created();
      const url = `/api/assessments/${a.id}`;

      await alice.req('PATCH', url, { revision: 1, answers: {} });
      const stale = await alice.req('PATCH', url, { revision: 1, answers: {} });
      expect(stale.status).toBe(409);
      expect(problemTypeOf(stale.body.type)).toBe('stale-revision');
      expect(stale.body.currentRevision).toBe(2);

      const staleSubmit = await alice.req('POST', `${url}/submit`, { revision: 1 });
      expect(problemTypeOf(staleSubmit.body.type)).toBe('stale-revision');

      const submitted = await alice.req('POST', `${url}/submit`, { revision: 2 });
      expect(submitted.status).toBe(200);

      const edit = await alice.req('PATCH', url, { revision: 3, answers: {} });
      expect(edit.status).toBe(409);
      expect(problemTypeOf(edit.body.type)).toBe('not-editable');
      expect(edit.body).toMatchObject({ assessmentStatus: 'submitted' });
      expect(edit.body.currentRevision).toBeUndefined();
      const again = await alice.req('POST', `${url}/submit`, { revision: 3 });
      expect(problemTypeOf(again.body.type)).toBe('not-editable');

      const reopen = await alice.req('POST', `${url}/reopen`, { revision: 3 });
      expect(reopen.status).toBe(409);
      expect(problemTypeOf(reopen.body.type)).toBe('wrong-state');
      expect(reopen.body).toMatchObject({ assessmentStatus: 'submitted', action: 'reopen' });

      await admin.req('POST', `${url}/reviewers`, { reviewerId: h.users.rita.id });
      await rita.req('POST', `${url}/decision`, { outcome: 'approve', agreeRest: true });
      // The same decision again is a repeat (200); another one has lost to it (409).
      const decideTwice = await rita.req('POST', `${url}/decision`, {
        outcome: 'approve',
        agreeRest: true,
      });
      expect(decideTwice.status).toBe(200);
      const decideOtherwise = await rita.req('POST', `${url}/decision`, {
        outcome: 'return',
        comment: '再看看',
      });
      expect(decideOtherwise.status).toBe(409);
      expect(problemTypeOf(decideOtherwise.body.type)).toBe('already-decided');
      expect(decideOtherwise.body).toMatchObject({ decision: 'approve' });
      const judge = await rita.req('PUT', `${url}/reviews/pre.penalty`, { verdict: 'agree' });
      expect(judge.body).toMatchObject({ status: 409, action: 'judge' });
      const assign = await admin.req('POST', `${url}/reviewers`, { reviewerId: h.users.rob.id });
      expect(assign.body).toMatchObject({ status: 409, action: 'assign' });
      expect(problemTypeOf(assign.body.type)).toBe('wrong-state');
    });

    it('refuses an action the caller may never take with 403, whatever the state', async () => {
      const a = await created();
      const url = `/api/assessments/${a.id}`;
      await alice.req('POST', `${url}/submit`, { revision: a.revision });
      await admin.req('POST', `${url}/reviewers`, { reviewerId: h.users.rita.id });
      const edit = await rita.req('PATCH', url, { revision: a.revision + 1, answers: {} });
      expect(edit.status).toBe(403);
      expect(problemTypeOf(edit.body.type)).toBe('forbidden');
      // The refusal names the action's rule (editing is the respondent organisation's).
      expect(edit.body.detail).toBe('只有填报机构的用户可以修改答案。');
    });
  });
});
