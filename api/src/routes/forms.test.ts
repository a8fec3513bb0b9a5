import { score } from '@zhiping/forms';
import { loadBuiltins } from '@zhiping/forms/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness, sampleAnswers, skipReason, targets } from '../testing/harness.ts';

const newVersion = (version: string) => {
  const base = structuredClone(loadBuiltins().get('ip-enterprise')) as Record<string, unknown>;
  return { ...base, version };
};

describe.each(targets)('definitions on %s', (target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`catalogue, stateless scoring, publishing${skipReason(target)}`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await harness(target);
    });
    afterAll(() => h?.close());

    it('lists every built-in definition, filtered by family', async () => {
      const all = await h.anon.get('/api/forms');
      expect(all.status).toBe(200);
      expect(all.body.map((d: { id: string }) => d.id).sort()).toEqual(
        loadBuiltins()
          .definitions.map((d) => d.id)
          .sort(),
      );
      const city = await h.anon.get('/api/forms?family=strong-city');
      expect(city.body.map((d: { id: string }) => d.id).sort()).toEqual([
        'strong-city-2016',
        'strong-city-2025',
      ]);
      const bad = await h.anon.get('/api/forms?family=nope');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].path).toBe('family');
    });

    it('gets a definition by id or id@version, and 404s on unknown ones', async () => {
      const latest = await h.anon.get('/api/forms/gbt29490-2023');
      expect(latest.status).toBe(200);
      expect(latest.body.summary).toMatchObject({
        id: 'gbt29490-2023',
        ref: 'gbt29490-2023@2.1.0',
        items: 103,
      });
      expect(latest.body.definition.sections.length).toBeGreaterThan(0);
      expect((await h.anon.get('/api/forms/gbt29490-2023@2.1.0')).body.summary.hash).toBe(
        latest.body.summary.hash,
      );
      const missing = await h.anon.get('/api/forms/gbt29490-2023@9.9.9');
      expect(missing.status).toBe(404);
      expect(missing.type).toMatch(/problem\+json/);
      expect((await h.anon.get('/api/forms/Not%20an%20id')).status).toBe(400);
    });

    it('scores answers without a login, exactly as the engine does', async () => {
      const answers = sampleAnswers('gbt29490-2023/ready-manufacturer');
      const r = await h.anon.req('POST', '/api/forms/gbt29490-2023/score', {
        answers,
        asOf: '2026-06-30',
      });
      expect(r.status).toBe(200);
      const expected = score(loadBuiltins().get('gbt29490-2023'), answers, { asOf: '2026-06-30' });
      expect(r.body.total).toEqual(expected.total);
      expect(r.body.verdict.tier).toBe(expected.verdict.tier);
    });

    it('names the offending items when answers do not fit', async () => {
      const r = await h.anon.req('POST', '/api/forms/gbt29490-2023/score', {
        answers: { 'pre.started': 'yesterday', 'no.such.item': true },
      });
      expect(r.status).toBe(422);
      const paths = r.body.errors.map((e: { path: string }) => e.path);
      expect(paths).toContain('pre.started');
      expect(r.body.errors.map((e: { message: string }) => e.message).join()).toMatch(
        /no\.such\.item/,
      );
      const noBody = await h.anon.req('POST', '/api/forms/gbt29490-2023/score', {});
      expect(noBody.status).toBe(400);
      expect(noBody.body.errors[0].path).toBe('answers');
    });

    it('serves the meta-schema', async () => {
      const r = await h.anon.get('/api/meta-schema');
      expect(r.status).toBe(200);
      expect(JSON.stringify(r.body)).toContain('"sections"');
    });

    it('lets only an admin publish, checks the definition and never changes a published version', async () => {
      expect((await h.anon.req('POST', '/api/forms', newVersion('2.1.0'))).status).toBe(401);
      const alice = await h.as('alice');
      expect((await alice.req('POST', '/api/forms', newVersion('2.1.0'))).status).toBe(403);
      const admin = await h.as('admin');
      const broken = {
        ...newVersion('2.2.0'),
        tiers: [{ id: 't', label: 'x', minScore: 50, gates: ['g.nope'] }],
      };
      const invalid = await admin.req('POST', '/api/forms', broken);
      expect(invalid.status).toBe(422);
      expect(invalid.body.errors.length).toBeGreaterThan(0);
      const ok = await admin.req('POST', '/api/forms', newVersion('2.1.0'));
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ ref: 'ip-enterprise@2.1.0', versions: ['2.1.0', '2.0.0'] });
      const again = await admin.req('POST', '/api/forms', {
        ...newVersion('2.1.0'),
        title: '改过的标题',
      });
      expect(again.status).toBe(409);
      expect((await h.anon.get('/api/forms/ip-enterprise@2.1.0')).body.definition.title).not.toBe(
        '改过的标题',
      );
      expect((await h.anon.get('/api/forms/ip-enterprise')).body.summary.version).toBe('2.1.0');
    });

    it('publishes an overlay on a published base', async () => {
      const admin = await h.as('admin');
      const overlay = {
        id: 'ip-enterprise-test-region',
        version: '1.0.0',
        title: '测试地区变体',
        extends: 'ip-enterprise@2.0.0',
        remove: { gates: [] },
      };
      const r = await admin.req('POST', '/api/forms', overlay);
      expect(r.status).toBe(201);
      const unknownBase = await admin.req('POST', '/api/forms', {
        ...overlay,
        id: 'x-test',
        extends: 'nope@1.0.0',
      });
      expect(unknownBase.status).toBe(422);
      expect(unknownBase.body.errors[0].path).toBe('extends');
    });
  });
});
