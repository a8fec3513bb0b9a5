import { describe, expect, it } from 'vitest';
import type { Definition } from '../schema/definition.ts';
import { allMet, fixture } from '../testing/fixture.ts';
import { score } from './score.ts';

/*
 * A bonus section on top of the 100-point total: the fixture plus "extra" (bonus 5) with
 * two sub-sections x1 (weight 1) and x2 (weight 3), one 10-point yes/no each. The bonus
 * section's children share its 5 points as regular sections share the 100: x1 1.25, x2 3.75.
 */

const withBonus: Definition = structuredClone(fixture);
const yesno = (id: string) => ({
  id,
  kind: 'yesno' as const,
  points: 10,
  prompt: id,
  recommendation: 'x',
  citations: [],
});
withBonus.sections.push({
  id: 'extra',
  title: '加分',
  weight: 1,
  bonus: 5,
  items: [],
  sections: [
    { id: 'x1', title: '一', weight: 1, items: [yesno('x1.a')], sections: [] },
    { id: 'x2', title: '二', weight: 3, items: [yesno('x2.b')], sections: [] },
  ],
} as unknown as Definition['sections'][number]);
const asOf = '2026-11-30';

describe('bonus sections', () => {
  it('add their weighted share of the bonus on top of the total, and do not dilute it', () => {
    // Everything regular met: 100. Bonus ratio (1 × 1 + 3 × 0) / 4 = 0.25 → 0.25 × 5 = 1.25.
    const r = score(withBonus, { ...allMet, 'x1.a': true, 'x2.b': false }, { asOf });
    expect(r.total.score).toBe(101.25);
    // x2.b is worth 5 × 3/4 = 3.75 of the total; it is the only gap.
    expect(r.gaps.map((g) => [g.item, g.cost])).toEqual([['x2.b', 3.75]]);
  });

  it('both met: the full 5; neither: nothing, and each bonus item is a gap of its share', () => {
    expect(score(withBonus, { ...allMet, 'x1.a': true, 'x2.b': true }, { asOf }).total.score).toBe(
      105,
    );
    const none = score(withBonus, { ...allMet, 'x1.a': false, 'x2.b': false }, { asOf });
    expect(none.total.score).toBe(100);
    expect(none.gaps.map((g) => [g.item, g.cost])).toEqual([
      ['x2.b', 3.75],
      ['x1.a', 1.25],
    ]);
  });

  it('a regular gap costs its share of 100, not of 105', () => {
    // a.policy (10 of a's 20 points, a weighs 2 of 4): 100 × 2/4 × 10/20 = 25.
    const r = score(
      withBonus,
      { ...allMet, 'a.policy': false, 'x1.a': true, 'x2.b': true },
      { asOf },
    );
    expect(r.total.score).toBe(80); // 75 + 5
    expect(r.gaps.map((g) => [g.item, g.cost])).toEqual([['a.policy', 25]]);
  });
});
