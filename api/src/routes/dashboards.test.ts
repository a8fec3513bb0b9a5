import { loadSample } from '@zhiping/forms/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, harness, skipReason, targets } from '../testing/harness.ts';

/*
 * Each role's home figures (issue 17), checked against the lists (which
 * the lists' own tests prove) and against dates worked out by hand here.
 */

const NEARLY = loadSample('gbt29490-2023/nearly-ready-software.json');
const OLD = loadSample('gbt29490-2013/well-maintained.json');

describe.each(targets)('dashboards on %s', (target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`respondent, reviewer, admin${skipReason(target)}`, () => {
    let h: Harness;
    let alice: Client;
    let bob: Client;
    let carol: Client;
    let rita: Client;
    let admin: Client;
    const ids: Record<string, string> = {};

    async function make(who: Client, key: string, at: string, body: object, submit = false) {
      h.clock.now = new Date(at);
      const r = await who.req('POST', '/api/assessments', body);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      if (submit)
        expect(
          (
            await who.req('POST', `/api/assessments/${r.body.id}/submit`, {
              revision: r.body.revision,
            })
          ).status,
        ).toBe(200);
      ids[key] = r.body.id;
    }
    const assign = async (key: string, who: 'rita' | 'rob') =>
      expect(
        (
          await admin.req('POST', `/api/assessments/${ids[key]}/reviewers`, {
            reviewerId: h.users[who].id,
          })
        ).status,
      ).toBe(204);

    beforeAll(async () => {
      h = await harness(target);
      alice = await h.as('alice');
      bob = await h.as('bob');
      carol = await h.as('carol');
      rita = await h.as('rita');
      admin = await h.as('admin');
      const v23 = { definition: 'gbt29490-2023', answers: NEARLY.answers };
      await make(alice, 'first', '2026-03-01T02:00:00Z', { ...v23, title: '第一次' });
      await make(alice, 'decided', '2026-03-02T02:00:00Z', { ...v23, title: '已决定' }, true);
      await make(alice, 'old', '2026-03-03T02:00:00Z', {
        definition: 'gbt29490-2013',
        title: '旧版',
        asOf: OLD.asOf,
        answers: OLD.answers,
      });
      await make(bob, 'bobs', '2026-03-03T03:00:00Z', { ...v23, title: '乙单位' }, true);
      await make(carol, 'waiting', '2026-03-03T04:00:00Z', { ...v23, title: '待分配' }, true);
      await assign('decided', 'rita');
      await assign('bobs', 'rita');
      // Wednesday 4 March 2026, 10:00 in Shanghai: the week of Monday 2 March.
      h.clock.now = new Date('2026-03-04T02:00:00Z');
      const d = await rita.req('POST', `/api/assessments/${ids.decided}/decision`, {
        outcome: 'approve',
        comment: '同意',
        agreeRest: true,
      });
      expect(d.status, JSON.stringify(d.body)).toBe(200);
      await make(alice, 'again', '2026-03-05T02:00:00Z', { ...v23, title: '再评' });
      // Rita finished her review of bob's round 1 on Monday 9 March, 01:00 in Shanghai
      // (still Sunday 8 March in UTC: the week is the service's).
      await h.deps.db.kysely
        .insertInto('review_finishes')
        .values({
          assessment_id: ids.bobs as string,
          round: 1,
          reviewer_id: h.users.rita.id,
          finished_at: '2026-03-08T17:00:00.000Z',
        })
        .execute();
      h.clock.now = new Date('2026-03-10T02:00:00Z');
    }, 60_000);
    afterAll(() => h?.close());

    it('respondent: per definition the latest, the latest decided, and the next step', async () => {
      const r = await alice.get('/api/dashboard/respondent');
      expect(r.status).toBe(200);
      const { lines, byStatus } = r.body;
      // carol shares alice's organisation: her submitted one is the organisation's too.
      expect(byStatus).toEqual({ draft: 3, submitted: 1, in_review: 0, returned: 0, decided: 1 });
      const v23 = lines.find(
        (l: { definition: { id: string } }) => l.definition.id === 'gbt29490-2023',
      );
      expect(v23).toMatchObject({
        assessments: 4,
        latest: { id: ids.again, status: 'draft' },
        decided: { id: ids.decided, status: 'decided' },
        next: 'continue',
      });
      // The decided figures are the frozen ones the list shows.
      const listed = (await alice.get('/api/assessments?status=decided')).body.items[0];
      expect(v23.decided.reviewed).toEqual(listed.reviewed);
      expect(v23.decided.score).toBe(listed.score);
      const v13 = lines.find(
        (l: { definition: { id: string } }) => l.definition.id === 'gbt29490-2013',
      );
      expect(v13).toMatchObject({ assessments: 1, decided: null, next: 'continue' });
      // The newest change first.
      expect(lines[0].definition.id).toBe('gbt29490-2023');
      expect((await bob.get('/api/dashboard/respondent')).body.lines[0].next).toBe('await-review');
    });

    it('reviewer: the queue by state and 8 calendar weeks of work', async () => {
      const r = await rita.get('/api/dashboard/reviewer');
      expect(r.status).toBe(200);
      expect(r.body.queue).toEqual({ pending: 0, finished: 1, returned: 0, decided: 1 });
      const weeks: { week: string; finished: number; decided: number }[] = r.body.weeks;
      expect(weeks.map((w) => w.week)).toEqual([
        '2026-01-19',
        '2026-01-26',
        '2026-02-02',
        '2026-02-09',
        '2026-02-16',
        '2026-02-23',
        '2026-03-02',
        '2026-03-09',
      ]);
      expect(weeks.find((w) => w.week === '2026-03-02')).toEqual({
        week: '2026-03-02',
        finished: 0,
        decided: 1,
      });
      expect(weeks.find((w) => w.week === '2026-03-09')).toEqual({
        week: '2026-03-09',
        finished: 1,
        decided: 0,
      });
      const rob = await h.as('rob');
      const empty = (await rob.get('/api/dashboard/reviewer')).body;
      expect(empty.queue).toEqual({ pending: 0, finished: 0, returned: 0, decided: 0 });
      expect(empty.weeks.every((w: { finished: number }) => w.finished === 0)).toBe(true);
    });

    it('admin: counts agree with the list, reviewers by load, unassigned work', async () => {
      const r = await admin.get('/api/dashboard/admin');
      expect(r.status).toBe(200);
      const d = r.body;
      const total = async (q: string) =>
        (await admin.get(`/api/admin/assessments?${q}`)).body.total;
      for (const [status, n] of Object.entries(d.byStatus))
        expect(n, status).toBe(await total(`status=${status}`));
      for (const line of d.byDefinition) {
        expect(line.total).toBe(await total(`definition=${line.definition.id}`));
        expect(line.byStatus.draft).toBe(
          await total(`definition=${line.definition.id}&status=draft`),
        );
      }
      const rita = d.reviewers.find((p: { id: string }) => p.id === h.users.rita.id);
      const open =
        (await total(`reviewerId=${h.users.rita.id}&status=submitted`)) +
        (await total(`reviewerId=${h.users.rita.id}&status=in_review`));
      expect(rita).toMatchObject({ open, finished: 1 });
      expect(open).toBe(1);
      expect(d.reviewers[0].id).toBe(h.users.rita.id);
      expect(d.unassigned).toBe(1);
    });

    it('each role reads only its own', async () => {
      expect((await alice.get('/api/dashboard/admin')).status).toBe(403);
      expect((await alice.get('/api/dashboard/reviewer')).status).toBe(403);
      expect((await rita.get('/api/dashboard/respondent')).status).toBe(403);
      expect((await admin.get('/api/dashboard/reviewer')).status).toBe(403);
      expect((await h.anon.get('/api/dashboard/respondent')).status).toBe(401);
    });
  });
});
