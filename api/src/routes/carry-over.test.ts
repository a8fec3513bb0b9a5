import { applyMapping } from '@zhiping/forms';
import { loadBuiltins } from '@zhiping/forms/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  type Harness,
  harness,
  sampleAnswers,
  skipReason,
  targets,
} from '../testing/harness.ts';

// Evidence answers of the samples cite files of their own assessment: drop them here,
// so that the earlier assessment can be created as a test fixture at all.
const withoutEvidence = (answers: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(answers).filter(
      ([, v]) => !(typeof v === 'object' && v !== null && 'files' in v),
    ),
  );
const A2013 = withoutEvidence(sampleAnswers('gbt29490-2013/well-maintained'));
const A2023 = withoutEvidence(sampleAnswers('gbt29490-2023/ready-manufacturer'));

describe.each(targets)('carry-over on %s', (target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`start from an earlier assessment${skipReason(target)}`, () => {
    let h: Harness;
    let alice: Client;
    let bob: Client;
    let source: string;
    beforeAll(async () => {
      h = await harness(target);
      alice = await h.as('alice');
      bob = await h.as('bob');
      const r = await alice.req('POST', '/api/assessments', {
        definition: 'gbt29490-2013',
        asOf: '2025-11-20',
        answers: A2013,
      });
      expect(r.status).toBe(201);
      source = r.body.id;
    }, 60_000);
    afterAll(() => h?.close());

    it('offers the 2023 edition (by the mapping) and the same form again', async () => {
      const r = await alice.get(`/api/assessments/${source}/carry-over`);
      expect(r.status).toBe(200);
      expect(r.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            definition: 'gbt29490-2023',
            kind: 'mapping',
            mapping: 'gbt29490-2013-to-2023',
          }),
          expect.objectContaining({ definition: 'gbt29490-2013', kind: 'previous', mapping: null }),
        ]),
      );
    });

    it('reports exactly what the mapping carries and holds back, before anything is written', async () => {
      const lib = loadBuiltins();
      const m = lib.mappings.find((x) => x.id === 'gbt29490-2013-to-2023');
      if (!m) throw new Error('mapping missing');
      const expected = applyMapping(m, lib.get('gbt29490-2013'), lib.get('gbt29490-2023'), A2013);
      const before = (await alice.get('/api/assessments')).body;
      const r = await alice.req('POST', `/api/assessments/${source}/carry-over/preview`, {
        definition: 'gbt29490-2023',
      });
      expect(r.status).toBe(200);
      const ids = (xs: { item: string }[]) => xs.map((x) => x.item).sort();
      expect(ids(r.body.carried)).toEqual(Object.keys(expected.answers).sort());
      expect(ids(r.body.pending)).toEqual(Object.keys(expected.pending).sort());
      expect(ids(r.body.pending)).toContain('pre.internal-audit');
      expect(r.body.fresh.length).toBeGreaterThan(0);
      expect(r.body.pending[0].label).toEqual(expect.anything());
      expect((await alice.get('/api/assessments')).body).toEqual(before);
    });

    it('starts the 2023 draft with the carried answers; pending ones are flagged, not counted, until confirmed', async () => {
      const r = await alice.req('POST', `/api/assessments/${source}/carry-over`, {
        definition: 'gbt29490-2023',
      });
      expect(r.status).toBe(201);
      const id = r.body.assessment;
      const draft = (await alice.get(`/api/assessments/${id}`)).body;
      expect(draft.definition.id).toBe('gbt29490-2023');
      expect(Object.keys(draft.answers).sort()).toEqual(
        r.body.report.carried.map((c: { item: string }) => c.item).sort(),
      );
      expect(draft.answers['pre.internal-audit']).toBeUndefined();
      // The gate that reads the internal audit is unknown while the carried answer waits.
      const audit = draft.result.gates.find((g: { id: string }) => g.id === 'g.internal-audit');
      expect(audit?.outcome).toBe('unknown');

      const pending = (await alice.get(`/api/assessments/${id}/pending`)).body;
      expect(pending.source).toEqual({ id: source, title: expect.any(String) });
      expect(Object.keys(pending.items).sort()).toEqual(
        r.body.report.pending.map((c: { item: string }) => c.item).sort(),
      );

      const stale = await alice.req('POST', `/api/assessments/${id}/pending/confirm`, {
        revision: draft.revision + 5,
        items: ['pre.internal-audit'],
      });
      expect(stale.status).toBe(409);
      const unknown = await alice.req('POST', `/api/assessments/${id}/pending/confirm`, {
        revision: draft.revision,
        items: ['c4.3.scope'],
      });
      expect(unknown.status).toBe(404);

      const ok = await alice.req('POST', `/api/assessments/${id}/pending/confirm`, {
        revision: draft.revision,
        items: ['pre.internal-audit'],
      });
      expect(ok.status).toBe(200);
      const after = (await alice.get(`/api/assessments/${id}`)).body;
      expect(after.answers['pre.internal-audit']).toBe(A2013['pre.internal-audit']);
      const left = (await alice.get(`/api/assessments/${id}/pending`)).body.items;
      expect(left['pre.internal-audit']).toBeUndefined();
      expect(Object.keys(left).length).toBe(Object.keys(pending.items).length - 1);

      // Answering a pending item afresh takes it out of the pending map too.
      const next = Object.keys(left)[0] as string;
      const saved = await alice.req('PATCH', `/api/assessments/${id}`, {
        revision: after.revision,
        answers: { [next]: left[next] },
      });
      expect(saved.status).toBe(200);
      expect((await alice.get(`/api/assessments/${id}/pending`)).body.items[next]).toBeUndefined();

      const log = (await alice.get(`/api/assessments/${id}/audit`)).body.map(
        (e: { action: string }) => e.action,
      );
      expect(log).toEqual(expect.arrayContaining(['created', 'carried_over', 'pending_confirmed']));
    });

    it('starting again from the same form carries answers, dates and period figures to be confirmed', async () => {
      const prev = await alice.req('POST', '/api/assessments', {
        definition: 'gbt29490-2023',
        asOf: '2025-11-20',
        answers: A2023,
      });
      const r = await alice.req('POST', `/api/assessments/${prev.body.id}/carry-over`, {
        definition: 'gbt29490-2023',
      });
      expect(r.status).toBe(201);
      expect(r.body.report.kind).toBe('previous');
      const pending = r.body.report.pending.map((c: { item: string }) => c.item);
      expect(pending).toContain('pre.started');
      const draft = (await alice.get(`/api/assessments/${r.body.assessment}`)).body;
      expect(draft.answers['pre.started']).toBeUndefined();
      expect(draft.answers['c4.3.scope']).toBe(A2023['c4.3.scope']);
      expect(draft.asOf).toBe('2026-11-21');
    });

    it('carries 贯标 answers into the enterprise programme, the period-bound ones to be confirmed', async () => {
      const from = await alice.req('POST', '/api/assessments', {
        definition: 'gbt29490-2023',
        answers: A2023,
      });
      const targets = (await alice.get(`/api/assessments/${from.body.id}/carry-over`)).body;
      expect(targets).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            definition: 'ip-enterprise',
            mapping: 'gbt29490-2023-to-ip-enterprise',
          }),
        ]),
      );
      const r = await alice.req('POST', `/api/assessments/${from.body.id}/carry-over`, {
        definition: 'ip-enterprise',
      });
      expect(r.status).toBe(201);
      const ids = (xs: { item: string }[]) => xs.map((x) => x.item);
      expect(ids(r.body.report.carried)).toEqual(expect.arrayContaining(['p.exports', 'pr.fto']));
      // "In the last twelve months" cannot be read off a 贯标 answer given at another date.
      expect(ids(r.body.report.pending)).toContain('ms.review');
      const draft = (await alice.get(`/api/assessments/${r.body.assessment}`)).body;
      expect(draft.answers['pr.fto']).toBe(A2023['c8.1.infringement-check']);
      expect(draft.answers['ms.review']).toBeUndefined();
    });

    it('serves the guided start its rules, to the signed-in only', async () => {
      const r = await alice.get('/api/start-guide');
      expect(r.status).toBe(200);
      expect(r.body.questions.map((q: { id: string }) => q.id)).toContain('start.holds-2013');
      expect((await h.anon.get('/api/start-guide')).status).toBe(401);
    });

    it('keeps other organisations and other roles out', async () => {
      expect((await bob.get(`/api/assessments/${source}/carry-over`)).status).toBe(404);
      const p = await bob.req('POST', `/api/assessments/${source}/carry-over/preview`, {
        definition: 'gbt29490-2023',
      });
      expect(p.status).toBe(404);
      const rita = await h.as('rita');
      expect((await rita.get(`/api/assessments/${source}/carry-over`)).status).toBe(403);
    });

    it('refuses a definition no mapping leads to, and a malformed one', async () => {
      const r = await alice.req('POST', `/api/assessments/${source}/carry-over/preview`, {
        definition: 'ip-enterprise',
      });
      expect(r.status).toBe(404);
      const bad = await alice.req('POST', `/api/assessments/${source}/carry-over/preview`, {
        definition: 'Not A Ref',
      });
      expect(bad.status).toBe(400);
      expect(bad.type).toContain('application/problem+json');
    });
  });
});
