import { compile, score } from '@zhiping/forms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boot } from '../bootstrap.ts';
import { createApp } from '../http/app.ts';
import {
  type Client,
  type Harness,
  harness,
  sampleAnswers,
  skipReason,
  targets,
} from '../testing/harness.ts';

/*
 * The stored read model, as the client sees it: ETag/304 on a GET, the save
 * answering a delta, a stale save still refused, lists paged from stored
 * figures — and the stored result the same as scoring afresh.
 */

const READY = sampleAnswers('gbt29490-2023/ready-manufacturer');

describe.each(targets)('read model on %s', (target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`ETag, save delta, pages${skipReason(target)}`, () => {
    let h: Harness;
    let alice: Client;
    let bob: Client;
    beforeAll(async () => {
      h = await harness(target);
      alice = await h.as('alice');
      bob = await h.as('bob');
    });
    afterAll(() => h?.close());

    const create = async (body: object = { definition: 'gbt29490-2023' }, who = alice) => {
      const r = await who.req('POST', '/api/assessments', body);
      expect(r.status).toBe(201);
      return r.body;
    };

    it('answers 304 to the ETag it sent, and a new tag after a save', async () => {
      const a = await create();
      const first = await alice.get(`/api/assessments/${a.id}`);
      const etag = first.headers.get('etag') ?? '';
      expect(etag).toMatch(new RegExp(`^"1-${a.definitionHash.slice(0, 16)}-`));
      expect(first.headers.get('cache-control')).toBe('private, no-cache');
      const again = await alice.req('GET', `/api/assessments/${a.id}`, undefined, {
        'if-none-match': etag,
      });
      expect(again.status).toBe(304);
      expect(again.body).toBe('');
      // Another reader (same organisation) gets a tag of their own.
      const carol = await h.as('carol');
      const theirs = await carol.req('GET', `/api/assessments/${a.id}`, undefined, {
        'if-none-match': etag,
      });
      expect(theirs.status).toBe(200);
      const saved = await alice.req('PATCH', `/api/assessments/${a.id}`, {
        revision: 1,
        answers: { 'pre.penalty': false },
      });
      expect(saved.status).toBe(200);
      const after = await alice.req('GET', `/api/assessments/${a.id}`, undefined, {
        'if-none-match': etag,
      });
      expect(after.status).toBe(200);
      expect(after.headers.get('etag')).not.toBe(etag);
      expect(after.body.revision).toBe(2);
      expect(after.body.answers).toEqual({ 'pre.penalty': false });
      // Someone else's assessment is still a 404, tag or not.
      const other = await bob.req('GET', `/api/assessments/${a.id}`, undefined, {
        'if-none-match': etag,
      });
      expect(other.status).toBe(404);
    });

    it('never answers a reread from this process with a body older than a save made by another', async () => {
      const a = await create();
      // This process reads (and keeps the body it sent for revision 1).
      const first = await alice.get(`/api/assessments/${a.id}`);
      expect(first.body.revision).toBe(1);
      const etag = first.headers.get('etag') ?? '';
      // A second API process on the same database saves.
      const other = await boot(h.deps.config, {
        log: { info: () => {}, error: () => {} },
        now: () => h.clock.now,
        ...(target === 'postgres' ? { pgSchema: h.schema } : {}),
      });
      try {
        const saved = await createApp(other).request(`/api/assessments/${a.id}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', cookie: alice.cookie ?? '' },
          body: JSON.stringify({ revision: 1, answers: { 'pre.penalty': true } }),
        });
        expect(saved.status).toBe(200);
      } finally {
        await other.reports.close();
        await other.db.close();
      }
      // Here: neither a 304 to the old tag nor the kept body of revision 1.
      const held = await alice.req('GET', `/api/assessments/${a.id}`, undefined, {
        'if-none-match': etag,
      });
      expect(held.status).toBe(200);
      expect(held.body.revision).toBe(2);
      expect(held.body.answers).toEqual({ 'pre.penalty': true });
      const plain = await alice.get(`/api/assessments/${a.id}`);
      expect(plain.body.revision).toBe(2);
      // The reread of the new revision is then answered from what this process kept.
      const tag2 = plain.headers.get('etag') ?? '';
      expect(tag2).not.toBe(etag);
      const again = await alice.req('GET', `/api/assessments/${a.id}`, undefined, {
        'if-none-match': tag2,
      });
      expect(again.status).toBe(304);
    });

    it('answers a save with the delta: revision, score, progress and changed statuses only', async () => {
      const a = await create();
      const r = await alice.req('PATCH', `/api/assessments/${a.id}`, {
        revision: 1,
        answers: { 'pre.penalty': false },
      });
      expect(r.status).toBe(200);
      expect(Object.keys(r.body).sort()).toEqual(
        ['progress', 'revision', 'score', 'status', 'statuses', 'updatedAt', 'verdict'].sort(),
      );
      expect(r.body.revision).toBe(2);
      expect(r.body.statuses).toContainEqual({
        id: 'pre.penalty',
        status: expect.any(String),
        visible: true,
      });
      const detail = (await alice.get(`/api/assessments/${a.id}`)).body;
      expect(r.body.score).toBe(detail.result.total.score);
      expect(r.body.progress).toEqual({
        answered: detail.result.progress.answered,
        applicable: detail.result.progress.applicable,
      });
      // Saving the same answer again changes no status.
      const same = await alice.req('PATCH', `/api/assessments/${a.id}`, {
        revision: 2,
        answers: { 'pre.penalty': false },
      });
      expect(same.body.statuses).toEqual([]);
      expect(JSON.stringify(same.body).length).toBeLessThan(400);
    });

    it('still refuses a stale save with 409 and the current revision, cache or not', async () => {
      const a = await create();
      await alice.get(`/api/assessments/${a.id}`);
      const ok = await alice.req('PATCH', `/api/assessments/${a.id}`, {
        revision: 1,
        answers: { 'pre.penalty': false },
      });
      expect(ok.status).toBe(200);
      const stale = await alice.req('PATCH', `/api/assessments/${a.id}`, {
        revision: 1,
        answers: { 'pre.penalty': true },
      });
      expect(stale.status).toBe(409);
      expect(stale.body.type).toBe('urn:zhiping:problem:stale-revision');
      expect(stale.body.currentRevision).toBe(2);
      // Written behind this process's back (another API process): the cached revision no longer matches.
      await h.deps.db.kysely
        .updateTable('assessments')
        .set({ revision: 3 })
        .where('id', '=', a.id)
        .execute();
      const behind = await alice.req('PATCH', `/api/assessments/${a.id}`, {
        revision: 2,
        answers: { 'pre.penalty': true },
      });
      expect(behind.status).toBe(409);
      expect(behind.body.currentRevision).toBe(3);
      // Another organisation cannot save it even from the right revision.
      const foreign = await bob.req('PATCH', `/api/assessments/${a.id}`, {
        revision: 3,
        answers: { 'pre.penalty': true },
      });
      expect(foreign.status).toBe(404);
    });

    it('refuses an invalid changed answer, checking only what changed', async () => {
      const a = await create();
      const bad = await alice.req('PATCH', `/api/assessments/${a.id}`, {
        revision: 1,
        answers: { 'pre.penalty': 'yes please' },
      });
      expect(bad.status).toBe(422);
      const unknown = await alice.req('PATCH', `/api/assessments/${a.id}`, {
        revision: 1,
        answers: { 'no.such.item': true },
      });
      expect(unknown.status).toBe(422);
    });

    it('stores a result equal to scoring the answers afresh, and lists read it', async () => {
      const a = await create({ definition: 'gbt29490-2023', answers: READY });
      const saved = await alice.req('PATCH', `/api/assessments/${a.id}`, {
        revision: 1,
        answers: { 'pre.penalty': true },
      });
      expect(saved.status).toBe(200);
      const detail = (await alice.get(`/api/assessments/${a.id}`)).body;
      const def = (await h.anon.get(`/api/forms/${a.definition.ref}`)).body.definition;
      const fresh = score(compile(def), { ...READY, 'pre.penalty': true }, { asOf: a.asOf });
      expect(detail.result).toEqual(JSON.parse(JSON.stringify(fresh)));
      const row = await h.deps.db.kysely
        .selectFrom('assessments')
        .select(['self_result', 'model_revision', 'list_score'])
        .where('id', '=', a.id)
        .executeTakeFirstOrThrow();
      expect(row.model_revision).toBe(2);
      expect(row.list_score).toBe(fresh.total.score);
      const page = (await alice.get('/api/assessments?pageSize=200')).body;
      const listed = page.items.find((x: { id: string }) => x.id === a.id);
      expect(listed).toMatchObject({
        score: fresh.total.score,
        verdict: fresh.verdict.label,
        progress: { answered: fresh.progress.answered, applicable: fresh.progress.applicable },
        revision: 2,
      });
    });

    it('recomputes a row without a read model once, and stores it', async () => {
      const a = await create({ definition: 'gbt29490-2023', answers: READY });
      await h.deps.db.kysely
        .updateTable('assessments')
        .set({ self_result: null, model_revision: null, list_score: null })
        .where('id', '=', a.id)
        .execute();
      const detail = (await alice.get(`/api/assessments/${a.id}`)).body;
      expect(detail.result.total.score).toBe(a.result.total.score);
      const row = await h.deps.db.kysely
        .selectFrom('assessments')
        .select(['model_revision', 'list_score'])
        .where('id', '=', a.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ model_revision: 1, list_score: a.result.total.score });
    });

    it('serves a definition by ref and hash as immutable, and 404 for any other hash', async () => {
      const a = await create();
      const url = `/api/forms/${a.definition.ref}/${a.definitionHash}`;
      const r = await h.anon.get(url);
      expect(r.status).toBe(200);
      expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(r.body.summary.hash).toBe(a.definitionHash);
      expect(r.body.definition.id).toBe(a.definition.id);
      const other = `sha256:${'0'.repeat(64)}`;
      expect((await h.anon.get(`/api/forms/${a.definition.ref}/${other}`)).status).toBe(404);
      // The bare id names no fixed version: not cacheable for ever, so not served this way.
      expect((await h.anon.get(`/api/forms/${a.definition.id}/${a.definitionHash}`)).status).toBe(
        404,
      );
      expect((await h.anon.get(`/api/forms/${a.definition.ref}/nothex`)).status).toBe(400);
    });

    it('pages a list: sizes, the last partial page, past the end, totals and filters', async () => {
      const h2 = await harness(target);
      try {
        const dave = await h2.as('bob');
        for (let i = 0; i < 7; i++)
          await create({ definition: 'gbt29490-2023', title: `盘点 ${i}` }, dave);
        await create({ definition: 'gbt29490-2013', title: '旧版 甲' }, dave);
        const all = (await dave.get('/api/assessments?pageSize=3')).body;
        expect(all).toMatchObject({ total: 8, page: 1, pageSize: 3 });
        expect(all.items).toHaveLength(3);
        const last = (await dave.get('/api/assessments?pageSize=3&page=3')).body;
        expect(last.items).toHaveLength(2);
        expect(last.total).toBe(8);
        const past = (await dave.get('/api/assessments?pageSize=3&page=4')).body;
        expect(past).toMatchObject({ items: [], total: 8, page: 4 });
        const seen = new Set<string>();
        for (let p = 1; p <= 3; p++)
          for (const x of (await dave.get(`/api/assessments?pageSize=3&page=${p}`)).body.items)
            seen.add(x.id);
        expect(seen.size).toBe(8);
        expect((await dave.get('/api/assessments?definition=gbt29490-2013')).body.total).toBe(1);
        expect(
          (await dave.get(`/api/assessments?q=${encodeURIComponent('盘点')}`)).body.total,
        ).toBe(7);
        expect((await dave.get('/api/assessments?q=100%25')).body.total).toBe(0);
        expect((await dave.get('/api/assessments?status=submitted')).body.total).toBe(0);
        expect((await dave.get('/api/assessments?pageSize=0')).status).toBe(400);
        expect((await dave.get('/api/assessments?pageSize=1001')).status).toBe(400);
        // Only the caller's organisation.
        expect((await (await h2.as('alice')).get('/api/assessments')).body.total).toBe(0);
      } finally {
        await h2.close();
      }
    });
  });
});
