import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  type Harness,
  harness,
  sampleAnswers,
  skipReason,
  targets,
} from '../testing/harness.ts';

const READY = sampleAnswers('gbt29490-2023/ready-manufacturer');

describe.each(targets)('assessments on %s', (target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`lifecycle, autosave, submission${skipReason(target)}`, () => {
    let h: Harness;
    let alice: Client;
    beforeAll(async () => {
      h = await harness(target, { BODY_LIMIT: String(64 * 1024) });
      alice = await h.as('alice');
    });
    afterAll(() => h?.close());

    const create = async (body: object = { definition: 'gbt29490-2023' }) => {
      const r = await alice.req('POST', '/api/assessments', body);
      expect(r.status).toBe(201);
      return r.body;
    };

    it('creates a draft pinned to the exact definition version and hash', async () => {
      const a = await create();
      const def = (await h.anon.get('/api/forms/gbt29490-2023')).body.summary;
      expect(a).toMatchObject({
        status: 'draft',
        revision: 1,
        definition: { ref: def.ref },
        definitionHash: def.hash,
        answers: {},
        asOf: '2026-11-21',
        can: {
          edit: true,
          submit: true,
          reopen: false,
          judge: false,
          decide: false,
          assign: false,
        },
      });
      expect(a.result.progress.answered).toBe(0);
      const list = await alice.get('/api/assessments');
      expect(list.body.items.map((x: { id: string }) => x.id)).toContain(a.id);
    });

    it('refuses a definition meant for another kind of organisation, and unknown ones', async () => {
      const city = await alice.req('POST', '/api/assessments', { definition: 'strong-city-2025' });
      expect(city.status).toBe(422);
      expect(city.body.errors[0].path).toBe('definition');
      expect((await alice.req('POST', '/api/assessments', { definition: 'nope' })).status).toBe(
        404,
      );
      expect((await alice.req('POST', '/api/assessments', { definition: 42 })).status).toBe(400);
    });

    it('autosaves changed answers against the revision seen, and clears with null', async () => {
      const a = await create();
      const s1 = await alice.req('PATCH', `/api/assessments/${a.id}`, {
        revision: 1,
        answers: { 'pre.started': '2025-01-10', 'pre.penalty': false },
        position: 'pre',
      });
      expect(s1.status).toBe(200);
      expect(s1.body.revision).toBe(2);
      const s2 = await alice.req('PATCH', `/api/assessments/${a.id}`, {
        revision: 2,
        answers: { 'pre.penalty': null },
      });
      expect(s2.body.revision).toBe(3);
      const got = (await alice.get(`/api/assessments/${a.id}`)).body;
      expect(got.answers).toEqual({ 'pre.started': '2025-01-10' });
      expect(got.position).toBe('pre');
      expect(got.revision).toBe(3);
    });

    it('refuses a stale revision with 409 and keeps the newer work', async () => {
      const a = await create();
      await alice.req('PATCH', `/api/assessments/${a.id}`, {
        revision: 1,
        answers: { 'pre.penalty': false },
      });
      const stale = await alice.req('PATCH', `/api/assessments/${a.id}`, {
        revision: 1,
        answers: { 'pre.penalty': true },
      });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({
        type: 'urn:zhiping:problem:stale-revision',
        currentRevision: 2,
      });
      expect((await alice.get(`/api/assessments/${a.id}`)).body.answers['pre.penalty']).toBe(false);
    });

    it('refuses values that do not fit their item, naming the item, and saves nothing', async () => {
      const a = await create();
      const r = await alice.req('PATCH', `/api/assessments/${a.id}`, {
        revision: 1,
        answers: { 'pre.started': 'last spring', 'ghost.item': 1 },
      });
      expect(r.status).toBe(422);
      const paths = r.body.errors.map((e: { path: string }) => e.path);
      expect(paths).toContain('pre.started');
      expect(JSON.stringify(r.body.errors)).toContain('ghost.item');
      expect((await alice.get(`/api/assessments/${a.id}`)).body.revision).toBe(1);
    });

    it('saves contradictory answers as a draft but refuses to submit them, naming both questions', async () => {
      const a = await create();
      const saved = await alice.req('PATCH', `/api/assessments/${a.id}`, {
        revision: 1,
        answers: { ...READY, 'pre.management-review': false },
      });
      expect(saved.status).toBe(200);
      const r = await alice.req('POST', `/api/assessments/${a.id}/submit`, { revision: 2 });
      expect(r.status).toBe(422);
      const flagged = r.body.errors.filter(
        (e: { code: string }) => e.code === 'answer.inconsistent',
      );
      expect(flagged.map((e: { path: string }) => e.path)).toEqual(
        expect.arrayContaining(['pre.management-review', 'c9.4.held', 'c9.4.outputs']),
      );
      expect(flagged[0].params.rule).toMatch(/^k\./);
      expect((await alice.get(`/api/assessments/${a.id}`)).body.status).toBe('draft');
    });

    it('submits only when every required item is answered, then freezes and seals', async () => {
      const a = await create();
      const early = await alice.req('POST', `/api/assessments/${a.id}/submit`, { revision: 1 });
      expect(early.status).toBe(422);
      expect(early.body.errors.length).toBeGreaterThan(10);
      expect(
        early.body.errors.every(
          (e: { code: string; message: string }) =>
            e.code === 'answer.required' && e.message === '此题必答',
        ),
      ).toBe(true);

      const saved = await alice.req('PATCH', `/api/assessments/${a.id}`, {
        revision: 1,
        answers: READY,
      });
      expect(saved.status).toBe(200);
      const done = await alice.req('POST', `/api/assessments/${a.id}/submit`, { revision: 2 });
      expect(done.status).toBe(200);
      expect(done.body.status).toBe('submitted');
      expect(done.body.submissionHash).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(done.body.result.verdict.tier).toBe('ready');
      expect(done.body.can).toMatchObject({ edit: false, submit: false });

      const after = await alice.req('PATCH', `/api/assessments/${a.id}`, {
        revision: 3,
        answers: { 'pre.penalty': true },
      });
      expect(after.status).toBe(409);
      expect(after.body.type).toBe('urn:zhiping:problem:not-editable');
      expect(after.body).toMatchObject({ status: 409, assessmentStatus: 'submitted' });
      const reopen = await alice.req('POST', `/api/assessments/${a.id}/reopen`, { revision: 3 });
      expect(reopen.status).toBe(409);

      const trail = (await alice.get(`/api/assessments/${a.id}/audit`)).body;
      expect(trail.map((e: { action: string }) => e.action)).toEqual([
        'created',
        'saved',
        'submitted',
      ]);
      expect(trail[2].detail.seal).toBe(done.body.submissionHash);
      expect(trail[1].actor.name).toBe('alice');
    });

    it('answers bad requests with problem+json a person can act on', async () => {
      const a = await create();
      const url = `/api/assessments/${a.id}`;
      const malformed = await alice.req('PATCH', url, '{"revision": 1, "answers": {', {});
      expect(malformed.status).toBe(400);
      expect(malformed.body.detail).toMatch(/JSON/);
      const form = await alice.req('PATCH', url, 'revision=1', {
        'content-type': 'application/x-www-form-urlencoded',
      });
      expect(form.status).toBe(415);
      const big = await alice.req('PATCH', url, {
        revision: 1,
        answers: { 'c5.policy.note': 'x'.repeat(70 * 1024) },
      });
      expect(big.status).toBe(413);
      const wrongType = await alice.req('PATCH', url, { revision: 'one', answers: [] });
      expect(wrongType.status).toBe(400);
      expect(wrongType.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        'answers',
        'revision',
      ]);
      const unknownRoute = await alice.get('/api/nowhere');
      expect(unknownRoute.status).toBe(404);
      expect(unknownRoute.type).toMatch(/problem\+json/);
      for (const r of [malformed, form, big, wrongType, unknownRoute]) {
        expect(r.type).toMatch(/^application\/problem\+json/);
        expect(JSON.stringify(r.body)).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
      }
    });

    it('refuses writes from other sites', async () => {
      const a = await create();
      const body = { revision: 1, answers: { 'pre.penalty': false } };
      const evil = await alice.req('PATCH', `/api/assessments/${a.id}`, body, {
        origin: 'https://evil.example',
      });
      expect(evil.status).toBe(403);
      const crossSite = await alice.req('PATCH', `/api/assessments/${a.id}`, body, {
        'sec-fetch-site': 'cross-site',
      });
      expect(crossSite.status).toBe(403);
      const same = await alice.req('PATCH', `/api/assessments/${a.id}`, body, {
        origin: 'http://localhost',
        host: 'localhost',
      });
      expect(same.status).toBe(200);
    });

    it('sends security headers and never caches API answers', async () => {
      const r = await alice.get('/api/assessments');
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    });
  });
});
