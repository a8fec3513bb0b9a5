import { reasonText, type ScoreResult, textOf, traceText } from '@zhiping/forms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  type Harness,
  harness,
  sampleAnswers,
  skipReason,
  targets,
} from '../testing/harness.ts';

/*
 * Results frozen by the first engine carried finished Chinese sentences:
 * string reasons, trace steps with a `detail` and no `code`, and the label
 * 未达到任何等级 when no tier was reached. Stored so, they are served in
 * today's shape — codes and parameters — so they read in either language.
 */

/** A result as the first engine wrote it, from today's (the words are the old engine's). */
function legacyOf(r: ScoreResult) {
  const reasons = r.verdict.reasons.map((reason) => {
    if (reason.code === 'tier.reached')
      return `达到「${textOf(reason.label)}」：总分 ${reason.score}，所需门槛均已通过`;
    if (reason.code === 'tier.missed')
      return `未达到「${textOf(reason.label)}」：${reason.blockers.map((b) => b.code).join('；')}`;
    return reason.code;
  });
  const trace = r.trace.map((t) => ({
    rule: t.rule,
    outcome: t.outcome,
    detail:
      t.code === 'tier.score'
        ? `总分 ${t.score} ${t.outcome === 'passed' ? '≥' : '<'} ${t.min}`
        : `${t.rule}：${t.outcome === 'passed' ? '已满足' : '未满足'}`,
  }));
  return {
    ...r,
    verdict: { tier: r.verdict.tier, label: r.verdict.label ?? '未达到任何等级', reasons },
    trace,
  };
}

describe.each(targets)('results stored by the first engine on %s', (target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`served with codes${skipReason(target)}`, () => {
    let h: Harness;
    let alice: Client;
    let fresh: ScoreResult;
    let id: string;
    beforeAll(async () => {
      h = await harness(target);
      alice = await h.as('alice');
      const a = (
        await alice.req('POST', '/api/assessments', {
          definition: 'gbt29490-2023',
          asOf: '2026-06-30',
          answers: sampleAnswers('gbt29490-2023/nearly-ready-software'),
        })
      ).body;
      const s = await alice.req('POST', `/api/assessments/${a.id}/submit`, {
        revision: a.revision,
      });
      expect(s.status).toBe(200);
      fresh = s.body.result;
      id = a.id;
    });
    afterAll(() => h?.close());

    const store = (result: object) =>
      h.deps.db.kysely
        .updateTable('assessments')
        // A row from before the read model (0007) has none: model_revision null.
        .set({ result: JSON.stringify(result), model_revision: null })
        .where('id', '=', id)
        .execute();

    it('serves a tier label and string reasons as codes with their parameters', async () => {
      const old = legacyOf(fresh);
      expect(old.verdict.reasons.every((r) => typeof r === 'string')).toBe(true);
      expect(old.trace.every((t) => !('code' in t))).toBe(true);
      await store(old);

      const got = (await alice.get(`/api/assessments/${id}`)).body;
      const r: ScoreResult = got.result;
      expect(r.verdict.tier).toBe(fresh.verdict.tier);
      expect(r.verdict.label).toEqual(fresh.verdict.label);
      expect(r.verdict.reasons.map((x) => x.code)).toEqual(
        fresh.verdict.reasons.map((x) => x.code),
      );
      for (const reason of r.verdict.reasons) expect(typeof reason).toBe('object');
      const steps = (t: ScoreResult['trace']) => t.map((x) => [x.code, x.rule, x.outcome]);
      expect(steps(r.trace)).toEqual(steps(fresh.trace));
      // … so it reads in English as well as Chinese (the definition's own labels stay as written).
      const ctx = { result: r, locale: 'en' as const };
      for (const x of r.verdict.reasons)
        expect(reasonText(x, ctx)).toMatch(/^(Reached|Not reached) /);
      expect(traceText(r.trace[0] as ScoreResult['trace'][number], ctx)).toBeTruthy();

      const listed = (await alice.get('/api/assessments')).body.items.find(
        (x: { id: string }) => x.id === id,
      );
      expect(listed.verdict).toEqual(fresh.verdict.label);
      const pdf = await h.app.request(`/api/assessments/${id}/report.pdf`, {
        headers: { cookie: alice.cookie ?? '' },
      });
      expect(pdf.status).toBe(200);
    });

    it('serves 未达到任何等级 as no label, with the tier missed as a reason', async () => {
      const old = legacyOf(fresh);
      const firstTier = fresh.trace.find((t) => t.code === 'tier.score');
      expect(firstTier).toBeDefined();
      await store({
        ...old,
        verdict: {
          tier: null,
          label: '未达到任何等级',
          reasons: ['未达到「尚未就绪」：总分 10 低于 0'],
        },
      });
      const r: ScoreResult = (await alice.get(`/api/assessments/${id}`)).body.result;
      expect(r.verdict.tier).toBeNull();
      expect(r.verdict.label).toBeNull();
      expect(r.verdict.reasons[0]).toMatchObject({ code: 'tier.missed' });
      expect(
        (await alice.get('/api/assessments')).body.items.find((x: { id: string }) => x.id === id)
          .verdict,
      ).toBeNull();
    });
  });
});
