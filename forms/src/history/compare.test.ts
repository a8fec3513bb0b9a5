import { describe, expect, it } from 'vitest';
import { score } from '../engine/score.ts';
import { fixture } from '../testing/fixture.ts';
import { compareResults } from './compare.ts';

const asOf = '2026-11-29';
const before = score(
  fixture,
  {
    'p.make': false,
    'p.started': '2026-10-01',
    'p.penalty': false,
    'a.policy': true,
    'a.budget': 'full',
    'b1.staff': 1,
    'b2.records': 2,
  },
  { asOf },
);
// A year on: the budget was cut, two more staff were hired, the system has now run long enough.
const after = score(
  fixture,
  {
    'p.make': false,
    'p.started': '2026-01-01',
    'p.penalty': false,
    'a.policy': true,
    'a.budget': 'some',
    'b1.staff': 4,
    'b2.records': 2,
  },
  { asOf },
);

describe('compareResults', () => {
  const c = compareResults(before, after);

  it('finds the items that earn more and those that earn less, on the 0–100 total', () => {
    // b1.staff: 5 → 10 of 10 points in b1, which is half of b (weight 1 of 3): 1/3 · 1/2 · 100 · 0.5 ≈ 8.33.
    expect(c.improved.map((i) => i.item)).toEqual(['b1.staff']);
    expect(c.improved[0]?.delta).toBeCloseTo(8.33, 2);
    // a.budget: 10 → 5 of a's 20 points, a weighing 2 of 3: 2/3 · 100 · 5/20 ≈ 16.67 lost.
    expect(c.fellBack.map((i) => i.item)).toEqual(['a.budget']);
    expect(c.fellBack[0]?.delta).toBeCloseTo(-16.67, 2);
    expect(c.fellBack[0]?.before).toEqual({ status: 'met', points: 10 });
  });

  it('leaves out items that did not change, and items hidden on either side', () => {
    const ids = [...c.improved, ...c.fellBack].map((i) => i.item);
    expect(ids).not.toContain('a.policy');
    expect(ids).not.toContain('prod.check');
  });

  it('names the gates newly passed (running > 3 months) and none newly failed', () => {
    expect(c.gatesPassed).toEqual([{ gate: 'g.running', before: 'failed', after: 'passed' }]);
    expect(c.gatesFailed).toEqual([]);
    // The reverse comparison turns the same gate into a newly failed one.
    expect(compareResults(after, before).gatesFailed.map((g) => g.gate)).toEqual(['g.running']);
  });

  it('gives the score difference and the top-level sections before and after', () => {
    expect(c.score.delta).toBeCloseTo(after.total.score - before.total.score, 2);
    expect(c.sections.map((s) => s.section)).toEqual(['profile', 'a', 'b', 'prod']);
    expect(c.sections.find((s) => s.section === 'a')).toEqual({
      section: 'a',
      before: 1,
      after: 0.75,
    });
  });

  it('with a draft, counts unanswered items apart instead of calling them fallen back', () => {
    const draft = score(fixture, { 'p.make': false, 'a.policy': true }, { asOf });
    const plain = compareResults(before, draft);
    expect(plain.fellBack.map((i) => i.item)).toContain('a.budget');
    const d = compareResults(before, draft, { draft: true });
    expect(d.fellBack).toEqual([]);
    // Answered before and not yet: a.budget, b1.staff, b2.records and the profile's start date and penalty.
    expect(d.unanswered).toBe(5);
  });

  it('reports nothing changed between a result and itself', () => {
    const same = compareResults(after, after);
    expect([same.improved, same.fellBack, same.gatesPassed, same.gatesFailed]).toEqual([
      [],
      [],
      [],
      [],
    ]);
    expect(same.score.delta).toBe(0);
  });
});
