import { describe, expect, it } from 'vitest';
import type { Problem } from '../problem.ts';
import type { Definition } from '../schema/definition.ts';
import { fixture } from '../testing/fixture.ts';
import { checkGateInputs, checkTiers, contradiction } from './tiers.ts';

/*
 * The tier and gate rules, each asserting the whole list of problems. The fixture's
 * tiers: base → mid (≥ 50, veto g.no-penalty) → top (≥ 80, g.running); its gates
 * g.running (eligibility, d.months > 3) and g.no-penalty (veto, p.penalty = false).
 */

type Gate = Definition['gates'][number];
const edit = (fn: (d: Definition) => void): Definition => {
  const d = structuredClone(fixture);
  fn(d);
  return d;
};
const err = (path: (string | number)[], code: string, message: string): Problem => ({
  path,
  code,
  message,
  severity: 'error',
});
const gate = (id: string, kind: Gate['kind'], condition: Gate['condition']): Gate => ({
  id,
  title: id,
  kind,
  condition,
  failMessage: 'x',
  citations: [],
});

describe('contradiction', () => {
  it('finds none in requirements that can hold together', () => {
    expect(contradiction([])).toBeNull();
    expect(
      contradiction([
        { op: 'eq', ref: 'x', value: 3 },
        { op: 'gte', ref: 'x', value: 3 },
        { op: 'lte', ref: 'x', value: 3 },
        { op: 'ne', ref: 'x', value: 4 },
        { op: 'eq', ref: 'y', value: 'a' },
        { op: 'eq', ref: 'y', value: 'a' },
        { op: 'any', of: [{ op: 'eq', ref: 'z', value: 1 }] },
        { op: 'any', of: [{ op: 'answered', ref: 'z' }] },
      ]),
    ).toBeNull();
    // gt 1 and lt 2 leave room between them; an "any" of two is not a literal to combine.
    expect(
      contradiction([
        { op: 'gt', ref: 'x', value: 1 },
        { op: 'lt', ref: 'x', value: 2 },
        {
          op: 'any',
          of: [
            { op: 'eq', ref: 'x', value: 5 },
            { op: 'eq', ref: 'x', value: 6 },
          ],
        },
      ]),
    ).toBeNull();
  });

  it('an empty "any" never holds, also inside "all"', () => {
    const why = 'a requirement is an empty "any", which never holds';
    expect(contradiction([{ op: 'any', of: [] }])).toBe(why);
    expect(
      contradiction([
        {
          op: 'all',
          of: [
            { op: 'answered', ref: 'x' },
            { op: 'any', of: [] },
          ],
        },
      ]),
    ).toBe(why);
  });

  it('two different values for one reference, also through a one-branch "any"', () => {
    expect(
      contradiction([
        { op: 'eq', ref: 'p', value: true },
        { op: 'any', of: [{ op: 'eq', ref: 'p', value: false }] },
      ]),
    ).toBe('"p" would have to equal true and false at once');
  });

  it('bounds that leave nothing between them, strict or not', () => {
    expect(
      contradiction([
        { op: 'gte', ref: 'n', value: 5 },
        { op: 'lte', ref: 'n', value: 4 },
      ]),
    ).toBe('"n" would have to be ≥ 5 and ≤ 4');
    expect(
      contradiction([
        { op: 'gt', ref: 'n', value: 5 },
        { op: 'lte', ref: 'n', value: 5 },
      ]),
    ).toBe('"n" would have to be > 5 and ≤ 5');
    expect(
      contradiction([
        { op: 'gte', ref: 'n', value: 5 },
        { op: 'lt', ref: 'n', value: 5 },
      ]),
    ).toBe('"n" would have to be ≥ 5 and < 5');
    // The tighter of two bounds counts: > 5 after ≥ 5, < 1 after ≤ 1, ≥ 7 after > 2.
    expect(
      contradiction([
        { op: 'gte', ref: 'n', value: 5 },
        { op: 'gt', ref: 'n', value: 5 },
        { op: 'lte', ref: 'n', value: 5 },
      ]),
    ).toBe('"n" would have to be > 5 and ≤ 5');
    expect(
      contradiction([
        { op: 'lte', ref: 'n', value: 1 },
        { op: 'lt', ref: 'n', value: 1 },
        { op: 'gte', ref: 'n', value: 1 },
      ]),
    ).toBe('"n" would have to be ≥ 1 and < 1');
    expect(
      contradiction([
        { op: 'gt', ref: 'n', value: 2 },
        { op: 'gte', ref: 'n', value: 7 },
        { op: 'gt', ref: 'n', value: 3 },
        { op: 'lte', ref: 'n', value: 6 },
        { op: 'lt', ref: 'n', value: 6.5 },
      ]),
    ).toBe('"n" would have to be ≥ 7 and ≤ 6');
    // A later, looser bound does not replace a stricter one at the same figure.
    expect(
      contradiction([
        { op: 'gt', ref: 'n', value: 5 },
        { op: 'gte', ref: 'n', value: 5 },
        { op: 'lt', ref: 'n', value: 9 },
        { op: 'lte', ref: 'n', value: 9 },
        { op: 'eq', ref: 'n', value: 9 },
      ]),
    ).toBe('"n" would have to equal 9 outside its bounds');
  });

  it('a value required equal and different at once', () => {
    expect(
      contradiction([
        { op: 'ne', ref: 's', value: 'a' },
        { op: 'eq', ref: 's', value: 'a' },
      ]),
    ).toBe('"s" would have to equal and differ from a');
  });

  it('an equality outside the bounds, at or beyond each edge', () => {
    const outside = '"n" would have to equal 3 outside its bounds';
    const with3 = (...c: Parameters<typeof contradiction>[0]) =>
      contradiction([{ op: 'eq', ref: 'n', value: 3 }, ...c]);
    expect(with3({ op: 'gt', ref: 'n', value: 3 })).toBe(outside);
    expect(with3({ op: 'gte', ref: 'n', value: 4 })).toBe(outside);
    expect(with3({ op: 'lt', ref: 'n', value: 3 })).toBe(outside);
    expect(with3({ op: 'lte', ref: 'n', value: 2 })).toBe(outside);
    expect(with3({ op: 'gte', ref: 'n', value: 3 })).toBeNull();
    expect(with3({ op: 'lte', ref: 'n', value: 3 })).toBeNull();
    expect(with3({ op: 'gt', ref: 'n', value: 2 }, { op: 'lt', ref: 'n', value: 4 })).toBeNull();
    // Non-numeric bounds are not bounds.
    expect(with3({ op: 'gt', ref: 'n', value: '5' })).toBeNull();
  });
});

describe('checkTiers', () => {
  it('finds nothing in the fixture', () => {
    expect(checkTiers(fixture)).toEqual([]);
  });

  it('a tier above the total, counting bonus points in the ceiling', () => {
    const d = edit((d) => {
      d.tiers.push({ id: 'over', label: 'x', minScore: 100.5, gates: [] });
    });
    expect(checkTiers(d)).toEqual([
      err(
        ['tiers', 3, 'minScore'],
        'unreachable_tier',
        'tier "over" needs 100.5 of a 100-point total',
      ),
    ]);
    const withBonus = edit((d) => {
      d.tiers.push({ id: 'over', label: 'x', minScore: 105, gates: [] });
      (d.sections[3] as Definition['sections'][number]).bonus = 5;
    });
    expect(checkTiers(withBonus)).toEqual([]);
    (withBonus.tiers[3] as Definition['tiers'][number]).minScore = 105.1;
    expect(checkTiers(withBonus)).toEqual([
      err(
        ['tiers', 3, 'minScore'],
        'unreachable_tier',
        'tier "over" needs 105.1 of a 105-point total',
      ),
    ]);
  });

  it('an unknown gate named by a tier', () => {
    const d = edit((d) => {
      (d.tiers[2] as Definition['tiers'][number]).gates.push('g.nothing');
    });
    expect(checkTiers(d)).toEqual([
      err(['tiers', 2, 'gates', 1], 'unknown_ref', 'unknown gate "g.nothing"'),
    ]);
  });

  it('a bonus on a nested section', () => {
    const d = edit((d) => {
      const b = d.sections[2] as Definition['sections'][number];
      (b.sections[1] as Definition['sections'][number]).bonus = 2;
    });
    expect(checkTiers(d)).toEqual([
      err(
        ['sections', 2, 'sections', 1, 'bonus'],
        'nested_bonus',
        'only a top-level section can be a bonus section ("b2" is nested)',
      ),
    ]);
  });

  it('requirements that contradict, cumulative from the tiers below and every veto', () => {
    // mid needs p.penalty = false (its veto); top adds p.penalty = true: top is unreachable,
    // and so is a tier above it, which inherits the contradiction.
    const d = edit((d) => {
      (d.tiers[2] as Definition['tiers'][number]).requires = {
        op: 'eq',
        ref: 'p.penalty',
        value: true,
      };
      d.tiers.push({ id: 'above', label: 'x', minScore: 90, gates: [] });
    });
    const why = 'can never be reached: "p.penalty" would have to equal false and true at once';
    expect(checkTiers(d)).toEqual([
      err(['tiers', 2], 'unreachable_tier', `tier "top" ${why}`),
      err(['tiers', 3], 'unreachable_tier', `tier "above" ${why}`),
    ]);
    // The same requirement on the lowest tier meets no veto there.
    const low = edit((d) => {
      (d.tiers[0] as Definition['tiers'][number]).requires = {
        op: 'eq',
        ref: 'p.penalty',
        value: true,
      };
    });
    expect(checkTiers(low).map((p) => p.path)).toEqual([
      ['tiers', 1],
      ['tiers', 2],
    ]);
  });

  it('an eligibility gate no tier names, and vetoes that cannot act', () => {
    const orphan = edit((d) => {
      d.gates.push(gate('g.orphan', 'eligibility', { op: 'eq', ref: 'a.policy', value: true }));
    });
    expect(checkTiers(orphan)).toEqual([
      err(
        ['gates', 2, 'id'],
        'unused_gate',
        'gate "g.orphan" is named by no tier, so it never affects the verdict: list it in the tiers it blocks, or make it a veto',
      ),
    ]);
    const onLowest = edit((d) => {
      const base = d.tiers[0] as Definition['tiers'][number];
      base.gates = ['g.running', 'g.no-penalty'];
    });
    expect(checkTiers(onLowest)).toEqual([
      err(
        ['tiers', 0, 'gates', 1],
        'veto_without_effect',
        'veto gate "g.no-penalty" is a condition of the lowest tier "base", where a failed veto must leave the verdict; remove it there',
      ),
    ]);
    const oneTier = edit((d) => {
      d.tiers = [{ id: 'only', label: 'x', minScore: 0, gates: [] }];
      d.gates = [gate('g.v', 'veto', { op: 'eq', ref: 'a.policy', value: true })];
    });
    expect(checkTiers(oneTier)).toEqual([
      err(
        ['gates', 0, 'kind'],
        'veto_without_effect',
        'veto gate "g.v" cannot take effect: with one tier there is nothing to cap',
      ),
    ]);
  });
});

describe('checkGateInputs', () => {
  const reading = (ref: string, value: unknown) =>
    edit((d) => {
      d.gates.push(gate('g.x', 'eligibility', { op: 'eq', ref, value } as Gate['condition']));
      (d.tiers[2] as Definition['tiers'][number]).gates.push('g.x');
    });

  it('names each hideable input and why it can be hidden', () => {
    // prod.check sits in a section with visibleWhen; b2.records may be not applicable.
    const d = edit((d) => {
      d.gates.push(
        gate('g.x', 'eligibility', {
          op: 'all',
          of: [
            { op: 'eq', ref: 'prod.check', value: true },
            { op: 'gte', ref: 'b2.records', value: 1 },
            { op: 'eq', ref: 'a.policy', value: true },
          ],
        }),
      );
    });
    expect(checkGateInputs(d)).toEqual([
      err(
        ['gates', 2, 'id'],
        'hidden_input',
        'gate "g.x" reads "prod.check" (section "prod" has visibleWhen), "b2.records" (it may be answered not applicable): say what that means with whenNotApplicable: pass | fail',
      ),
    ]);
  });

  it('an item with its own visibleWhen, and one under a hidden parent section', () => {
    const own = reading('a.policy', true);
    (
      (own.sections[1] as Definition['sections'][number])
        .items[0] as Definition['sections'][number]['items'][number]
    ).visibleWhen = {
      op: 'eq',
      ref: 'p.make',
      value: true,
    };
    expect(checkGateInputs(own).map((p) => p.message)).toEqual([
      'gate "g.x" reads "a.policy" (it has visibleWhen): say what that means with whenNotApplicable: pass | fail',
    ]);
    const parent = reading('b1.staff', 1);
    (parent.sections[2] as Definition['sections'][number]).visibleWhen = {
      op: 'eq',
      ref: 'p.make',
      value: true,
    };
    expect(checkGateInputs(parent).map((p) => p.message)).toEqual([
      'gate "g.x" reads "b1.staff" (section "b" has visibleWhen): say what that means with whenNotApplicable: pass | fail',
    ]);
  });

  it('is satisfied by whenNotApplicable, and silent for inputs always shown', () => {
    expect(checkGateInputs(reading('a.policy', true))).toEqual([]);
    const said = reading('prod.check', true);
    (said.gates[2] as Gate).whenNotApplicable = 'pass';
    expect(checkGateInputs(said)).toEqual([]);
  });
});

describe('contradiction and vetoes: the remaining edges', () => {
  it('a strict lower bound is not loosened by an equal non-strict one that follows', () => {
    expect(
      contradiction([
        { op: 'gt', ref: 'n', value: 5 },
        { op: 'gte', ref: 'n', value: 5 },
        { op: 'lte', ref: 'n', value: 5 },
      ]),
    ).toBe('"n" would have to be > 5 and ≤ 5');
  });

  it('"all" contributes its literals (not an empty "any")', () => {
    expect(
      contradiction([
        {
          op: 'all',
          of: [
            { op: 'eq', ref: 'p', value: true },
            { op: 'eq', ref: 'p', value: false },
          ],
        },
      ]),
    ).toBe('"p" would have to equal true and false at once');
  });

  it('a veto with two tiers has one to cap', () => {
    const two = edit((d) => {
      // base and mid (the veto's tier); g.running was top's only.
      d.tiers = d.tiers.slice(0, 2);
      d.gates = d.gates.filter((g) => g.id !== 'g.running');
    });
    expect(checkTiers(two)).toEqual([]);
  });
});
