import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition } from '../schema/condition.ts';
import type { Item } from '../schema/item.ts';
import { evaluate3 } from './conditions.ts';
import { evaluateExpr } from './expr.ts';
import { scorerFor } from './item-points.ts';
import { compareNumbers } from './numbers.ts';

/*
 * One rule for every threshold: a figure equal to its threshold in decimal is
 * equal (relative tolerance 1e-9 × max(1, |a|, |b|)). The generators build a
 * numerator that is exactly threshold × denominator in decimal (integer
 * arithmetic on the digits), so the quotient is the threshold in decimal and
 * only binary rounding can make it differ.
 */

/** A decimal with `dp` places from an integer count of its last place. */
const dec = (units: bigint, dp: number): number => Number(units) / 10 ** dp;

// denominator: 1 decimal place up to 1,000,000.0; threshold: 4 decimal places in (0, 1].
const denominator = fc.bigInt({ min: 1n, max: 10_000_000n });
const threshold = fc.bigInt({ min: 1n, max: 10_000n });

const ratio = (num: number, den: number) =>
  evaluateExpr(
    { op: 'div', args: [{ ref: 'n' }, { ref: 'd' }] },
    {
      get: (r) => (r === 'n' ? num : r === 'd' ? den : undefined),
    },
  ) as number;

describe('decimal-exact comparisons', () => {
  it('the issue’s case: ¥84.71万 of ¥4,235.5万 is 2 %', () => {
    expect(84.71 / 4235.5).not.toBe(0.02); // binary: 0.019999999999999997
    expect(compareNumbers(84.71 / 4235.5, 0.02)).toBe(0);
    const gte: Condition = { op: 'gte', ref: 'r', value: 0.02 };
    expect(evaluate3(gte, () => 84.71 / 4235.5)).toBe(true);
    expect(evaluate3({ op: 'gt', ref: 'r', value: 0.02 }, () => 84.71 / 4235.5)).toBe(false);
  });

  it('a quotient equal to its threshold in decimal meets gte/lte/eq and fails gt/lt', () => {
    fc.assert(
      fc.property(denominator, threshold, (d, t) => {
        // numerator = d/10 × t/10000 = d·t / 100000, exactly, with 5 decimal places.
        const num = dec(d * t, 5);
        const r = ratio(num, dec(d, 1));
        const th = dec(t, 4);
        const get = () => r;
        expect(evaluate3({ op: 'gte', ref: 'r', value: th }, get)).toBe(true);
        expect(evaluate3({ op: 'lte', ref: 'r', value: th }, get)).toBe(true);
        expect(evaluate3({ op: 'eq', ref: 'r', value: th }, get)).toBe(true);
        expect(evaluate3({ op: 'gt', ref: 'r', value: th }, get)).toBe(false);
        expect(evaluate3({ op: 'lt', ref: 'r', value: th }, get)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('one unit of the last decimal place either side decides strictly', () => {
    fc.assert(
      fc.property(denominator, threshold, (d, t) => {
        const den = dec(d, 1);
        const th = dec(t, 4);
        // the quotient one unit of the threshold's last place (0.0001) above / below it.
        const above = ratio(dec(d * (t + 1n), 5), den);
        const below = ratio(dec(d * (t - 1n), 5), den);
        expect(evaluate3({ op: 'gte', ref: 'r', value: th }, () => above)).toBe(true);
        expect(evaluate3({ op: 'gt', ref: 'r', value: th }, () => above)).toBe(true);
        expect(evaluate3({ op: 'gte', ref: 'r', value: th }, () => below)).toBe(false);
        expect(evaluate3({ op: 'lt', ref: 'r', value: th }, () => below)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('numeric bands and targets use the same rule', () => {
    const item = (scoring: unknown) =>
      ({ id: 'x', kind: 'computed', value: 'r', prompt: 'x', scoring }) as unknown as Item;
    const bands = scorerFor(
      item({
        type: 'bands',
        bands: [
          { max: 0.02, points: 0 },
          { min: 0.02, max: 0.05, points: 3 },
          { min: 0.05, points: 4 },
        ],
      }),
      {},
    );
    const target = scorerFor(item({ type: 'target', target: 0.02, points: 5 }), {});
    const atMost = scorerFor(
      item({ type: 'target', target: 0.3, points: 5, direction: 'atMost' }),
      {},
    );
    fc.assert(
      fc.property(denominator, threshold, (d, t) => {
        const r = ratio(dec(d * t, 5), dec(d, 1));
        const th = dec(t, 4);
        // A figure equal to a band's lower bound is in that band.
        if (th === 0.02) expect(bands.points(r)).toBe(3);
        if (th === 0.05) expect(bands.points(r)).toBe(4);
        if (th >= 0.02) expect(target.points(r)).toBe(5);
        if (th <= 0.3) expect(atMost.points(r)).toBe(5);
      }),
      { numRuns: 2000 },
    );
    expect(bands.points(84.71 / 4235.5)).toBe(3);
    expect(target.points(84.71 / 4235.5)).toBe(5);
    expect(atMost.points(0.1 + 0.2)).toBe(5); // 0.30000000000000004 is 0.3
  });
});

describe('compareNumbers scales its tolerance with the larger figure', () => {
  it('treats ¥1,000,000 and ¥1,000,000.0001 as equal (tolerance 1e-9 × 1e6 = 0.001), not ¥1,000,000.01', () => {
    expect(compareNumbers(1e6, 1e6 + 1e-4)).toBe(0);
    expect(compareNumbers(1e6 + 1e-4, 1e6)).toBe(0);
    expect(compareNumbers(1e6, 1e6 + 1e-2)).toBe(-1);
    expect(compareNumbers(1e6 + 1e-2, 1e6)).toBe(1);
    // Below 1 the tolerance stays 1e-9 in absolute terms.
    expect(compareNumbers(0.5, 0.5 + 1e-10)).toBe(0);
    expect(compareNumbers(0.5, 0.5 + 1e-8)).toBe(-1);
  });
});
