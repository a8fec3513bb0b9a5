import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  type Harness,
  harness,
  sampleAnswers,
  skipReason,
  targets,
} from '../testing/harness.ts';

const NEARLY = sampleAnswers('gbt29490-2023/nearly-ready-software');

describe.each(targets)('review on %s', (target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`assignment, item judgements, decision${skipReason(target)}`, () => {
    let h: Harness;
    let alice: Client;
    let rita: Client;
    let admin: Client;
    beforeAll(async () => {
      h = await harness(target);
      [alice, rita, admin] = await Promise.all([h.as('alice'), h.as('rita'), h.as('admin')]);
    });
    afterAll(() => h?.close());

    const submitted = async () => {
      const a = (
        await alice.req('POST', '/api/assessments', {
          definition: 'gbt29490-2023',
          answers: NEARLY,
        })
      ).body;
      const s = await alice.req('POST', `/api/assessments/${a.id}/submit`, {
        revision: a.revision,
      });
      expect(s.status).toBe(200);
      return s.body;
    };

    it('takes a submission through review, return, resubmission and approval', async () => {
      const a = await submitted();
      const selfScore = a.result.total.score;
      expect(
        (await rita.get('/api/review/queue')).body.map((x: { id: string }) => x.id),
      ).not.toContain(a.id);

      // Only an admin assigns, only to a reviewer.
      expect(
        (
          await alice.req('POST', `/api/assessments/${a.id}/reviewers`, {
            reviewerId: h.users.rita.id,
          })
        ).status,
      ).toBe(403);
      const toRespondent = await admin.req('POST', `/api/assessments/${a.id}/reviewers`, {
        reviewerId: h.users.bob.id,
      });
      expect(toRespondent.status).toBe(422);
      const waiting = (await admin.get('/api/admin/assessments')).body.items;
      expect(waiting.find((x: { id: string }) => x.id === a.id)?.status).toBe('submitted');
      expect(
        (
          await admin.req('POST', `/api/assessments/${a.id}/reviewers`, {
            reviewerId: h.users.rita.id,
          })
        ).status,
      ).toBe(204);

      const queue = (await rita.get('/api/review/queue')).body;
      expect(queue.find((x: { id: string }) => x.id === a.id)?.status).toBe('in_review');
      const seen = (await rita.get(`/api/assessments/${a.id}`)).body;
      expect(seen.can).toMatchObject({ judge: true, decide: true, edit: false });
      expect(seen.reviewedResult).toBeNull();

      // Pick an item the respondent did not fully meet and override it to met.
      const gap = seen.result.items.find(
        (i: { status: string; weight: number }) => i.status !== 'met' && i.weight > 0,
      );
      expect(gap).toBeDefined();
      const noReason = await rita.req('PUT', `/api/assessments/${a.id}/reviews/${gap.id}`, {
        verdict: 'override',
        status: 'met',
      });
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors[0].path).toBe('reason');
      const over = await rita.req('PUT', `/api/assessments/${a.id}/reviews/${gap.id}`, {
        verdict: 'override',
        status: 'met',
        reason: '现场查看了记录，已经落实',
        comment: '请补充电子版',
      });
      expect(over.status).toBe(200);
      expect(over.body).toMatchObject({
        item: gap.id,
        verdict: 'override',
        status: 'met',
        reviewer: { id: h.users.rita.id },
      });
      const agree = seen.result.items.find((i: { status: string }) => i.status === 'met');
      expect(
        (
          await rita.req('PUT', `/api/assessments/${a.id}/reviews/${agree.id}`, {
            verdict: 'agree',
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await rita.req('PUT', `/api/assessments/${a.id}/reviews/no.such.item`, {
            verdict: 'agree',
          })
        ).status,
      ).toBe(404);

      const reviewed = (await rita.get(`/api/assessments/${a.id}`)).body.reviewedResult;
      expect(reviewed.total.score).toBeCloseTo(
        selfScore + gap.weight - gap.points * (gap.weight / gap.max),
        3,
      );
      expect(reviewed.items.find((i: { id: string }) => i.id === gap.id)).toMatchObject({
        status: 'met',
        overridden: true,
      });

      // The respondent does not see judgements while the review runs.
      const during = (await alice.get(`/api/assessments/${a.id}`)).body;
      expect(during.reviews).toEqual([]);
      expect(during.status).toBe('in_review');

      const noComment = await rita.req('POST', `/api/assessments/${a.id}/decision`, {
        outcome: 'return',
      });
      expect(noComment.status).toBe(400);
      const returned = await rita.req('POST', `/api/assessments/${a.id}/decision`, {
        outcome: 'return',
        comment: '请补充管理评审记录',
      });
      expect(returned.status).toBe(200);
      expect(returned.body.status).toBe('returned');

      const back = (await alice.get(`/api/assessments/${a.id}`)).body;
      expect(back.decision).toMatchObject({
        outcome: 'return',
        comment: '请补充管理评审记录',
        reviewer: { name: 'rita' },
      });
      expect(back.reviews.map((r: { item: string }) => r.item).sort()).toEqual(
        [gap.id, agree.id].sort(),
      );
      expect(back.can.reopen).toBe(true);

      const reopened = await alice.req('POST', `/api/assessments/${a.id}/reopen`, {
        revision: back.revision,
      });
      expect(reopened.status).toBe(200);
      expect(reopened.body).toMatchObject({
        status: 'draft',
        decision: null,
        submissionHash: null,
      });
      const again = await alice.req('POST', `/api/assessments/${a.id}/submit`, {
        revision: reopened.body.revision,
      });
      expect(again.body.status).toBe('in_review'); // still assigned

      // Nothing judged in this round beyond what carried over: approval must say 其余各项均同意.
      const hasty = await rita.req('POST', `/api/assessments/${a.id}/decision`, {
        outcome: 'approve',
        comment: '',
      });
      expect(hasty.status).toBe(422);
      expect(hasty.body.type).toBe('urn:zhiping:problem:unjudged-items');
      const approved = await rita.req('POST', `/api/assessments/${a.id}/decision`, {
        outcome: 'approve',
        comment: '',
        agreeRest: true,
      });
      expect(approved.body.status).toBe('decided');
      // The same decision again (a double click) answers as the first did, logging nothing.
      const again2 = await rita.req('POST', `/api/assessments/${a.id}/decision`, {
        outcome: 'approve',
        agreeRest: true,
      });
      expect(again2.status).toBe(200);
      expect(again2.body.reviewed.score).toBe(approved.body.reviewed.score);
      const other = await rita.req('POST', `/api/assessments/${a.id}/decision`, {
        outcome: 'return',
        comment: '改主意了',
      });
      expect(other.status).toBe(409);
      expect(other.body).toMatchObject({
        type: 'urn:zhiping:problem:already-decided',
        decision: 'approve',
      });
      expect((await alice.get(`/api/assessments/${a.id}`)).body.decision.outcome).toBe('approve');

      const trail = (await alice.get(`/api/assessments/${a.id}/audit`)).body.map(
        (e: { action: string }) => e.action,
      );
      expect(trail).toEqual([
        'created',
        'submitted',
        'assigned',
        'reviewed',
        'reviewed',
        'decided',
        'reopened',
        'submitted',
        'decided',
      ]);
    });

    it('keeps drafts out of review; the admin list shows them without opening them', async () => {
      const draft = (await alice.req('POST', '/api/assessments', { definition: 'gbt29490-2023' }))
        .body;
      expect(
        (
          await admin.req('POST', `/api/assessments/${draft.id}/reviewers`, {
            reviewerId: h.users.rita.id,
          })
        ).status,
      ).toBe(404);
      // The admin's list shows every state, a draft too, but the draft stays closed to the admin.
      expect(
        (await admin.get('/api/admin/assessments?status=draft')).body.items.map(
          (x: { id: string }) => x.id,
        ),
      ).toContain(draft.id);
    });

    it('lets an admin list and create users with a password policy', async () => {
      expect((await admin.get('/api/admin/users')).body.total).toBe(7);
      expect((await alice.get('/api/admin/users')).status).toBe(403);
      const weak = await admin.req('POST', '/api/admin/users', {
        email: 'new@example.cn',
        name: '新人',
        role: 'respondent',
        organisationId: 'org-a',
        password: 'short',
      });
      expect(weak.status).toBe(400);
      expect(weak.body.errors[0].path).toBe('password');
      const body = {
        email: 'new@example.cn',
        name: '新人',
        role: 'respondent',
        organisationId: 'org-a',
        password: 'long-enough-2026',
      };
      const ok = await admin.req('POST', '/api/admin/users', body);
      expect(ok.status).toBe(201);
      expect(ok.body.organisation.id).toBe('org-a');
      expect((await admin.req('POST', '/api/admin/users', body)).status).toBe(409);
      expect((await h.as('new@example.cn', 'long-enough-2026')).cookie).toBeTruthy();
      expect((await admin.get('/api/admin/organisations')).body.total).toBe(5);
    });
  });
});
