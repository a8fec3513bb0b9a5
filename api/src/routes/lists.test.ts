import { loadSample } from '@zhiping/forms/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, harness, skipReason, targets } from '../testing/harness.ts';

/*
 * Issue 17's lists on the server: search, every filter, sort in both
 * directions, pages that never repeat or skip a row, and bad parameters as
 * 400 problems — for the respondent's list, the reviewer's queue and the
 * admin's list. Expected orders are computed here from the rows themselves.
 */

const sample = (rel: string) => loadSample(`${rel}.json`);
const NEARLY = sample('gbt29490-2023/nearly-ready-software');
const READY = sample('gbt29490-2023/ready-manufacturer');
const OLD = sample('gbt29490-2013/well-maintained');

interface Row {
  id: string;
  title: string;
  status: string;
  score: number | null;
  asOf: string;
  updatedAt: string;
  submittedAt: string | null;
  verdict: unknown;
  definition: { id: string };
  organisation: { id: string; name: string };
}

type Field = 'title' | 'score' | 'asOf' | 'updatedAt' | 'submittedAt';

/** The order the lists promise: empty values last either way, then the value, then the id. */
function expectedOrder(rows: Row[], field: Field, order: 'asc' | 'desc'): string[] {
  const sign = order === 'asc' ? 1 : -1;
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows]
    .sort((a, b) => {
      const x = a[field];
      const y = b[field];
      if (x === null || y === null) return x === y ? sign * cmp(a.id, b.id) : x === null ? 1 : -1;
      // Code-point order for titles, as both databases are asked to compare.
      return sign * (cmp(x, y) || cmp(a.id, b.id));
    })
    .map((r) => r.id);
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe.each(targets)('lists on %s', (target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`search, filters, sort and pages${skipReason(target)}`, () => {
    let h: Harness;
    let alice: Client;
    let bob: Client;
    let rita: Client;
    let admin: Client;
    const made: Record<string, string> = {};

    /** Creates (and submits) at a given instant, so dates are known. */
    async function make(
      who: Client,
      key: string,
      at: string,
      body: Record<string, unknown>,
      submit = false,
    ) {
      h.clock.now = new Date(at);
      const r = await who.req('POST', '/api/assessments', body);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      if (submit) {
        const s = await who.req('POST', `/api/assessments/${r.body.id}/submit`, {
          revision: r.body.revision,
        });
        expect(s.status, JSON.stringify(s.body)).toBe(200);
      }
      made[key] = r.body.id;
    }

    beforeAll(async () => {
      h = await harness(target);
      [alice, bob, rita, admin] = await Promise.all([
        h.as('alice'),
        h.as('bob'),
        h.as('rita'),
        h.as('admin'),
      ]);
      const v23 = { definition: 'gbt29490-2023' };
      // 20:00 UTC is 04:00 the next day in Asia/Shanghai: the date filters are calendar days there.
      await make(alice, 'nearly', '2026-03-01T20:00:00Z', {
        ...v23,
        title: '甲 年度自评',
        answers: NEARLY.answers,
      });
      await make(
        alice,
        'ready',
        '2026-03-03T02:00:00Z',
        { ...v23, title: '乙 认证前自评', answers: READY.answers },
        true,
      );
      await make(alice, 'old', '2026-03-04T02:00:00Z', {
        definition: 'gbt29490-2013',
        title: '丙 旧版复查',
        asOf: OLD.asOf,
        answers: OLD.answers,
      });
      // Two blank drafts at the same instant: a tie on the date and on the score.
      await make(alice, 'blank1', '2026-03-05T02:00:00Z', { ...v23, title: '丁 空白一' });
      await make(alice, 'blank2', '2026-03-05T02:00:00Z', { ...v23, title: '丁 空白二' });
      await make(
        alice,
        'decided',
        '2026-03-06T02:00:00Z',
        { ...v23, title: '戊 已决定 100%', answers: NEARLY.answers },
        true,
      );
      await make(
        bob,
        'other',
        '2026-03-07T02:00:00Z',
        { ...v23, title: '乙 外单位', answers: READY.answers },
        true,
      );
      h.clock.now = new Date('2026-03-08T02:00:00Z');
      for (const k of ['ready', 'decided', 'other'])
        expect(
          (
            await admin.req('POST', `/api/assessments/${made[k]}/reviewers`, {
              reviewerId: h.users.rita.id,
            })
          ).status,
        ).toBe(204);
      const d = await rita.req('POST', `/api/assessments/${made.decided}/decision`, {
        outcome: 'approve',
        comment: '同意',
        agreeRest: true,
      });
      expect(d.status, JSON.stringify(d.body)).toBe(200);
      const region = await admin.req('PATCH', '/api/admin/organisations/org-b', {
        region: '江苏省青澜市',
        regionLevel: 'city',
      });
      expect(region.status).toBe(200);
    }, 60_000);
    afterAll(() => h?.close());

    const all = async (c: Client, path: string, query = ''): Promise<Row[]> => {
      const r = await c.get(`${path}?pageSize=100${query}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.total).toBe(r.body.items.length);
      return r.body.items;
    };

    it('respondent: only their own, searched and filtered on the server', async () => {
      const mine = await all(alice, '/api/assessments');
      expect(ids(mine).sort()).toEqual(
        ['nearly', 'ready', 'old', 'blank1', 'blank2', 'decided'].map((k) => made[k]).sort(),
      );
      // Search: a substring of the title, case-blind, with LIKE's wildcards taken literally.
      expect(ids(await all(alice, '/api/assessments', '&q=空白'))).toHaveLength(2);
      expect(ids(await all(alice, '/api/assessments', '&q=乙'))).toEqual([made.ready]);
      expect(ids(await all(alice, '/api/assessments', '&q=100%'))).toEqual([made.decided]);
      expect(await all(alice, '/api/assessments', '&q=0%25空')).toEqual([]);
      // Status and definition.
      const drafts = await all(alice, '/api/assessments', '&status=draft');
      expect(drafts.every((r) => r.status === 'draft')).toBe(true);
      expect(drafts).toHaveLength(mine.filter((r) => r.status === 'draft').length);
      expect(ids(await all(alice, '/api/assessments', '&definition=gbt29490-2013'))).toEqual([
        made.old,
      ]);
      // Family: every definition whose family is the one asked for, from the catalogue.
      const forms: { id: string; family: string }[] = (await alice.get('/api/forms')).body;
      const family = forms.find((f) => f.id === 'gbt29490-2023')?.family as string;
      const inFamily = new Set(forms.filter((f) => f.family === family).map((f) => f.id));
      const byFamily = await all(alice, '/api/assessments', `&family=${family}`);
      expect(ids(byFamily).sort()).toEqual(
        ids(mine.filter((r) => inFamily.has(r.definition.id))).sort(),
      );
      // Date range on the last change, in calendar days of Asia/Shanghai (inclusive).
      expect(ids(await all(alice, '/api/assessments', '&from=2026-03-02&to=2026-03-02'))).toEqual([
        made.nearly,
      ]);
      expect(await all(alice, '/api/assessments', '&from=2026-03-01&to=2026-03-01')).toEqual([]);
      const late = await all(alice, '/api/assessments', '&from=2026-03-05');
      expect(ids(late).sort()).toEqual(
        ids(mine.filter((r) => r.updatedAt >= '2026-03-04T16:00:00.000Z')).sort(),
      );
    });

    it('filters by tier: the tier each row shows, by the definition’s label for it', async () => {
      const def = (await alice.get('/api/forms/gbt29490-2023')).body.definition;
      const mine = await all(alice, '/api/assessments', '&definition=gbt29490-2023');
      let seen = 0;
      for (const tier of def.tiers as { id: string; label: unknown }[]) {
        const rows = await all(
          alice,
          '/api/assessments',
          `&definition=gbt29490-2023&tier=${tier.id}`,
        );
        const expected = mine.filter(
          (r) => JSON.stringify(r.verdict) === JSON.stringify(tier.label),
        );
        expect(ids(rows).sort(), tier.id).toEqual(ids(expected).sort());
        seen += rows.length;
      }
      expect(seen).toBeGreaterThan(0);
      expect(await all(alice, '/api/assessments', '&definition=gbt29490-2023&tier=nope')).toEqual(
        [],
      );
    });

    it('shows the decided score with the self score beside it, from the stored figures', async () => {
      const row = (await all(alice, '/api/assessments', '&status=decided'))[0] as Row & {
        reviewed: { score: number; selfScore: number | null; round: number };
      };
      expect(row.id).toBe(made.decided);
      const rounds = (await alice.get(`/api/assessments/${made.decided}/rounds`)).body;
      const last = rounds[rounds.length - 1];
      expect(row.reviewed.selfScore).toBe(last.selfScore);
      expect(row.reviewed.score).toBe(last.reviewed.score);
      expect(row.score).toBe(last.reviewed.score);
    });

    it('sorts on every column in both directions, empty values last and ties by id', async () => {
      const mine = await all(alice, '/api/assessments');
      for (const sort of ['title', 'score', 'asOf', 'updatedAt', 'submittedAt'] as const)
        for (const order of ['asc', 'desc'] as const) {
          const rows = await all(alice, '/api/assessments', `&sort=${sort}&order=${order}`);
          expect(ids(rows), `${sort} ${order}`).toEqual(expectedOrder(mine, sort, order));
        }
      // No empty titles: ascending is exactly descending reversed.
      const asc = ids(await all(alice, '/api/assessments', '&sort=title&order=asc'));
      const desc = ids(await all(alice, '/api/assessments', '&sort=title&order=desc'));
      expect(asc).toEqual([...desc].reverse());
    });

    it('pages are stable: every row once across pages, even among ties', async () => {
      for (const sort of ['score', 'updatedAt', 'submittedAt'] as const) {
        const whole = ids(await all(alice, '/api/assessments', `&sort=${sort}`));
        const paged: string[] = [];
        for (let page = 1; page <= 4; page++) {
          const r = await alice.get(`/api/assessments?sort=${sort}&pageSize=2&page=${page}`);
          expect(r.status).toBe(200);
          expect(r.body.total).toBe(whole.length);
          expect(r.body.items.length).toBe(page <= 3 ? 2 : 0);
          paged.push(...ids(r.body.items));
        }
        expect(paged, sort).toEqual(whole);
      }
    });

    it('refuses bad parameters with a 400 problem naming them', async () => {
      const cases: [string, string][] = [
        ['status=open', 'status'],
        ['sort=colour', 'sort'],
        ['order=up', 'order'],
        ['page=0', 'page'],
        ['pageSize=1001', 'pageSize'],
        ['pageSize=x', 'pageSize'],
        ['from=2026-02-30', 'from'],
        ['from=2026-03-05&to=2026-03-01', 'to'],
        ['tier=ready', 'tier'],
        ['definition=GB!', 'definition'],
        ['family=nope', 'family'],
        [`q=${'长'.repeat(101)}`, 'q'],
      ];
      for (const [query, path] of cases) {
        const r = await alice.get(`/api/assessments?${encodeURI(query)}`);
        expect(r.status, query).toBe(400);
        expect(r.type, query).toContain('application/problem+json');
        expect(
          r.body.errors.map((e: { path: string }) => e.path),
          query,
        ).toContain(path);
      }
      for (const query of ['tab=open', 'pageSize=101', 'sort=colour', 'tier=ready']) {
        const r = await rita.get(`/api/review/queue/page?${query}`);
        expect(r.status, query).toBe(400);
      }
      for (const query of ['reviewerId=', 'region=', 'pageSize=101', 'order=down'])
        expect((await admin.get(`/api/admin/assessments?${query}`)).status, query).toBe(400);
    });

    it('reviewer: one tab a page, each tab counted, searched, filtered and sorted', async () => {
      const q = async (query: string) => {
        const r = await rita.get(`/api/review/queue/page?${query}`);
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        return r.body;
      };
      const pending = await q('');
      expect(pending.counts).toEqual({ pending: 2, returned: 0, decided: 1 });
      expect(ids(pending.items).sort()).toEqual([made.ready, made.other].sort());
      expect(
        pending.items.every((r: { review: { state: string } }) => r.review.state === 'pending'),
      ).toBe(true);
      // Newest submission first by default.
      expect(ids(pending.items)).toEqual([made.other, made.ready]);
      const decided = await q('tab=decided');
      expect(ids(decided.items)).toEqual([made.decided]);
      expect(decided.items[0].reviewed.score).toBeTypeOf('number');
      // Search and the organisation filter narrow every tab's count.
      const other = await q('organisationId=org-b');
      expect(ids(other.items)).toEqual([made.other]);
      expect(other.counts).toEqual({ pending: 1, returned: 0, decided: 0 });
      expect((await q('q=认证前')).counts).toEqual({ pending: 1, returned: 0, decided: 0 });
      // The date range is the submission's.
      const sent = await q('from=2026-03-03&to=2026-03-03');
      expect(ids(sent.items)).toEqual([made.ready]);
      expect(ids((await q('sort=title&order=asc')).items)).toEqual(
        expectedOrder(pending.items, 'title', 'asc'),
      );
      expect(ids((await q('sort=title&order=desc')).items)).toEqual(
        expectedOrder(pending.items, 'title', 'desc'),
      );
      const first = await q('pageSize=1&page=1');
      const second = await q('pageSize=1&page=2');
      expect([...ids(first.items), ...ids(second.items)]).toEqual(ids(pending.items));
      expect(first.total).toBe(2);
      // Only reviewers have a queue.
      expect((await alice.get('/api/review/queue/page')).status).toBe(403);
    });

    it('admin: every organisation, by region, reviewer and organisation name', async () => {
      const everything = await all(admin, '/api/admin/assessments');
      expect(everything.length).toBe(7);
      expect(ids(await all(admin, '/api/admin/assessments', '&region=江苏省'))).toEqual([
        made.other,
      ]);
      expect(await all(admin, '/api/admin/assessments', '&region=浙江')).toEqual([]);
      const reviewed = await all(admin, '/api/admin/assessments', `&reviewerId=${h.users.rita.id}`);
      expect(ids(reviewed).sort()).toEqual([made.ready, made.decided, made.other].sort());
      expect(await all(admin, '/api/admin/assessments', `&reviewerId=${h.users.rob.id}`)).toEqual(
        [],
      );
      // The search also reads the organisation's name.
      const orgName = everything.find((r) => r.id === made.other)?.organisation.name as string;
      const byName = await all(
        admin,
        '/api/admin/assessments',
        `&q=${encodeURIComponent(orgName)}`,
      );
      expect(ids(byName)).toEqual([made.other]);
      const byOrg = await all(admin, '/api/admin/assessments', '&organisationId=org-b');
      expect(ids(byOrg)).toEqual([made.other]);
      const sorted = await all(admin, '/api/admin/assessments', '&sort=score&order=asc');
      expect(ids(sorted)).toEqual(expectedOrder(everything, 'score', 'asc'));
    });
  });
});
