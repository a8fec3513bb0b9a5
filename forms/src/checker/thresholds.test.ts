import { describe, expect, it } from 'vitest';
import type { Definition } from '../schema/definition.ts';
import type { Source } from '../schema/source.ts';
import { fixture } from '../testing/fixture.ts';
import { checkThresholdCitations } from './thresholds.ts';

/*
 * A gate's threshold cited only to quotes of held documents that do not state it.
 * "held" has a text file in the catalogue, "scheme" has none, "std" is a standard.
 */

type Gate = Definition['gates'][number];
const src = (id: string, kind: Source['kind'], file?: string): Source => ({
  id,
  kind,
  title: id,
  issuer: 'x',
  date: '2020',
  passages: [],
  ...(file ? { file } : {}),
});
const catalogue = new Map([
  ['held', src('held', 'document', 'held.txt')],
  ['scheme', src('scheme', 'document')],
  ['std', src('std', 'standard', 'std.txt')],
]);
const withGate = (condition: Gate['condition'], citations: Gate['citations']) => {
  const d = structuredClone(fixture);
  d.gates = [
    { id: 'g.t', title: 't', kind: 'eligibility', condition, failMessage: 'x', citations },
  ];
  return d;
};
const quoted = (...quotes: string[]) =>
  quotes.map((quote) => ({ source: 'held', article: '一', quote }));
const warned = (condition: Gate['condition'], citations: Gate['citations']) =>
  checkThresholdCitations(withGate(condition, citations), catalogue);
const gte = (value: number): Gate['condition'] => ({ op: 'gte', ref: 'b1.staff', value });

describe('checkThresholdCitations', () => {
  it('warns with the figures missing from every quote, at the citations', () => {
    expect(
      warned(
        {
          op: 'all',
          of: [
            gte(0.04),
            { op: 'not', cond: { op: 'lt', ref: 'b1.staff', value: 7 } },
            { op: 'any', of: [{ op: 'gt', ref: 'b1.staff', value: 12 }] },
          ],
        },
        quoted('不低于12人', '加大投入'),
      ),
    ).toEqual([
      {
        path: ['gates', 0, 'citations'],
        code: 'threshold_not_cited',
        message:
          'gate "g.t" compares with 0.04, 7, but cites only passages that do not state it: cite the scheme that sets it',
        severity: 'warning',
      },
    ]);
  });

  it('reads each comparison and elapsed amounts, but not 0 (which says "any")', () => {
    const figures = (c: Gate['condition']) =>
      warned(c, quoted('无关')).map((p) =>
        p.message.replace(/^.*compares with (.*), but.*$/, '$1'),
      );
    for (const op of ['gt', 'gte', 'lt', 'lte', 'eq', 'ne'] as const)
      expect(figures({ op, ref: 'b1.staff', value: 11 }), op).toEqual(['11']);
    expect(figures({ op: 'eq', ref: 'b1.staff', value: 0 })).toEqual([]);
    expect(figures({ op: 'eq', ref: 'a.policy', value: true })).toEqual([]);
    expect(figures({ op: 'in', ref: 'b1.staff', values: [5] })).toEqual([]);
    expect(
      figures({ op: 'elapsed', ref: 'p.started', amount: 36, unit: 'month', boundary: 'atLeast' }),
    ).toEqual(['36']);
  });

  it('accepts a figure as written, as a percentage, in Chinese numerals and 两 for 2', () => {
    expect(warned(gte(0.02), quoted('0.02'))).toEqual([]);
    expect(warned(gte(0.02), quoted('不低于2%'))).toEqual([]);
    expect(warned(gte(0.015), quoted('1.5%'))).toEqual([]);
    expect(warned(gte(-0.5), quoted('降幅不超过-50%'))).toEqual([]);
    expect(warned(gte(3), quoted('满三年'))).toEqual([]);
    expect(warned(gte(10), quoted('十人'))).toEqual([]);
    expect(warned(gte(2), quoted('两年'))).toEqual([]);
    // Chinese numerals only for whole numbers up to 10; a percentage only below 1.
    expect(warned(gte(11), quoted('十一'))).toHaveLength(1);
    expect(warned(gte(2.5), quoted('二'))).toHaveLength(1);
    // 0.5 reads as 0.5 or 50(%), not 5.
    expect(warned(gte(0.5), quoted('5'))).toHaveLength(1);
    expect(warned(gte(0.5), quoted('50%'))).toEqual([]);
    expect(warned(gte(3), quoted('两'))).toHaveLength(1);
  });

  it('leaves alone gates without figures or citations, or citing more than held quotes', () => {
    expect(warned(gte(5), [])).toEqual([]);
    expect(warned(gte(5), [...quoted('无关'), { source: 'scheme', article: '二' }])).toEqual([]);
    expect(warned(gte(5), [...quoted('无关'), { standard: 'std', clause: '5.1' }])).toEqual([]);
    expect(warned(gte(5), [...quoted('无关'), { source: 'elsewhere', article: '二' }])).toEqual([]);
    // A held document cited without a quote states nothing.
    expect(warned(gte(5), [{ source: 'held', article: '一' }])).toHaveLength(1);
  });
});

describe('checkThresholdCitations: spellings that must not count', () => {
  it('a figure of 1 or more is not read as a percentage; 两 only for 2; "any" is read', () => {
    // 2.5 is not "250"(%); only figures below 1 are percentages.
    expect(warned(gte(2.5), quoted('250'))).toHaveLength(1);
    // 两 is offered for 2 only, and a quote without it does not state 2.
    expect(warned(gte(2), quoted('无关'))).toHaveLength(1);
    expect(warned({ op: 'any', of: [gte(9)] }, quoted('无关')).map((p) => p.message)).toEqual([
      'gate "g.t" compares with 9, but cites only passages that do not state it: cite the scheme that sets it',
    ]);
  });
});
