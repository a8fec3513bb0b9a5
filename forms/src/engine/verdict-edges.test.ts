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
