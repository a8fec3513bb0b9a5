import { describe, expect, it } from 'vitest';
import type { Expr } from '../schema/expr.ts';
import { evaluateExpr, exprRefs } from './expr.ts';

/*
 * Every operator at its edges: a missing input, division by zero, non-finite results,
 * negative and zero populations, bases and growth from a negative figure. Expected
 * values are worked out by hand beside each case.
 */

const answers: Record<string, unknown> = {
  a: 6,
  b: 3,
  z: 0,
  neg: -4,
  big: 1e308,
  s: 'x',
  d: '2026-01-31',
};
const ctx = { get: (ref: string) => answers[ref] as never, asOf: '2026-11-30' };
const ev = (e: Expr) => evaluateExpr(e, ctx);
const r = (ref: string) => ({ ref });

describe('evaluateExpr', () => {
  it('a number is itself; a reference to a number is its value, to anything else missing', () => {
    expect(ev(2.5)).toBe(2.5);
    expect(ev(r('a'))).toBe(6);
    expect(ev(r('s'))).toBeUndefined();
    expect(ev(r('nothing'))).toBeUndefined();
  });

  it('add, mul, min, max over every argument; one missing argument makes the whole missing', () => {
    expect(ev({ op: 'add', args: [r('a'), r('b'), 1] })).toBe(10); // 6 + 3 + 1
    expect(ev({ op: 'mul', args: [r('a'), r('b'), 2] })).toBe(36); // 6 × 3 × 2
    expect(ev({ op: 'mul', args: [r('a')] })).toBe(6);
    expect(ev({ op: 'add', args: [r('a')] })).toBe(6);
    expect(ev({ op: 'min', args: [r('a'), r('neg'), r('b')] })).toBe(-4);
    expect(ev({ op: 'max', args: [r('neg'), r('a'), r('b')] })).toBe(6);
    for (const op of ['add', 'mul', 'min', 'max'] as const) {
      expect(ev({ op, args: [r('a'), r('s')] }), op).toBeUndefined();
      expect(ev({ op, args: [r('missing'), r('a')] }), op).toBeUndefined();
    }
    // Overflow is no value, not Infinity.
    expect(ev({ op: 'add', args: [r('big'), r('big')] })).toBeUndefined();
    expect(ev({ op: 'mul', args: [r('big'), 10] })).toBeUndefined();
  });

  it('sub and div, each side missing, division by zero', () => {
    expect(ev({ op: 'sub', args: [r('a'), r('b')] })).toBe(3);
    expect(ev({ op: 'sub', args: [r('b'), r('a')] })).toBe(-3);
    expect(ev({ op: 'div', args: [r('a'), r('b')] })).toBe(2);
    expect(ev({ op: 'div', args: [r('z'), r('b')] })).toBe(0);
    expect(ev({ op: 'div', args: [r('a'), r('z')] })).toBeUndefined();
    expect(ev({ op: 'div', args: [r('a'), r('x')] })).toBeUndefined();
    expect(ev({ op: 'sub', args: [r('x'), r('a')] })).toBeUndefined();
    expect(ev({ op: 'sub', args: [r('a'), r('x')] })).toBeUndefined();
    expect(ev({ op: 'sub', args: [r('big'), -1e308] })).toBeUndefined();
    expect(ev({ op: 'div', args: [r('big'), 1e-10] })).toBeUndefined();
  });

  it('per10k: value / population × 10,000; no value for a population of zero or below', () => {
    expect(ev({ op: 'per10k', value: r('b'), population: 6000 })).toBe(5); // 3 / 6000 × 10,000
    expect(ev({ op: 'per10k', value: r('b'), population: r('z') })).toBeUndefined();
    expect(ev({ op: 'per10k', value: r('b'), population: r('neg') })).toBeUndefined();
    expect(ev({ op: 'per10k', value: r('x'), population: 10 })).toBeUndefined();
    expect(ev({ op: 'per10k', value: 1, population: r('x') })).toBeUndefined();
    expect(ev({ op: 'per10k', value: r('big'), population: 1 })).toBeUndefined();
  });

  it('growth: (current − previous) / |previous|, so growth from a negative figure has its sign', () => {
    expect(ev({ op: 'growth', current: r('a'), previous: r('b') })).toBe(1); // (6 − 3) / 3
    expect(ev({ op: 'growth', current: r('b'), previous: r('a') })).toBe(-0.5); // (3 − 6) / 6
    expect(ev({ op: 'growth', current: -2, previous: r('neg') })).toBe(0.5); // (−2 + 4) / 4
    expect(ev({ op: 'growth', current: r('a'), previous: r('z') })).toBeUndefined();
    expect(ev({ op: 'growth', current: r('x'), previous: 1 })).toBeUndefined();
    expect(ev({ op: 'growth', current: 1, previous: r('x') })).toBeUndefined();
  });

  it('cagr: (current / base)^(1/years) − 1; no value for a base of zero or below or a negative current', () => {
    expect(ev({ op: 'cagr', current: 121, base: 100, years: 2 })).toBeCloseTo(0.1, 12); // √1.21 − 1
    expect(ev({ op: 'cagr', current: 0, base: 100, years: 2 })).toBe(-1);
    expect(ev({ op: 'cagr', current: 8, base: 1, years: 3 })).toBeCloseTo(1, 12); // ∛8 − 1
    expect(ev({ op: 'cagr', current: 1, base: r('z'), years: 2 })).toBeUndefined();
    expect(ev({ op: 'cagr', current: 1, base: r('neg'), years: 2 })).toBeUndefined();
    expect(ev({ op: 'cagr', current: r('neg'), base: 1, years: 2 })).toBeUndefined();
    // Over one year the power is 1, so a negative ratio would give a figure (1 / −4 − 1 =
    // −1.25, −4 / 1 − 1 = −5) rather than NaN: still no value.
    expect(ev({ op: 'cagr', current: 1, base: r('neg'), years: 1 })).toBeUndefined();
    expect(ev({ op: 'cagr', current: r('neg'), base: 1, years: 1 })).toBeUndefined();
    expect(ev({ op: 'cagr', current: r('x'), base: 1, years: 2 })).toBeUndefined();
    expect(ev({ op: 'cagr', current: 1, base: r('x'), years: 2 })).toBeUndefined();
  });

  it('elapsed and monthsSince count whole units from a date answer to the assessment date', () => {
    // 2026-01-31 + 10 months is 2026-11-31, clamped to 2026-11-30, the assessment date: 10
    // whole months; monthsSince is elapsed in months.
    expect(ev({ op: 'monthsSince', ref: 'd' })).toBe(10);
    expect(ev({ op: 'elapsed', ref: 'd', unit: 'month' })).toBe(10);
    expect(ev({ op: 'elapsed', ref: 'd', unit: 'day' })).toBe(303); // Feb 28 + … : 31 Jan → 30 Nov
    expect(ev({ op: 'elapsed', ref: 'd', unit: 'year' })).toBe(0);
    expect(ev({ op: 'elapsed', ref: 'a', unit: 'day' })).toBeUndefined();
    expect(evaluateExpr({ op: 'monthsSince', ref: 'd' }, { get: ctx.get })).toBeUndefined();
  });
});

describe('exprRefs', () => {
  it('collects every reference of every operator, once', () => {
    const e: Expr = {
      op: 'add',
      args: [
        { op: 'sub', args: [r('a'), r('b')] },
        { op: 'per10k', value: r('c'), population: r('d') },
        { op: 'growth', current: r('e'), previous: r('f') },
        { op: 'cagr', current: r('g'), base: r('h'), years: 2 },
        { op: 'monthsSince', ref: 'i' },
        { op: 'elapsed', ref: 'j', unit: 'day' },
        { op: 'max', args: [r('a'), 1] },
        { op: 'div', args: [r('k'), 2] },
        { op: 'mul', args: [r('l')] },
        { op: 'min', args: [r('m')] },
      ],
    };
    expect([...exprRefs(e)].sort()).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'h',
      'i',
      'j',
      'k',
      'l',
      'm',
    ]);
    expect([...exprRefs(5)]).toEqual([]);
  });

  it('collects the references of each operator on its own', () => {
    // One operator per expression, so no other operator can supply its refs.
    for (const op of ['add', 'mul', 'min', 'max', 'sub', 'div'] as const)
      expect([...exprRefs({ op, args: [r('x'), r('y')] } as Expr)], op).toEqual(['x', 'y']);
    expect([...exprRefs({ op: 'per10k', value: r('x'), population: r('y') })]).toEqual(['x', 'y']);
    expect([...exprRefs({ op: 'growth', current: r('x'), previous: r('y') })]).toEqual(['x', 'y']);
    expect([...exprRefs({ op: 'cagr', current: r('x'), base: r('y'), years: 2 })]).toEqual([
      'x',
      'y',
    ]);
  });
});
