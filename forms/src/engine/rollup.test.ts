import { describe, expect, it } from 'vitest';
import { Definition } from '../schema/definition.ts';
import { score } from './score.ts';

/*
 * Sections with nothing applicable (rollup.ts): they are left out of their
 * parent's average, a parent of only such sections has no ratio, and their
 * items weigh nothing. Section a (weight 1) has a1 (weight 1) and a2
 * (weight 3); section b (weight 1) has only b1; the profile's question earns
 * no points. Every scored item is a 10-point yes/no that may not apply.
 */
const yesno = (id: string, points?: number) => ({
  id,
  kind: 'yesno' as const,
  prompt: id,
  allowNotApplicable: true,
  ...(points ? { points } : {}),
});
const def = Definition.parse({
  id: 'rollup',
  version: '1.0.0',
  family: 'gbt29490',
  title: '汇总',
  audience: ['enterprise'],
  sections: [
    { id: 'p', title: '概况', items: [yesno('p.size')] },
    {
      id: 'a',
      title: '甲',
      sections: [
        { id: 'a1', title: '甲一', items: [yesno('a1.x', 10)] },
        { id: 'a2', title: '甲二', weight: 3, items: [yesno('a2.x', 10)] },
      ],
    },
    { id: 'b', title: '乙', sections: [{ id: 'b1', title: '乙一', items: [yesno('b1.x', 10)] }] },
  ],
  tiers: [{ id: 'base', label: '起步' }],
});
const na = { notApplicable: true, reason: '无此业务' };
const asOf = '2026-11-29';
const section = (r: ReturnType<typeof score>, id: string) => r.sections.find((s) => s.id === id);

describe('sections with nothing applicable', () => {
  it("are left out of their parent's weighted average", () => {
    // a1 does not apply: a is a2's ratio alone (1), not (1·0 + 3·1) / 4.
    const r = score(def, { 'p.size': true, 'a1.x': na, 'a2.x': true, 'b1.x': true }, { asOf });
    expect(section(r, 'a1')?.ratio).toBeNull();
    expect(section(r, 'a')?.ratio).toBe(1);
    expect(r.total.score).toBe(100);
  });

  it('leave a parent of nothing but them without a ratio, and out of the total', () => {
    // b1 does not apply: b has no ratio; the total is a's alone, a2 met and a1 not: 3/4.
    const r = score(def, { 'p.size': true, 'a1.x': false, 'a2.x': true, 'b1.x': na }, { asOf });
    expect(section(r, 'b')?.ratio).toBeNull();
    expect(r.total.score).toBe(75);
  });

  it('weigh nothing, as do questions without points', () => {
    const r = score(def, { 'p.size': true, 'a1.x': true, 'a2.x': false, 'b1.x': na }, { asOf });
    const weight = (id: string) => r.items.find((i) => i.id === id)?.weight;
    expect(weight('b1.x')).toBe(0);
    expect(weight('p.size')).toBe(0);
    // The items that count: a is the whole total, a1 a quarter of it and a2 three quarters.
    expect([weight('a1.x'), weight('a2.x')]).toEqual([25, 75]);
  });
});
