import { describe, expect, it } from 'vitest';
import { score } from '../engine/score.ts';
import { reasonText, traceText, verdictLabel } from '../present/verdict-text.ts';
import { allMet, fixture } from '../testing/fixture.ts';
import { StoredScoreResult } from './stored-result.ts';

/** A result as the first engine froze it: reasons and trace details as Chinese sentences. */
function legacyOf(r: ReturnType<typeof score>, reasons: string[], label: string) {
  return {
    ...r,
    verdict: { tier: r.verdict.tier, label, reasons },
    trace: r.trace.map(({ rule, outcome }) => ({
      rule,
      outcome,
      detail: rule.endsWith('.minScore')
        ? `总分 ${r.total.score} ${outcome === 'passed' ? '≥' : '<'} ${
            fixture.tiers.find((t) => rule === `tier:${t.id}.minScore`)?.minScore ?? 0
          }`
        : '…',
    })),
  };
}

describe('StoredScoreResult', () => {
  it('passes a result of today’s shape through unchanged', () => {
    const r = score(fixture, allMet, { asOf: '2026-11-21' });
    expect(StoredScoreResult.parse(JSON.parse(JSON.stringify(r)))).toEqual(r);
  });

  it('rebuilds the codes of a result frozen by the first engine, to the same words', () => {
    // Started 2026-10-01: at 2026-11-21 the system has not run 3 months, so "top" is blocked.
    const r = score(fixture, { ...allMet, 'p.started': '2026-10-01' }, { asOf: '2026-11-21' });
    const old = legacyOf(
      r,
      ['达到「基本就绪」：总分 100，所需门槛均已通过', '未达到「可以申请」：体系运行未满3个月'],
      '基本就绪',
    );
    const up = StoredScoreResult.parse(JSON.parse(JSON.stringify(old)));
    expect(up.verdict).toEqual(r.verdict);
    expect(up.trace).toEqual(r.trace);
    const ctx = { result: up, definition: fixture };
    expect(up.verdict.reasons.map((x) => reasonText(x, ctx))).toEqual([
      '达到「基本就绪」：总分 100.0，所需门槛均已通过',
      '未达到「可以申请」：体系运行未满3个月',
    ]);
    expect(reasonText(up.verdict.reasons[1] as never, { ...ctx, locale: 'en' })).toBe(
      'Not reached “可以申请”: 体系运行未满3个月',
    );
    expect(
      traceText(up.trace.find((t) => t.code === 'tier.score') as never, { ...ctx, locale: 'en' }),
    ).toBe('total 100.0 ≥ 0');
  });

  it('reads the old "no tier reached" label as null', () => {
    const noBase = { ...fixture, tiers: fixture.tiers.slice(1) };
    const r = score(noBase, {}, { asOf: '2026-11-21' });
    expect(r.verdict.tier).toBeNull();
    const up = StoredScoreResult.parse(legacyOf(r, ['未达到「基本就绪」：…'], '未达到任何等级'));
    expect(up.verdict.label).toBeNull();
    expect(verdictLabel(up, 'en')).toBe('No tier reached');
    expect(up.verdict.reasons).toEqual(r.verdict.reasons);
  });
});
