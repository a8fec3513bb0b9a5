import { describe, expect, it } from 'vitest';
import { Definition } from '../schema/definition.ts';
import { score } from './score.ts';

/*
 * A verdict below every tier (verdict.ts): the lowest tier here needs 30 points,
 * and one unmet 10-point item scores 0 — no tier, the lowest one named as
 * missed, and the failed score line in the trace.
 */
const def = Definition.parse({
  id: 'verdict-edges',
  version: '1.0.0',
  family: 'gbt29490',
  title: '判定',
  audience: ['enterprise'],
  sections: [
    { id: 's', title: '甲', items: [{ id: 'q', kind: 'yesno', points: 10, prompt: '甲？' }] },
  ],
  tiers: [
    { id: 'low', label: '起步', minScore: 30 },
    { id: 'high', label: '良好', minScore: 80 },
  ],
});
const asOf = '2026-11-29';

describe('a score below the lowest tier', () => {
  it('reaches no tier and names the lowest as missed, with the score line failed in the trace', () => {
    const r = score(def, { q: false }, { asOf });
    expect(r.verdict).toEqual({
      tier: null,
      label: null,
      reasons: [
        {
          code: 'tier.missed',
          tier: 'low',
          label: '起步',
          blockers: [{ code: 'score.below', score: 0, min: 30 }],
        },
      ],
    });
    expect(r.trace.find((t) => t.rule === 'tier:low.minScore')?.outcome).toBe('failed');
  });

  it('with every point reaches the top tier, the score line passed', () => {
    const r = score(def, { q: true }, { asOf });
    expect(r.verdict.tier).toBe('high');
    expect(r.trace.find((t) => t.rule === 'tier:low.minScore')?.outcome).toBe('passed');
  });
});

describe('a tier needing every target, missed for its score and its targets', () => {
  it('lists the missed targets once, among its blockers, with no separate summary', () => {
    const targets = Definition.parse({
      ...def,
      sections: [
        {
          id: 's',
          title: '甲',
          items: [
            { id: 'q', kind: 'yesno', points: 10, prompt: '甲？' },
            {
              id: 'n',
              kind: 'number',
              prompt: '件数',
              scoring: { type: 'target', target: 10, points: 10 },
            },
          ],
        },
      ],
      tiers: [
        { id: 'low', label: '起步' },
        { id: 'full', label: '全面达标', minScore: 80, allTargets: true },
      ],
    });
    // q unmet, n 5 of its target 10: 5 of 20 points, 25; the one target missed.
    const r = score(targets, { q: false, n: 5 }, { asOf });
    expect(r.verdict.reasons.map((x) => x.code)).toEqual(['tier.reached', 'tier.missed']);
    const missed = r.verdict.reasons[1];
    expect(missed?.code === 'tier.missed' && missed.blockers).toEqual([
      { code: 'score.below', score: 25, min: 80 },
      { code: 'targets.missed', attained: 0, total: 1, missed: ['n'] },
    ]);
  });
});
