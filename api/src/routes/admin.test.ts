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

describe.each(targets)('admin workspace on %s', (target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`organisations, every assessment, reviewers${skipReason(target)}`, () => {
    let h: Harness;
    let admin: Client;
    let alice: Client;
    beforeAll(async () => {
      h = await harness(target);
      [admin, alice] = await Promise.all([h.as('admin'), h.as('alice')]);
    });
    afterAll(() => h?.close());

    it('creates and edits an organisation with its region level, audited', async () => {
      const created = await admin.req('POST', '/api/admin/organisations', {
        name: '宁波市知识产权局',
        shortName: '宁波局',
        kind: 'city',
        region: '宁波市',
        regionLevel: 'city',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        shortName: '宁波局',
        region: '宁波市',
        regionLevel: 'city',
        users: 0,
      });
      const id = created.body.id;
      const changed = await admin.req('PATCH', `/api/admin/organisations/${id}`, {
        region: '浙江省',
        regionLevel: 'province',
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ region: '浙江省', regionLevel: 'province' });
      const log = (await admin.get(`/api/admin/audit?targetId=${id}`)).body.items;
      expect(log.map((e: { action: string }) => e.action)).toEqual([
        'organisation_changed',
        'organisation_created',
      ]);
      expect(log[0].detail.before).toEqual({ region: '宁波市', regionLevel: 'city' });
      expect(log[0].actor.id).toBe(h.users.admin.id);

      const byLevel = (await admin.get('/api/admin/organisations?regionLevel=province')).body;
      expect(byLevel.items.map((o: { id: string }) => o.id)).toEqual([id]);
      expect((await admin.get('/api/admin/organisations?q=浙江')).body.total).toBe(1);
      // Legacy rows (no level) still list, with a null level.
      const all = (await admin.get('/api/admin/organisations?pageSize=100')).body;
      expect(all.total).toBe(6);
      expect(all.items.find((o: { id: string }) => o.id === 'org-a')).toMatchObject({
        regionLevel: null,
        users: 2,
      });
    });

    it('refuses a region without its level, an unknown level, and half a region change (400)', async () => {
      const bad = [
        { name: 'x', kind: 'city', region: '宁波市' },
        { name: 'x', kind: 'city', regionLevel: 'city' },
        { name: 'x', kind: 'city', region: '宁波市', regionLevel: 'county' },
        { name: '', kind: 'city' },
        { name: 'x', kind: 'galaxy' },
      ];
      for (const b of bad) {
        const r = await admin.req('POST', '/api/admin/organisations', b);
        expect(r.status, JSON.stringify(b)).toBe(400);
        expect(r.body.type).toBe('urn:zhiping:problem:invalid-request');
        expect(r.body.errors.length).toBeGreaterThan(0);
      }
      const half = await admin.req('PATCH', '/api/admin/organisations/org-a', { region: '宁波市' });
      expect(half.status).toBe(400);
      expect(half.body.errors[0].path).toBe('regionLevel');
      expect(
        (await admin.req('PATCH', '/api/admin/organisations/nope', { name: 'y' })).status,
      ).toBe(404);
      expect(
        (await alice.req('POST', '/api/admin/organisations', { name: 'z', kind: 'city' })).status,
      ).toBe(403);
    });

    const submitted = async (title: string) => {
      const a = (
        await alice.req('POST', '/api/assessments', {
          definition: 'gbt29490-2023',
          title,
          answers: NEARLY,
        })
      ).body;
      const s = await alice.req('POST', `/api/assessments/${a.id}/submit`, {
        revision: a.revision,
      });
      expect(s.status).toBe(200);
      return a.id as string;
    };

    it('lists every assessment in every state, filtered and paged', async () => {
      const draft = (
        await alice.req('POST', '/api/assessments', {
          definition: 'gbt29490-2023',
          title: '草稿甲',
        })
      ).body;
      const sent = await submitted('已提交乙');
      const all = (await admin.get('/api/admin/assessments?pageSize=100')).body;
      const ids = all.items.map((a: { id: string }) => a.id);
      expect(ids).toEqual(expect.arrayContaining([draft.id, sent]));
      const drafts = (await admin.get('/api/admin/assessments?status=draft')).body.items;
      expect(drafts.every((a: { status: string }) => a.status === 'draft')).toBe(true);
      expect((await admin.get('/api/admin/assessments?q=已提交乙')).body.items[0].id).toBe(sent);
      expect(
        (await admin.get('/api/admin/assessments?definition=strong-city-2016')).body.total,
      ).toBe(0);
      expect((await admin.get('/api/admin/assessments?organisationId=org-b')).body.total).toBe(0);
      const p1 = (await admin.get('/api/admin/assessments?pageSize=1&page=1')).body;
      const p2 = (await admin.get('/api/admin/assessments?pageSize=1&page=2')).body;
      expect(p1.total).toBe(all.total);
      expect([p1.items[0].id, p2.items[0].id]).toEqual(ids.slice(0, 2));
      for (const bad of ['status=open', 'definition=GB!', 'page=-1', 'pageSize=0'])
        expect((await admin.get(`/api/admin/assessments?${bad}`)).status, bad).toBe(400);
      // Listing a draft does not open it: an admin still cannot read or assign one.
      expect((await admin.get(`/api/assessments/${draft.id}`)).status).toBe(404);
      expect(
        (
          await admin.req('PUT', `/api/admin/assessments/${draft.id}/reviewers`, {
            reviewerIds: [h.users.rita.id],
          })
        ).status,
      ).toBe(404);
    });

    it('assigns, reassigns and unassigns reviewers idempotently, audited', async () => {
      const id = await submitted('改派测试');
      const put = (reviewerIds: string[]) =>
        admin.req('PUT', `/api/admin/assessments/${id}/reviewers`, { reviewerIds });
      const reviewersOf = async () =>
        (await admin.get(`/api/admin/assessments?q=改派测试`)).body.items[0];
      const changes = async () =>
        (await admin.get(`/api/admin/audit?targetId=${id}`)).body.items.length;

      expect((await put([h.users.rita.id])).status).toBe(200);
      expect(await reviewersOf()).toMatchObject({
        status: 'in_review',
        reviewers: [{ id: h.users.rita.id }],
      });
      expect(await changes()).toBe(1);
      // The same list again changes nothing and logs nothing.
      expect((await put([h.users.rita.id])).body).toEqual([{ id: h.users.rita.id, name: 'rita' }]);
      expect(await changes()).toBe(1);
      // Reassign rita → rob.
      const moved = await put([h.users.rob.id]);
      expect(moved.status).toBe(200);
      expect(moved.body.map((p: { id: string }) => p.id)).toEqual([h.users.rob.id]);
      const assigned = await h.deps.db.kysely
        .selectFrom('assignments')
        .select('reviewer_id')
        .where('assessment_id', '=', id)
        .execute();
      expect(assigned.map((a) => a.reviewer_id)).toEqual([h.users.rob.id]);
      const entry = (await admin.get(`/api/admin/audit?targetId=${id}`)).body.items[0];
      expect(entry.detail).toMatchObject({ added: [h.users.rob.id], removed: [h.users.rita.id] });
      // Unassigning the last reviewer of an assessment under review is refused.
      const none = await put([]);
      expect(none.status).toBe(422);
      expect(none.body.errors[0].path).toBe('reviewerIds');
      // Only reviewers; nothing changes when one of the list is not.
      const mixed = await put([h.users.rob.id, h.users.bob.id]);
      expect(mixed.status).toBe(422);
      expect((await reviewersOf()).reviewers.map((p: { id: string }) => p.id)).toEqual([
        h.users.rob.id,
      ]);
      // A reviewer from the respondent's own organisation: refused before anything changes
      // (rita, valid and listed first, is not assigned either).
      const insider = await admin.req('POST', '/api/admin/users', {
        email: 'insider@example.cn',
        name: '内部评审',
        role: 'reviewer',
        organisationId: 'org-a',
      });
      const conflict = await put([h.users.rob.id, h.users.rita.id, insider.body.id]);
      expect(conflict.status).toBe(422);
      expect(conflict.body.type).toBe('urn:zhiping:problem:conflict-of-interest');
      expect((await reviewersOf()).reviewers.map((p: { id: string }) => p.id)).toEqual([
        h.users.rob.id,
      ]);
      // Bad bodies are 400s.
      expect((await put([h.users.rob.id, h.users.rob.id])).status).toBe(400);
      expect((await admin.req('PUT', `/api/admin/assessments/${id}/reviewers`, {})).status).toBe(
        400,
      );
    });
  });
});
