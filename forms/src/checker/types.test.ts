import { describe, expect, it } from 'vitest';
import type { Problem } from '../problem.ts';
import type { Condition } from '../schema/condition.ts';
import { allKinds } from '../testing/all-kinds.ts';
import { checkCondition, type RefTarget } from './types.ts';
import { itemsWithPaths } from './walk.ts';

/*
 * One test per rule of the condition type check, each asserting the whole list of
 * problems (path, code, message, severity) for a condition over the all-kinds
 * definition: k.yesno, k.single (none, full), k.multi (a, b), k.scale (levels 0, 1, 2),
 * k.number, k.date, k.text, k.evidence, k.computed and the derived value d.share.
 */

const items = new Map(itemsWithPaths(allKinds).map(({ value }) => [value.id, value]));
const lookup = (ref: string): RefTarget | undefined => {
  const item = items.get(ref);
  if (item) return { kind: 'item', item };
  return ref === 'd.share' ? { kind: 'derived' } : undefined;
};
const check = (cond: Condition): Problem[] => {
  const out: Problem[] = [];
  checkCondition(cond, ['c'], lookup, allKinds, out);
  return out;
};
const err = (path: (string | number)[], code: string, message: string): Problem => ({
  path: ['c', ...path],
  code,
  message,
  severity: 'error',
});
const unknown = (path: (string | number)[], ref: string) =>
  err(path, 'unknown_ref', `unknown item or derived value "${ref}"`);

describe('equality (eq, ne) with what the reference holds', () => {
  it('accepts a value of the right type for every kind that has one', () => {
    const ok: [string, Condition['op'] & ('eq' | 'ne'), unknown][] = [
      ['k.yesno', 'eq', false],
      ['k.single', 'ne', 'full'],
      ['k.scale', 'eq', 2],
      ['k.number', 'eq', 0],
      ['k.computed', 'ne', 0.5],
      ['k.date', 'eq', '2026-02-28'],
      ['k.text', 'eq', '按年度'],
      ['d.share', 'eq', 0.02],
    ];
    for (const [ref, op, value] of ok)
      expect(check({ op, ref, value } as Condition), ref).toEqual([]);
  });

  it('names the right type of each kind when the value is wrong', () => {
    const cases: [string, unknown, string][] = [
      ['k.yesno', 'yes', '"k.yesno" is yes/no: compare with true or false'],
      ['k.single', 'some', '"some" is not an option of "k.single" (none, full)'],
      ['k.single', 1, '"1" is not an option of "k.single" (none, full)'],
      ['k.scale', 3, '"k.scale" takes scale levels 0, 1, 2'],
      ['k.scale', '2', '"k.scale" takes scale levels 0, 1, 2'],
      ['k.number', '5', '"k.number" is a number'],
      ['k.computed', true, '"k.computed" is a number'],
      ['k.date', '2026-02-30', '"k.date" is a date: compare with "YYYY-MM-DD"'],
      ['k.date', 20260228, '"k.date" is a date: compare with "YYYY-MM-DD"'],
      ['k.text', 3, '"k.text" is text'],
      ['k.multi', 'a', '"k.multi" is multiple choice: use op "includes"'],
      ['k.evidence', true, '"k.evidence" is evidence: only op "answered" applies'],
      ['d.share', '2%', 'a derived value is a number'],
    ];
    for (const [ref, value, message] of cases) {
      expect(check({ op: 'eq', ref, value } as Condition), `${ref} = ${value}`).toEqual([
        err(['value'], 'type_mismatch', message),
      ]);
      expect(check({ op: 'ne', ref, value } as Condition), `${ref} ≠ ${value}`).toEqual([
        err(['value'], 'type_mismatch', message),
      ]);
    }
  });

  it('reports an unknown reference once, with nothing more', () => {
    expect(check({ op: 'eq', ref: 'k.none', value: 1 })).toEqual([unknown(['ref'], 'k.none')]);
  });
});

describe('in', () => {
  it('checks each listed value, each at its own index', () => {
    expect(check({ op: 'in', ref: 'k.single', values: ['none', 'full'] })).toEqual([]);
    expect(check({ op: 'in', ref: 'k.single', values: ['full', 'half', 'none', 'x'] })).toEqual([
      err(['values', 1], 'type_mismatch', '"half" is not an option of "k.single" (none, full)'),
      err(['values', 3], 'type_mismatch', '"x" is not an option of "k.single" (none, full)'),
    ]);
    expect(check({ op: 'in', ref: 'k.nothing', values: [1] })).toEqual([
      unknown(['ref'], 'k.nothing'),
    ]);
  });
});

describe('includes', () => {
  it('needs a multiple-choice item and one of its options', () => {
    expect(check({ op: 'includes', ref: 'k.multi', value: 'b' })).toEqual([]);
    expect(check({ op: 'includes', ref: 'k.multi', value: 'c' })).toEqual([
      err(['value'], 'type_mismatch', '"c" is not an option of "k.multi"'),
    ]);
    expect(check({ op: 'includes', ref: 'k.single', value: 'full' })).toEqual([
      err(['op'], 'type_mismatch', '"includes" needs a multiple-choice item; "k.single" is not'),
    ]);
    expect(check({ op: 'includes', ref: 'd.share', value: 'a' })).toEqual([
      err(['op'], 'type_mismatch', '"includes" needs a multiple-choice item; "d.share" is not'),
    ]);
    expect(check({ op: 'includes', ref: 'k.gone', value: 'a' })).toEqual([
      unknown(['ref'], 'k.gone'),
    ]);
  });
});

describe('ordering (gt, gte, lt, lte)', () => {
  it('accepts numbers against numeric references and dates against dates', () => {
    for (const ref of ['k.number', 'k.scale', 'k.computed', 'd.share'])
      expect(check({ op: 'gte', ref, value: 1 }), ref).toEqual([]);
    expect(check({ op: 'lt', ref: 'k.date', value: '2026-01-01' })).toEqual([]);
  });

  it('asks for a calendar date when the reference is a date', () => {
    for (const value of [20260101, '2026-13-01'])
      expect(check({ op: 'gt', ref: 'k.date', value }), String(value)).toEqual([
        err(['value'], 'type_mismatch', 'compare a date with "YYYY-MM-DD"'),
      ]);
  });

  it('refuses references that are neither number nor date, naming the operator', () => {
    for (const [op, ref] of [
      ['gt', 'k.yesno'],
      ['lte', 'k.text'],
      ['lt', 'k.single'],
      ['gte', 'k.multi'],
      ['gt', 'k.evidence'],
    ] as const)
      expect(check({ op, ref, value: 1 }), ref).toEqual([
        err(['op'], 'type_mismatch', `"${op}" needs a number or date; "${ref}" is neither`),
      ]);
  });

  it('asks for a number when the reference is numeric', () => {
    expect(check({ op: 'lte', ref: 'k.number', value: '100' })).toEqual([
      err(['value'], 'type_mismatch', '"k.number" is a number: compare with a number'),
    ]);
    expect(check({ op: 'gt', ref: 'd.share', value: true })).toEqual([
      err(['value'], 'type_mismatch', '"d.share" is a number: compare with a number'),
    ]);
    expect(check({ op: 'gt', ref: 'k.none', value: 1 })).toEqual([unknown(['ref'], 'k.none')]);
  });
});

describe('answered, elapsed, asOf', () => {
  it('answered only needs a known reference, of any kind', () => {
    expect(check({ op: 'answered', ref: 'k.evidence' })).toEqual([]);
    expect(check({ op: 'answered', ref: 'k.void' })).toEqual([unknown(['ref'], 'k.void')]);
  });

  it('elapsed counts from a date item only', () => {
    const elapsed = (ref: string): Condition => ({
      op: 'elapsed',
      ref,
      amount: 3,
      unit: 'month',
      boundary: 'moreThan',
    });
    expect(check(elapsed('k.date'))).toEqual([]);
    for (const ref of ['k.number', 'd.share'])
      expect(check(elapsed(ref)), ref).toEqual([
        err(
          ['ref'],
          'type_mismatch',
          `"elapsed" counts time since a date item; "${ref}" is not one`,
        ),
      ]);
    expect(check(elapsed('k.void'))).toEqual([unknown(['ref'], 'k.void')]);
  });

  it('asOf needs calendar dates, from not after until', () => {
    expect(check({ op: 'asOf', from: '2025-01-01', until: '2025-01-01' })).toEqual([]);
    expect(check({ op: 'asOf', until: '2025-12-31' })).toEqual([]);
    expect(check({ op: 'asOf', from: '2025-02-29' })).toEqual([
      err(['from'], 'type_mismatch', '"2025-02-29" is not a calendar date'),
    ]);
    expect(check({ op: 'asOf', from: '2025-01-01', until: '2025-04-31' })).toEqual([
      err(['until'], 'type_mismatch', '"2025-04-31" is not a calendar date'),
    ]);
    expect(check({ op: 'asOf', from: '2026-01-02', until: '2026-01-01' })).toEqual([
      err(['from'], 'invalid_range', 'from 2026-01-02 is after until 2026-01-01'),
    ]);
  });
});

describe('all, any, not', () => {
  it('checks every branch at its own path', () => {
    expect(
      check({
        op: 'all',
        of: [
          { op: 'eq', ref: 'k.yesno', value: true },
          {
            op: 'any',
            of: [
              { op: 'answered', ref: 'k.a' },
              { op: 'not', cond: { op: 'eq', ref: 'k.text', value: 1 } },
            ],
          },
          { op: 'answered', ref: 'k.b' },
        ],
      }),
    ).toEqual([
      unknown(['of', 1, 'of', 0, 'ref'], 'k.a'),
      err(['of', 1, 'of', 1, 'cond', 'value'], 'type_mismatch', '"k.text" is text'),
      unknown(['of', 2, 'ref'], 'k.b'),
    ]);
  });
});

describe('a scale item whose scale is missing', () => {
  it('lists no levels', () => {
    const out: Problem[] = [];
    checkCondition(
      { op: 'eq', ref: 'k.scale', value: 1 },
      ['c'],
      lookup,
      { ...allKinds, scales: {} },
      out,
    );
    expect(out).toEqual([err(['value'], 'type_mismatch', '"k.scale" takes scale levels ')]);
  });
});
