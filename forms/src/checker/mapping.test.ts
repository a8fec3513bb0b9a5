import { describe, expect, it } from 'vitest';
import type { Definition } from '../schema/definition.ts';
import type { Mapping } from '../schema/mapping.ts';
import { fixture } from '../testing/fixture.ts';
import { checkMapping } from './mapping.ts';

/*
 * Mapping pairs checked against two editions: "to" is the fixture with a.budget
 * lacking the option "some" and the maturity scale given a fourth level.
 */

const from = fixture;
const to: Definition = structuredClone(fixture);
to.id = 'fixture-next';
const budget = to.sections[1]?.items[1];
if (budget?.kind === 'single') budget.options = budget.options.filter((o) => o.id !== 'some');
to.scales = { maturity: [...(to.scales.maturity ?? []), { value: 3, label: 'x', fraction: 1 }] };

const mapping = (pairs: [string, string][]): Mapping => ({
  id: 'm',
  title: 'm',
  from: 'fixture@1.0.0',
  to: 'fixture-next@1.0.0',
  pairs: pairs.map(([a, b]) => ({ from: a, to: b, confirm: false })),
});
const err = (path: (string | number)[], code: string, message: string) => ({
  path,
  code,
  message,
  severity: 'error',
});

describe('checkMapping', () => {
  it('accepts pairs of the same kind that can carry their answers', () => {
    expect(
      checkMapping(
        mapping([
          ['a.policy', 'a.policy'],
          ['b1.staff', 'b1.staff'],
          ['p.started', 'p.started'],
        ]),
        from,
        to,
      ),
    ).toEqual([]);
  });

  it('names unknown items, a target used twice and pairs that cannot carry over', () => {
    expect(
      checkMapping(
        mapping([
          ['a.nothing', 'a.policy'],
          ['a.policy', 'a.none'],
          ['p.make', 'a.policy'],
          ['a.budget', 'a.budget'],
          ['b2.records', 'b2.records'],
          ['b1.staff', 'p.penalty'],
        ]),
        from,
        to,
      ),
    ).toEqual([
      err(['pairs', 0, 'from'], 'unknown_ref', 'no item "a.nothing" in fixture@1.0.0'),
      err(['pairs', 1, 'to'], 'unknown_ref', 'no item "a.none" in fixture-next@1.0.0'),
      err(['pairs', 2, 'to'], 'duplicate_id', '"a.policy" is already the target of another pair'),
      err(
        ['pairs', 3],
        'incompatible_pair',
        'a.budget → a.budget: options missing in the target: some',
      ),
      err(
        ['pairs', 4],
        'incompatible_pair',
        'b2.records → b2.records: scale levels differ (0,1,2 → 0,1,2,3)',
      ),
      err(['pairs', 5], 'incompatible_pair', 'b1.staff → p.penalty: kinds differ (number → yesno)'),
    ]);
  });
});
