import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password.ts';
import {
  type Client,
  type Harness,
  harness,
  PASSWORD,
  sampleAnswers,
  skipReason,
  targets,
} from '../testing/harness.ts';

const NEARLY = sampleAnswers('gbt29490-2023/nearly-ready-software');

/*
 * A city office (mayor, org "city") runs a call for the enterprises of its
 * region. alice and carol (org-a) and bob (org-b) are in the region; far is
 * an enterprise in another province. rita reviews for the call.
 */
describe.each(targets)('programmes on %s', (target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`call, consent, window, ranking, roll-up${skipReason(target)}`, () => {
    let h: Harness;
    let mayor: Client;
    let alice: Client;
    let carol: Client;
    let bob: Client;
    let far: Client;
    let rita: Client;
    let programme: string;

    beforeAll(async () => {
      h = await harness(target);
      const db = h.deps.db.kysely;
      for (const [id, region] of [
        ['city', '江苏省青澜市'],
        ['org-a', '江苏省青澜市'],
        ['org-b', '江苏省青澜市高新区'],
      ] as const)
        await db.updateTable('organisations').set({ region }).where('id', '=', id).execute();
      await db
        .insertInto('organisations')
        .values({
          id: 'org-far',
          name: '远方公司',
          kind: 'enterprise',
          region: '浙江省杭州市',
          created_at: h.clock.now.toISOString(),
        })
        .execute();
      await db
        .insertInto('users')
        .values({
          id: 'u-far',
          email: 'far@example.cn',
          org_id: 'org-far',
          name: 'far',
          role: 'respondent',
          password_hash: await hashPassword(PASSWORD),
          created_at: h.clock.now.toISOString(),
        })
        .execute();
      [mayor, alice, carol, bob, far, rita] = await Promise.all([
        h.as('mayor'),
        h.as('alice'),
        h.as('carol'),
        h.as('bob'),
        h.as('far'),
        h.as('rita'),
      ]);
      // Seven password hashes on a busy machine: more than the default 10 s.
    }, 60_000);
    afterAll(() => h?.close());

    const submitted = async (who: Client) => {
      const a = (
        await who.req('POST', '/api/assessments', { definition: 'gbt29490-2023', answers: NEARLY })
      ).body;
      return a as { id: string; revision: number };
    };

    it('lets only an office open a call, inside its region, with the definition’s tiers', async () => {
      const base = {
        title: '2026 年青澜市贯标资助申报',
        definition: 'gbt29490-2023',
        opensOn: '2026-11-20',
        closesOn: '2026-11-21', // the harness's clock: 2026-11-21 16:00 in Asia/Shanghai
        eligibleKinds: ['enterprise'],
        quotas: { ready: 1 },
        reviewers: [h.users.rita.id],
      };
      expect((await alice.req('POST', '/api/programmes', base)).status).toBe(403);
      expect((await alice.get('/api/programmes/reviewers')).status).toBe(403);
      const choices = (await mayor.get('/api/programmes/reviewers')).body as { id: string }[];
      expect(choices.map((c) => c.id).sort()).toEqual([h.users.rita.id, h.users.rob.id].sort());
      const outside = await mayor.req('POST', '/api/programmes', { ...base, region: '浙江省' });
      expect(outside.status).toBe(422);
      expect(outside.body.errors[0].path).toBe('region');
      const badTier = await mayor.req('POST', '/api/programmes', { ...base, quotas: { gold: 2 } });
      expect(badTier.status).toBe(422);
      expect(badTier.body.errors[0].path).toBe('quotas.gold');
      const backwards = await mayor.req('POST', '/api/programmes', {
        ...base,
        closesOn: '2026-11-19',
      });
      expect(backwards.status).toBe(422);
      const notReviewer = await mayor.req('POST', '/api/programmes', {
        ...base,
        reviewers: [h.users.bob.id],
      });
      expect(notReviewer.status).toBe(422);
      const ok = await mayor.req('POST', '/api/programmes', base);
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({
        region: '江苏省青澜市',
        definitionId: 'gbt29490-2023',
        reviewers: [h.users.rita.id],
      });
      expect(ok.body.definitionVersion).toMatch(/^\d+\.\d+\.\d+$/);
      programme = ok.body.id;
    });

    it('shows the call to organisations in the region only; others cannot apply', async () => {
      const seen = (await alice.get('/api/programmes')).body;
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ as: 'applicant', window: 'open', application: null });
      // A sub-district is inside the city's region.
      expect((await bob.get('/api/programmes')).body).toHaveLength(1);
      expect((await far.get('/api/programmes')).body).toEqual([]);
      expect((await far.get(`/api/programmes/${programme}`)).status).toBe(404);
      const refused = await far.req('POST', `/api/programmes/${programme}/applications`, {});
      expect(refused.status).toBe(403);
      expect(refused.body.reasons).toEqual(['region']);
      // Reviewers are not applicants.
      expect((await rita.req('POST', `/api/programmes/${programme}/applications`, {})).status).toBe(
        404,
      );
      expect((await mayor.get('/api/programmes')).body[0]).toMatchObject({ as: 'office' });
    });

    it('gives the office nothing about an enterprise until it applies (consent)', async () => {
      await submitted(bob); // bob has an assessment under the same definition but does not apply
      const view = (await mayor.get(`/api/programmes/${programme}/applicants`)).body;
      expect(view.rows).toEqual([]);
      expect(view.ranking).toBeNull();
      expect((await alice.get(`/api/programmes/${programme}/applicants`)).status).toBe(404);
    });

    let aliceAssessment: string;
    it('applies with an existing assessment, once per organisation, and withdraws', async () => {
      const a = await submitted(alice);
      aliceAssessment = a.id;
      const applied = await alice.req('POST', `/api/programmes/${programme}/applications`, {
        assessment: a.id,
      });
      expect(applied.status).toBe(201);
      expect(applied.body.assessment).toBe(a.id);
      // Same organisation again (another user): refused, naming the live application.
      const twice = await carol.req('POST', `/api/programmes/${programme}/applications`, {});
      expect(twice.status).toBe(409);
      expect(twice.body.assessment).toBe(a.id);
      // Someone else's assessment cannot be used.
      const bobs = await submitted(bob);
      const stolen = await alice.req('POST', `/api/programmes/${programme}/applications`, {
        assessment: bobs.id,
      });
      expect(stolen.status).toBe(409); // alice's org already applied: checked first
      const wrongDef = (await bob.req('POST', '/api/assessments', { definition: 'gbt29490-2013' }))
        .body;
      const mismatch = await bob.req('POST', `/api/programmes/${programme}/applications`, {
        assessment: wrongDef.id,
      });
      expect(mismatch.status).toBe(422);
      expect(mismatch.body.type).toBe('urn:zhiping:problem:definition-mismatch');

      const office = (await mayor.get(`/api/programmes/${programme}/applicants`)).body;
      expect(office.rows.map((r: { assessment: string }) => r.assessment)).toEqual([a.id]);

      expect(
        (await carol.req('DELETE', `/api/programmes/${programme}/applications/mine`)).status,
      ).toBe(204);
      expect((await mayor.get(`/api/programmes/${programme}/applicants`)).body).toMatchObject({
        rows: [],
        withdrawn: 1,
      });
      expect(
        (await alice.req('DELETE', `/api/programmes/${programme}/applications/mine`)).status,
      ).toBe(404);
      const again = await alice.req('POST', `/api/programmes/${programme}/applications`, {
        assessment: a.id,
      });
      expect(again.status).toBe(201);
    });

    it('logs what the office looked at, once a day per viewer', async () => {
      await mayor.get(`/api/programmes/${programme}/applicants`);
      await mayor.get(`/api/programmes/${programme}/applicants`);
      const trail = (await alice.get(`/api/assessments/${aliceAssessment}/audit`)).body;
      const entries = (Array.isArray(trail) ? trail : trail.items) as { action: string }[];
      const actions = entries.map((e) => e.action);
      expect(actions.filter((x) => x === 'office_viewed')).toHaveLength(1);
      expect(actions.filter((x) => x === 'applied')).toHaveLength(2);
      expect(actions.filter((x) => x === 'withdrawn')).toHaveLength(1);
    });

    it('assigns the call’s reviewers on submission; bob applies with a new draft', async () => {
      const detail = (await alice.get(`/api/assessments/${aliceAssessment}`)).body;
      const s = await alice.req('POST', `/api/assessments/${aliceAssessment}/submit`, {
        revision: detail.revision,
      });
      expect(s.status).toBe(200);
      const queue = (await rita.get('/api/review/queue')).body;
      const items = (Array.isArray(queue) ? queue : queue.items) as { id: string }[];
      expect(items.map((x) => x.id)).toContain(aliceAssessment);

      const fresh = await bob.req('POST', `/api/programmes/${programme}/applications`, {});
      expect(fresh.status).toBe(201);
      const draft = (await bob.get(`/api/assessments/${fresh.body.assessment}`)).body;
      expect(draft).toMatchObject({ status: 'draft', definition: { id: 'gbt29490-2023' } });
      // bob already had an assessment under this definition: its answers come along
      // (dates and period figures wait for confirmation, so not every answer is carried).
      const carried = Object.keys(draft.answers).length;
      expect(carried).toBeGreaterThan(0);
      expect(carried).toBeLessThanOrEqual(Object.keys(NEARLY).length);
      const trail = (await bob.get(`/api/assessments/${fresh.body.assessment}/audit`)).body;
      const actions = ((Array.isArray(trail) ? trail : trail.items) as { action: string }[]).map(
        (e) => e.action,
      );
      expect(actions).toEqual(expect.arrayContaining(['carried_over', 'applied']));
    });

    it('ranks only after the window closes, on the decided scores, and rolls up the counts', async () => {
      expect((await mayor.get(`/api/programmes/${programme}/ranking.xlsx`)).status).toBe(409);
      const decided = await rita.req('POST', `/api/assessments/${aliceAssessment}/decision`, {
        outcome: 'approve',
        comment: '材料齐全',
        agreeRest: true,
      });
      expect(decided.status).toBe(200);
      const reviewedScore = decided.body.reviewedResult.total.score;

      // The closing day still counts; the day after, the window is shut.
      h.clock.now = new Date('2026-11-21T15:59:59Z'); // 23:59:59 in Asia/Shanghai
      expect((await mayor.get(`/api/programmes/${programme}/applicants`)).body.window).toBe('open');
      h.clock.now = new Date('2026-11-21T16:00:00Z'); // 00:00 on 22 November there
      expect((await far.req('POST', `/api/programmes/${programme}/applications`, {})).status).toBe(
        403,
      );
      const late = await carol.req('POST', `/api/programmes/${programme}/applications`, {});
      expect(late.status).toBe(409);
      expect(late.body).toMatchObject({
        type: 'urn:zhiping:problem:programme-window',
        closesOn: '2026-11-21',
        today: '2026-11-22',
      });
      expect(
        (await bob.req('DELETE', `/api/programmes/${programme}/applications/mine`)).status,
      ).toBe(409);

      const view = (await mayor.get(`/api/programmes/${programme}/applicants`)).body;
      expect(view.window).toBe('closed');
      expect(view.ranking).toMatchObject({ ranked: 1, excellentPlaces: 0 });
      const [first, second] = view.rows;
      expect(first).toMatchObject({
        assessment: aliceAssessment,
        rank: 1,
        reviewed: { score: reviewedScore },
      });
      // bob's draft has no decided result: listed, not ranked.
      expect(second).toMatchObject({ rank: null, grade: 'unranked', reviewed: null });
      expect(second.reasons).toEqual([{ code: 'cohort.no-result' }]);

      const xlsx = await mayor.get(`/api/programmes/${programme}/ranking.xlsx`);
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');

      const roll = (await mayor.get(`/api/programmes/${programme}/rollup`)).body;
      expect(roll).toMatchObject({ applied: 2, withdrawn: 1, submitted: 1, decided: 1 });
      // The floor tier (0 points) counts everyone decided; awarded comes from the ranking.
      expect(roll.reached['not-ready']).toBe(1);
      // One decided applicant, no quota on the tier it reached: the call awards exactly that tier.
      expect(first.awarded).toBe(first.reviewed.tier);
      expect(roll.awarded).toMatchObject({ [first.reviewed.tier]: 1 });
      expect(Object.values(roll.awarded as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(
        1,
      );
      expect(roll.sections.length).toBeGreaterThan(0);
      expect(roll.sections[0].values).toHaveLength(1);
    });

    it('fills the office’s own indicator from the call, with its source, and records an override', async () => {
      const own = (await mayor.req('POST', '/api/assessments', { definition: 'indicators-anshan' }))
        .body;
      expect(own.status).toBe('draft');
      const fill = (body: object, who = mayor) =>
        who.req('POST', `/api/programmes/${programme}/fills`, {
          assessment: own.id,
          item: 'ent.pilot-demo',
          revision: own.revision,
          ...body,
        });
      // Only the office, only into its own assessment, only a number item, only a known measure.
      expect((await fill({ measure: 'awarded' }, alice)).status).toBe(404);
      expect((await fill({ measure: 'awarded', assessment: aliceAssessment })).status).toBe(404);
      expect((await fill({ measure: 'awarded', item: 'no.such-item' })).status).toBe(404);
      expect((await fill({ measure: 'total' })).status).toBe(400);
      expect((await fill({ measure: 'awarded:gold' })).status).toBe(422);

      const done = await fill({ measure: 'awarded' });
      expect(done.status).toBe(200);
      // One applicant was decided and awarded its tier (previous test): the count is 1.
      expect(done.body.fill).toMatchObject({
        item: 'ent.pilot-demo',
        value: 1,
        measure: 'awarded',
        programme: { id: programme },
        overridden: false,
        overrideReason: null,
      });
      const after = (await mayor.get(`/api/assessments/${own.id}`)).body;
      expect(after.answers['ent.pilot-demo']).toBe(1);
      expect(after.revision).toBe(done.body.saved.revision);
      // Filling from a stale page is refused like any stale save.
      expect((await fill({ measure: 'applied' })).status).toBe(409);

      // The office answers otherwise (cities in its region it knows of), and says why.
      const edited = await mayor.req('PATCH', `/api/assessments/${own.id}`, {
        revision: after.revision,
        answers: { 'ent.pilot-demo': 7 },
      });
      expect(edited.status).toBe(200);
      const fills = (await mayor.get(`/api/assessments/${own.id}/fills`)).body;
      expect(fills).toEqual([expect.objectContaining({ value: 1, overridden: true })]);
      const why = await mayor.req(
        'PUT',
        `/api/assessments/${own.id}/fills/ent.pilot-demo/override`,
        {
          reason: '另有 6 家市级试点企业不在本次申报中',
        },
      );
      expect(why.status).toBe(200);
      expect(why.body).toMatchObject({
        overridden: true,
        overrideReason: '另有 6 家市级试点企业不在本次申报中',
      });
      expect(
        (
          await mayor.req('PUT', `/api/assessments/${own.id}/fills/ent.other/override`, {
            reason: 'x',
          })
        ).status,
      ).toBe(404);
      const trail = (await mayor.get(`/api/assessments/${own.id}/audit`)).body;
      const actions = ((Array.isArray(trail) ? trail : trail.items) as { action: string }[]).map(
        (e) => e.action,
      );
      expect(actions).toContain('rollup_filled');
      expect(actions).toContain('rollup_overridden');
    });

    it('lets the office end a call early: closed from then on, once', async () => {
      const made = await mayor.req('POST', '/api/programmes', {
        title: '提前截止的申报',
        definition: 'gbt29490-2023',
        opensOn: '2026-11-01',
        closesOn: '2026-12-31',
        eligibleKinds: ['enterprise'],
      });
      expect(made.status).toBe(201);
      const id = made.body.id;
      expect((await alice.req('POST', `/api/programmes/${id}/close`)).status).toBe(404);
      const closed = await mayor.req('POST', `/api/programmes/${id}/close`);
      expect(closed.status).toBe(200);
      expect(closed.body.window).toBe('closed');
      const at = closed.body.programme.closedAt;
      expect(at).toBe(h.clock.now.toISOString());
      const again = await mayor.req('POST', `/api/programmes/${id}/close`);
      expect(again.body.programme.closedAt).toBe(at);
      const late = await carol.req('POST', `/api/programmes/${id}/applications`, {});
      expect(late.status).toBe(409);
      expect(late.body.type).toBe('urn:zhiping:problem:programme-window');
      expect((await mayor.get(`/api/programmes/${id}/applicants`)).body.ranking).toMatchObject({
        ranked: 0,
      });
    });

    it('follows enterprises in cultivation through yearly calls and flags two missed reviews', async () => {
      const second = await mayor.req('POST', `/api/programmes/${programme}/next`);
      expect(second.status).toBe(201);
      expect(second.body).toMatchObject({
        opensOn: '2027-11-20',
        closesOn: '2027-11-21',
        recurrence: 'yearly',
        previousId: programme,
      });
      expect((await alice.req('POST', `/api/programmes/${programme}/next`)).status).toBe(404);
      const third = (await mayor.req('POST', `/api/programmes/${second.body.id}/next`)).body;

      // Two years on, neither yearly call had alice's organisation apply.
      h.clock.now = new Date('2028-11-22T08:00:00Z');
      const office = await h.as('mayor');
      const afterOne = (await office.get(`/api/programmes/${second.body.id}/cultivation`)).body;
      expect(afterOne).toEqual([
        expect.objectContaining({
          organisation: expect.objectContaining({ id: 'org-a' }),
          awarded: expect.objectContaining({ programme }),
          missed: [expect.objectContaining({ programme: second.body.id })],
          flagged: false,
        }),
      ]);
      const afterTwo = (await office.get(`/api/programmes/${third.id}/cultivation`)).body;
      expect(afterTwo).toHaveLength(1);
      expect(afterTwo[0].missed.map((m: { programme: string }) => m.programme)).toEqual([
        second.body.id,
        third.id,
      ]);
      expect(afterTwo[0].flagged).toBe(true);
    });
  });
});
