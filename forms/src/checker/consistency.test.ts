import { describe, expect, it } from 'vitest';
import type { Definition } from '../schema/definition.ts';
import { Item } from '../schema/item.ts';
import { fixture } from '../testing/fixture.ts';
import { checkConsistency } from './consistency.ts';
import { itemsWithPaths } from './walk.ts';

/*
 * The consistency rules' own mistakes, each with its exact problem: a rule id used twice,
 * a flagged question that does not exist, is computed, or is not read by the rule.
 */

const withRules = (rules: Definition['consistency']) => {
  const d = structuredClone(fixture);
  d.sections[0]?.items.push(
    Item.parse({ id: 'p.m', kind: 'computed', value: 'd.months', prompt: 'x', citations: [] }),
  );
  d.consistency = rules;
  return d;
};
const check = (d: Definition) =>
  checkConsistency(d, new Map(itemsWithPaths(d).map(({ value }) => [value.id, value])));
const rule = (id: string, items: string[]) => ({
  id,
  when: { op: 'eq' as const, ref: 'p.penalty', value: true },
  expect: { op: 'eq' as const, ref: 'a.policy', value: true },
  items,
  message: 'x',
});
const err = (path: (string | number)[], code: string, message: string) => ({
  path,
  code,
  message,
  severity: 'error',
});

describe('checkConsistency', () => {
  it('accepts a rule flagging questions it reads', () => {
    expect(check(withRules([rule('r.one', ['p.penalty', 'a.policy'])]))).toEqual([]);
    expect(check(structuredClone(fixture))).toEqual([]);
  });

  it('names a repeated id, an unknown, a computed and an unread flagged question', () => {
    expect(
      check(withRules([rule('r.one', ['p.penalty']), rule('r.one', ['nope', 'p.m', 'b1.staff'])])),
    ).toEqual([
      err(['consistency', 1, 'id'], 'duplicate_id', 'duplicate consistency rule "r.one"'),
      err(['consistency', 1, 'items', 0], 'unknown_ref', 'unknown item "nope"'),
      err(
        ['consistency', 1, 'items', 1],
        'flag_not_answerable',
        '"p.m" is computed: the respondent cannot change it',
      ),
      err(
        ['consistency', 1, 'items', 2],
        'flag_not_read',
        'rule "r.one" flags "b1.staff" but neither condition reads it',
      ),
    ]);
  });
});
