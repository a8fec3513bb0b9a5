import type { Relation } from '@zhiping/forms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Assessment, findAssessment } from '../db/repositories/assessments.ts';
import {
  type Client,
  type Harness,
  harness,
  sampleAnswers,
  skipReason,
  targets,
} from '../testing/harness.ts';
import { decidedOf, reviewView } from './review-outcome.ts';

/*
 * What each party sees of a review (review-outcome.ts), called directly at each
 * step of one round: two reviewers (rita the lead, rob), the respondent alice.
 * The sample is ready-manufacturer, 97.3054 self-assessed (worked out by hand in
 * test/criteria/gbt29490-2023), tier 可以申请认证. On SQLite, and on PostgreSQL with
 * TEST_DATABASE_URL.
 */
describe.each(targets)('on %s', (target) => {
  describe.skipIf(skipReason(target) !== '')(
    `the review as each party sees it${skipReason(target)}`,
    () => {
      let h: Harness;
      let alice: Client;
      let rita: Client;
      let rob: Client;
      let admin: Client;
      const answers = sampleAnswers('gbt29490-2023/ready-manufacturer');
      const owner: Relation = { role: 'respondent', owner: true, assigned: false };
      const lead: Relation = { role: 'reviewer', owner: false, assigned: true, lead: true };
      const second: Relation = { role: 'reviewer', owner: false, assigned: true, lead: false };

      beforeAll(async () => {
        h = await harness(target);
        [alice, rita, rob, admin] = await Promise.all([
          h.as('alice'),
          h.as('rita'),
          h.as('rob'),
          h.as('admin'),
        ]);
      }, 120_000); // migrations, seeding and scrypt on a busy machine
      afterAll(() => h?.close());

      const stored = async (id: string): Promise<Assessment> => {
        const row = await findAssessment(h.deps.db.kysely, id, 'all');
        if (!row) throw new Error(`${id} was not stored`);
        return row;
      };
      const view = async (id: string, relation: Relation) => {
        const row = await stored(id);
        const def = await h.deps.definitions.get(`${row.definition_id}@${row.definition_version}`);
        return reviewView(h.deps.db.kysely, def, row, relation);
      };
      const draft = async () => {
        const res = await alice.req('POST', '/api/assessments', {
          definition: 'gbt29490-2023',
          answers,
          asOf: '2026-11-18',
        });
        expect(res.status).toBe(201);
        return res.body as { id: string; revision: number; result: { items: Item[] } };
      };
      type Item = { id: string; status: string; weight: number };
      const submit = async (a: { id: string; revision: number }) =>
        expect(
          (await alice.req('POST', `/api/assessments/${a.id}/submit`, { revision: a.revision }))
            .status,
        ).toBe(200);
      const assign = async (id: string, who: 'rita' | 'rob') =>
        expect(
          (
            await admin.req('POST', `/api/assessments/${id}/reviewers`, {
              reviewerId: h.users[who].id,
            })
          ).status,
        ).toBe(204);

      it('shows no round, reviewer or result before the first submission', async () => {
        const a = await draft();
        expect(await view(a.id, owner)).toEqual({
          round: 0,
          reviewers: [],
          reviews: [],
          reviewedResult: null,
        });
      });

      it('keeps the second reviewer blind and the respondent out until the round is back with them', async () => {
        const a = await draft();
        // A met item worth points: judged unmet, it costs the reviewed total exactly its weight.
        const x = a.result.items.find((i) => i.weight > 0 && i.status === 'met') as Item;
        await submit(a);
        await assign(a.id, 'rita'); // the first assigned leads
        await assign(a.id, 'rob');

        // Nobody has judged: no judgement and no reviewed result to show, even to the lead.
        const fresh = await view(a.id, lead);
        expect(fresh.round).toBe(1);
        expect(fresh.reviews).toEqual([]);
        expect(fresh.reviewedResult).toBeNull();
        const byName = (r: { name: string }[]) =>
          [...r].sort((p, q) => p.name.localeCompare(q.name));
        expect(byName(fresh.reviewers)).toEqual([
          { id: h.users.rita.id, name: 'rita', lead: true, finishedAt: null },
          { id: h.users.rob.id, name: 'rob', lead: false, finishedAt: null },
        ]);

        const judged = await rita.req('PUT', `/api/assessments/${a.id}/reviews/${x.id}`, {
          verdict: 'override',
          status: 'unmet',
          reason: '未见记录',
        });
        expect(judged.status).toBe(200);

        // The lead sees the judgement that counts and a live preview of the reviewed total.
        const mine = await view(a.id, lead);
        expect(mine.reviews.map((r) => [r.item, r.status])).toEqual([[x.id, 'unmet']]);
        expect(mine.reviewedResult?.total.score).toBeCloseTo(97.3054 - x.weight, 3);
        expect(mine.reviewedResult?.items.find((i) => i.id === x.id)).toMatchObject({
          status: 'unmet',
          overridden: true,
        });
        // The second reviewer judges blind: nothing of the lead's until everyone finished.
        expect(await view(a.id, second)).toMatchObject({
          round: 1,
          reviews: [],
          reviewedResult: null,
        });
        // The respondent reads nothing while the review runs.
        expect(await view(a.id, owner)).toMatchObject({
          round: 1,
          reviews: [],
          reviewedResult: null,
        });

        expect((await rob.req('POST', `/api/assessments/${a.id}/review/finish`)).status).toBe(200);
        const robDone = await view(a.id, second);
        // One of two finished: still blind, but rob's finish is on record.
        expect(robDone.reviews).toEqual([]);
        expect(robDone.reviewers.find((r) => r.id === h.users.rob.id)?.finishedAt).toEqual(
          expect.any(String),
        );
        expect(robDone.reviewers.find((r) => r.id === h.users.rita.id)?.finishedAt).toBeNull();
        expect((await rita.req('POST', `/api/assessments/${a.id}/review/finish`)).status).toBe(200);
        // Both finished: rob reads what counts, as the lead does.
        const open = await view(a.id, second);
        expect(open.reviews.map((r) => r.item)).toEqual([x.id]);
        expect(open.reviewedResult?.total.score).toBeCloseTo(97.3054 - x.weight, 3);

        // Returned and reopened: the respondent reads the judgements, but no reviewed result —
        // their answers are being changed.
        const returned = await rita.req('POST', `/api/assessments/${a.id}/decision`, {
          outcome: 'return',
          comment: '请核实',
        });
        expect(returned.status).toBe(200);
        // Returned, not yet reopened: the respondent reads the judgements and the reviewed
        // result frozen with the return.
        const atReturn = await view(a.id, owner);
        expect(atReturn.reviews.map((r) => r.item)).toEqual([x.id]);
        expect(atReturn.reviewedResult?.total.score).toBeCloseTo(97.3054 - x.weight, 3);
        const back = await stored(a.id);
        const reopened = await alice.req('POST', `/api/assessments/${a.id}/reopen`, {
          revision: back.revision,
        });
        expect(reopened.status).toBe(200);
        const draftAgain = await view(a.id, owner);
        expect((await stored(a.id)).status).toBe('draft');
        expect(draftAgain.reviews.map((r) => r.item)).toEqual([x.id]);
        expect(draftAgain.reviewedResult).toBeNull();
      });

      it('shows a sole reviewer (no lead flag) their judgements and the preview at once', async () => {
        const a = await draft();
        const x = a.result.items.find((i) => i.weight > 0 && i.status === 'met') as Item;
        await submit(a);
        await assign(a.id, 'rita');
        const judged = await rita.req('PUT', `/api/assessments/${a.id}/reviews/${x.id}`, {
          verdict: 'override',
          status: 'unmet',
          reason: '未见记录',
        });
        expect(judged.status).toBe(200);
        const sole: Relation = { role: 'reviewer', owner: false, assigned: true };
        const v = await view(a.id, sole);
        expect(v.reviews.map((r) => r.item)).toEqual([x.id]);
        expect(v.reviewedResult?.total.score).toBeCloseTo(97.3054 - x.weight, 3);
      });

      it('freezes, on the first read, the reviewed result of a round decided before rounds froze it', async () => {
        const a = await draft();
        const x = a.result.items.find((i) => i.weight > 0 && i.status === 'met') as Item;
        await submit(a);
        await assign(a.id, 'rita');
        const judged = await rita.req('PUT', `/api/assessments/${a.id}/reviews/${x.id}`, {
          verdict: 'override',
          status: 'unmet',
          reason: '未见记录',
        });
        expect(judged.status).toBe(200);
        const approved = await rita.req('POST', `/api/assessments/${a.id}/decision`, {
          outcome: 'approve',
          agreeRest: true,
        });
        expect(approved.status).toBe(200);
        const db = h.deps.db.kysely;
        const frozenCols = () =>
          db
            .selectFrom('rounds')
            .select(['reviewed_result', 'reviewed_score', 'reviewed_tier', 'reviewed_seal'])
            .where('assessment_id', '=', a.id)
            .executeTakeFirstOrThrow();
        const atDecision = await frozenCols();
        expect(atDecision.reviewed_seal).toEqual(expect.any(String));
        // As a round decided before rounds existed: the decision, but no reviewed result.
        await db
          .updateTable('rounds')
          .set({
            reviewed_result: null,
            reviewed_score: null,
            reviewed_tier: null,
            reviewed_seal: null,
          })
          .where('assessment_id', '=', a.id)
          .execute();

        // The respondent reads the decided round: scored from the round's answers with the
        // lead's judgement (x unmet costs its weight), not the self result.
        const v = await view(a.id, owner);
        expect(v.reviews.map((r) => [r.item, r.status])).toEqual([[x.id, 'unmet']]);
        expect(v.reviewedResult?.total.score).toBeCloseTo(97.3054 - x.weight, 3);
        expect(v.reviewedResult?.items.find((i) => i.id === x.id)).toMatchObject({
          status: 'unmet',
          overridden: true,
        });
        // Scored at the round's date, as the decision scored it: the edition (validFrom
        // 2024-01-01) is named only with a date, and the running gate (more than 3 months
        // since pre.started) is decided only with one.
        expect(v.reviewedResult?.edition).toBeDefined();
        expect(v.reviewedResult?.gates.filter((g) => g.outcome === 'unknown')).toEqual([]);
        expect(v.reviewedResult?.verdict.tier).toBe(atDecision.reviewed_tier);
        // …and frozen once, as the decision had frozen it: same figures, tier and seal.
        const refrozen = await frozenCols();
        expect(Number(refrozen.reviewed_score)).toBeCloseTo(97.3054 - x.weight, 3);
        expect(refrozen.reviewed_tier).toBe(atDecision.reviewed_tier);
        expect(refrozen.reviewed_seal).toBe(atDecision.reviewed_seal);
        expect(refrozen.reviewed_result).toEqual(expect.any(String));
      });

      it('serves a decided round its frozen reviewed result, never scored again on read', async () => {
        const a = await draft();
        const x = a.result.items.find((i) => i.weight > 0 && i.status === 'met') as Item;
        await submit(a);
        await assign(a.id, 'rita');
        expect(
          (
            await rita.req('PUT', `/api/assessments/${a.id}/reviews/${x.id}`, {
              verdict: 'override',
              status: 'unmet',
              reason: '未见记录',
            })
          ).status,
        ).toBe(200);
        expect(
          (
            await rita.req('POST', `/api/assessments/${a.id}/decision`, {
              outcome: 'approve',
              agreeRest: true,
            })
          ).status,
        ).toBe(200);
        // As if frozen by an engine that scored it otherwise: 42.5 where today's engine
        // gives 97.3054 − x's weight. The frozen figure is what every reader gets.
        const db = h.deps.db.kysely;
        const round = await db
          .selectFrom('rounds')
          .select('reviewed_result')
          .where('assessment_id', '=', a.id)
          .executeTakeFirstOrThrow();
        const frozen = JSON.parse(String(round.reviewed_result));
        frozen.total.score = 42.5;
        await db
          .updateTable('rounds')
          .set({ reviewed_result: JSON.stringify(frozen) })
          .where('assessment_id', '=', a.id)
          .execute();
        for (const who of [owner, lead]) {
          const v = await view(a.id, who);
          expect(v.reviews.map((r) => r.item)).toEqual([x.id]);
          expect(v.reviewedResult?.total.score).toBe(42.5);
        }
      });

      it('lists the decided outcome of decided rows only, with both tiers named', async () => {
        const a = await draft();
        await submit(a);
        await assign(a.id, 'rita');
        const approved = await rita.req('POST', `/api/assessments/${a.id}/decision`, {
          outcome: 'approve',
          agreeRest: true,
        });
        expect(approved.status).toBe(200);
        const decided = await stored(a.id);
        const other = await stored((await draft()).id);
        const out = await decidedOf(h.deps.db.kysely, h.deps.definitions, [decided, other]);
        expect([...out.keys()]).toEqual([a.id]);
        // Every item agreed: the reviewed figures are the self-assessed ones.
        expect(out.get(a.id)).toEqual({
          round: 1,
          score: 97.3054,
          verdict: '可以申请认证',
          selfScore: 97.3054,
          selfVerdict: '可以申请认证',
          decidedAt: decided.decided_at,
        });
        // A row said to be decided without a decided round has no outcome to list.
        const claimed = await decidedOf(h.deps.db.kysely, h.deps.definitions, [
          { ...other, status: 'decided' },
        ]);
        expect(claimed.size).toBe(0);
      });
    },
  );
});
