import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  type Harness,
  harness,
  sampleAnswers,
  skipReason,
  targets,
} from '../testing/harness.ts';

// The bonus questions are left open in the sample (as in seeds/programmes.yaml).
const DEMO = {
  ...sampleAnswers('ip-enterprise/demonstration'),
  'bonus.dense-products': false,
  'bonus.qianqi-baicheng': false,
};

/*
 * Previous titles (issue 18, domain.md §4: Shenzhen's 示范 asks for 2 years as
 * 优势). The city (mayor) runs ip-enterprise calls for 青澜市; alice (org-a)
 * gets 优势 from a closed 2024 call, bob (org-b) has an 优势 the city declares.
 * The clock walks from 2024 to 2026; every date below is counted by hand.
 */
describe.each(targets)('previous titles on %s', (target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`titles from calls and declarations${skipReason(target)}`, () => {
    let h: Harness;
    const as = (who: string): Promise<Client> => h.as(who);

    beforeAll(async () => {
      h = await harness(target);
      const db = h.deps.db.kysely;
      for (const [id, region] of [
        ['city', '江苏省青澜市'],
        ['org-a', '江苏省青澜市'],
        ['org-b', '江苏省青澜市高新区'],
      ] as const)
        await db.updateTable('organisations').set({ region }).where('id', '=', id).execute();
    }, 60_000);
    afterAll(() => h?.close());

    const call = async (mayor: Client, over: object) => {
      const r = await mayor.req('POST', '/api/programmes', {
        title: '青澜市知识产权优势、示范企业推荐',
        definition: 'ip-enterprise',
        eligibleKinds: ['enterprise'],
        reviewers: [h.users.rita.id],
        ...over,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.id as string;
    };

    /** Applies with the demonstration sample, submits, and has rita approve it. */
    const applyAndDecide = async (who: Client, programme: string) => {
      const a = (
        await who.req('POST', '/api/assessments', { definition: 'ip-enterprise', answers: DEMO })
      ).body as { id: string; revision: number };
      const applied = await who.req('POST', `/api/programmes/${programme}/applications`, {
        assessment: a.id,
      });
      expect(applied.status, JSON.stringify(applied.body)).toBe(201);
      const s = await who.req('POST', `/api/assessments/${a.id}/submit`, { revision: a.revision });
      expect(s.status, JSON.stringify(s.body)).toBe(200);
      const rita = await as('rita');
      const d = await rita.req('POST', `/api/assessments/${a.id}/decision`, {
        outcome: 'approve',
        comment: '材料齐全',
        agreeRest: true,
      });
      expect(d.status, JSON.stringify(d.body)).toBe(200);
      return a.id;
    };

    let first: string;
    it('a closed call’s award is a title dated the day the call closed', async () => {
      h.clock.now = new Date('2024-11-10T02:00:00Z');
      const mayor = await as('mayor');
      // No 示范 place this round: alice's 示范 score falls through to 优势.
      first = await call(mayor, {
        opensOn: '2024-11-01',
        closesOn: '2024-11-20',
        quotas: { demonstration: 0 },
      });
      await applyAndDecide(await as('alice'), first);
      const before = (await (await as('alice')).get('/api/organisations/org-a/titles')).body;
      expect(before.held).toEqual([]); // the call is still open
      h.clock.now = new Date('2024-11-21T02:00:00Z');
      const titles = (await (await as('alice')).get('/api/organisations/org-a/titles')).body;
      expect(titles.held).toEqual([
        expect.objectContaining({
          title: 'advantage',
          since: '2024-11-20',
          source: 'call',
          programme: expect.objectContaining({ id: first }),
        }),
      ]);
    });

    it('lets the region’s office or an admin declare a title, with its source, and nobody else', async () => {
      const [mayor, alice, bob, admin] = await Promise.all([
        as('mayor'),
        as('alice'),
        as('bob'),
        as('admin'),
      ]);
      const body = { title: 'advantage', since: '2024-11-21', source: '青知〔2024〕17号' };
      expect((await alice.req('POST', '/api/organisations/org-b/titles', body)).status).toBe(403);
      expect((await mayor.req('POST', '/api/organisations/city/titles', body)).status).toBe(404);
      expect((await mayor.req('POST', '/api/organisations/org-x/titles', body)).status).toBe(404);
      expect(
        (await mayor.req('POST', '/api/organisations/org-b/titles', { ...body, source: '' }))
          .status,
      ).toBe(400);
      // One day after alice's award: bob will be one day short of 2 years.
      const made = await mayor.req('POST', '/api/organisations/org-b/titles', body);
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({
        orgId: 'org-b',
        since: '2024-11-21',
        source: '青知〔2024〕17号',
        declaredBy: { id: 'u-mayor' },
        revoked: null,
      });
      // bob reads his own, not alice's; the admin reads any.
      expect((await bob.get('/api/organisations/org-b/titles')).body.held).toEqual([
        expect.objectContaining({ title: 'advantage', since: '2024-11-21', source: 'declared' }),
      ]);
      expect((await bob.get('/api/organisations/org-a/titles')).status).toBe(404);
      expect((await admin.get('/api/organisations/org-a/titles')).status).toBe(200);
    });

    let second: string;
    it('checks each tier’s rule on the closing day: exactly 2 years holds, a day short does not', async () => {
      h.clock.now = new Date('2026-11-10T02:00:00Z');
      const mayor = await as('mayor');
      const bad = await mayor.req('POST', '/api/programmes', {
        title: 'x',
        definition: 'ip-enterprise',
        opensOn: '2026-11-01',
        closesOn: '2026-11-20',
        eligibleKinds: ['enterprise'],
        titleRules: { gold: { title: 'advantage', years: 2 } },
      });
      expect(bad.status).toBe(422);
      expect(bad.body.errors[0].path).toBe('titleRules.gold');
      // 示范 asks for 优势 held 2 years by 2026-11-20.
      second = await call(mayor, {
        opensOn: '2026-11-01',
        closesOn: '2026-11-20',
        titleRules: { demonstration: { title: 'advantage', years: 2 } },
      });
      const alice = await as('alice');
      const bob = await as('bob');
      const mine = (await alice.get(`/api/programmes/${second}`)).body;
      // 2024-11-20 + 2 years = 2026-11-20, the closing day itself.
      expect(mine.titleChecks).toEqual([
        {
          tier: 'demonstration',
          title: 'advantage',
          years: 2,
          met: true,
          heldSince: '2024-11-20',
          metFrom: '2026-11-20',
        },
      ]);
      expect(mine.ineligible).toEqual([]);
      const his = (await bob.get(`/api/programmes/${second}`)).body;
      // 2024-11-21 + 2 years = 2026-11-21: one day after the closing day.
      expect(his.titleChecks[0]).toMatchObject({ met: false, metFrom: '2026-11-21' });
      // 优势 asks for nothing, so bob may still apply.
      expect(his.ineligible).toEqual([]);
      await applyAndDecide(alice, second);
      await applyAndDecide(bob, second);
      h.clock.now = new Date('2026-11-21T02:00:00Z');
      const view = (await (await as('mayor')).get(`/api/programmes/${second}/applicants`)).body;
      expect(view.tiers.find((t: { id: string }) => t.id === 'demonstration').titleRule).toEqual({
        title: 'advantage',
        years: 2,
      });
      const byOrg = (id: string) =>
        view.rows.find((r: { organisation: { id: string } }) => r.organisation.id === id);
      const a = byOrg('org-a');
      const b = byOrg('org-b');
      // Same sample, same decided score: the rule alone sets them apart.
      expect(a.reviewed.score).toBe(b.reviewed.score);
      expect(a.awarded).toBe('demonstration');
      expect(b.awarded).toBe('advantage');
      expect(b.reasons).toContainEqual({
        code: 'tier.title-required',
        tier: 'demonstration',
        title: 'advantage',
        years: 2,
      });
      expect(a.reasons.map((r: { code: string }) => r.code)).not.toContain('tier.title-required');
    });

    it('refuses an application when every tier asks for a title the organisation lacks', async () => {
      h.clock.now = new Date('2026-11-22T02:00:00Z');
      const mayor = await as('mayor');
      // A review of 示范 holders: both tiers ask for 示范, held at all.
      const holders = { title: 'demonstration', years: 0 };
      const third = await call(mayor, {
        title: '青澜市示范企业复核',
        opensOn: '2026-11-22',
        closesOn: '2026-11-30',
        titleRules: { advantage: holders, demonstration: holders },
      });
      const bob = await as('bob');
      expect((await bob.get(`/api/programmes/${third}`)).body.ineligible).toEqual(['title']);
      const refused = await bob.req('POST', `/api/programmes/${third}/applications`, {});
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({
        type: 'urn:zhiping:problem:not-eligible',
        reasons: ['title'],
        titles: [
          expect.objectContaining({ tier: 'advantage', heldSince: null }),
          expect.objectContaining({ tier: 'demonstration', heldSince: null }),
        ],
      });
      expect(refused.body.detail).toContain('尚无该称号');
      // alice's 示范 comes from the second call (ended 2026-11-20).
      const alice = await as('alice');
      expect((await alice.get(`/api/programmes/${third}`)).body.titleChecks[0]).toMatchObject({
        met: true,
        heldSince: '2026-11-20',
      });
      expect((await alice.req('POST', `/api/programmes/${third}/applications`, {})).status).toBe(
        201,
      );
      // A declared 示范 opens the call to bob; revoked, it no longer counts, and the record stays.
      const declared = await mayor.req('POST', '/api/organisations/org-b/titles', {
        title: 'demonstration',
        since: '2023-12-01',
        source: '国知办函运字〔2023〕572号 名单',
      });
      expect(declared.status).toBe(201);
      expect((await bob.get(`/api/programmes/${third}`)).body.ineligible).toEqual([]);
      const revoked = await mayor.req(
        'POST',
        `/api/organisations/org-b/titles/${declared.body.id}/revoke`,
        { reason: '登记有误：该企业获评的是省级示范' },
      );
      expect(revoked.status).toBe(200);
      expect(revoked.body.revoked).toMatchObject({ by: 'u-mayor' });
      expect((await bob.get(`/api/programmes/${third}`)).body.ineligible).toEqual(['title']);
      const list = (await mayor.get('/api/organisations/org-b/titles')).body;
      expect(list.declarations).toHaveLength(2);
      expect(
        list.held.map((t: { title: string; source: string }) => `${t.source}:${t.title}`),
      ).toEqual(['declared:advantage', 'call:advantage']);
    });

    it('sums every call of the office on its dashboard, equal to counts over the applications', async () => {
      const mayor = await as('mayor');
      // Two yearly reviews after the first call (2025 and 2026), both closed now: alice,
      // in cultivation since the first call, applied to neither.
      const y2025 = (await mayor.req('POST', `/api/programmes/${first}/next`)).body;
      const y2026 = (await mayor.req('POST', `/api/programmes/${y2025.id}/next`)).body;
      expect((await (await as('alice')).get('/api/programmes/dashboard')).status).toBe(403);
      const dash = await mayor.get('/api/programmes/dashboard');
      expect(dash.status).toBe(200);
      const { calls, totals, cultivation } = dash.body;
      expect(calls).toHaveLength(5);
      for (const c of calls) {
        const view = (await mayor.get(`/api/programmes/${c.programme.id}/applicants`)).body;
        type Row = {
          status: string;
          reviewed: unknown;
          grade: string | null;
          awarded: string | null;
        };
        const rows = view.rows as Row[];
        const awarded: Record<string, number> = {};
        for (const r of rows) if (r.awarded) awarded[r.awarded] = (awarded[r.awarded] ?? 0) + 1;
        expect(c, c.programme.title).toMatchObject({
          window: view.window,
          applied: rows.length,
          withdrawn: view.withdrawn,
          submitted: rows.filter((r) => r.status !== 'draft').length,
          decided: rows.filter((r) => r.reviewed !== null).length,
        });
        if (view.window === 'closed') {
          expect(c.passed).toBe(
            rows.filter((r) => r.grade === 'pass' || r.grade === 'excellent').length,
          );
          // Tiers nobody got are listed with 0.
          expect(Object.fromEntries(Object.entries(c.awarded).filter(([, n]) => n))).toEqual(
            awarded,
          );
        } else expect(c.awarded).toBeNull();
      }
      const second2 = calls.find((c: { programme: { id: string } }) => c.programme.id === second);
      expect(second2).toMatchObject({
        applied: 2,
        decided: 2,
        passed: 2,
        awarded: { demonstration: 1, advantage: 1 },
      });
      expect(totals).toMatchObject({
        calls: 5,
        open: 1,
        closed: 4,
        upcoming: 0,
        applied: 4,
        decided: 3,
      });
      expect(totals.awarded).toEqual({ advantage: 2, demonstration: 1 });
      // The 2024 chain: alice awarded in the first call, missed 2025 and 2026 → flagged.
      const line = cultivation.find(
        (l: { chain: { id: string }; organisation: { id: string } }) =>
          l.chain.id === y2026.id && l.organisation.id === 'org-a',
      );
      expect(line).toMatchObject({
        flagged: true,
        awarded: { programme: first, tier: 'advantage' },
      });
      expect(line.missed.map((m: { programme: string }) => m.programme)).toEqual([
        y2025.id,
        y2026.id,
      ]);
      expect(totals.flagged).toBe(
        cultivation.filter((l: { flagged: boolean }) => l.flagged).length,
      );
    });
  });
});
