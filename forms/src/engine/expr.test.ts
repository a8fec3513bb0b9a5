import { describe, expect, it } from 'vitest';
import type { Expr } from '../schema/expr.ts';
import { elapsedUnits } from './calendar.ts';
import { evaluate } from './conditions.ts';
import { evaluateExpr } from './expr.ts';
import { canonicalJson, contentHash } from './hash.ts';

const vals: Record<string, number | string | boolean | string[]> = {
  patents: 330,
  people: 1_000_000,
  now: 120,
  before: 100,
  zero: 0,
  start: '2026-01-31',
  tags: ['a', 'b'],
  flag: true,
};
const ctx = { get: (r: string) => vals[r], asOf: '2026-11-21' };
const ev = (e: Expr) => evaluateExpr(e, ctx);

describe('expressions', () => {
  it('computes per-10,000-people figures, growth and compound growth', () => {
    expect(
      ev({ op: 'per10k', value: { ref: 'patents' }, population: { ref: 'people' } }),
    ).toBeCloseTo(3.3);
    expect(ev({ op: 'growth', current: { ref: 'now' }, previous: { ref: 'before' } })).toBeCloseTo(
      0.2,
    );
    expect(ev({ op: 'cagr', current: 121, base: 100, years: 2 })).toBeCloseTo(0.1);
    expect(
      ev({ op: 'div', args: [{ ref: 'now' }, { op: 'add', args: [{ ref: 'before' }, 20] }] }),
    ).toBe(1);
  });

  it('has no value when an input is missing or a division has no result', () => {
    expect(ev({ op: 'div', args: [1, { ref: 'zero' }] })).toBeUndefined();
    expect(ev({ op: 'add', args: [1, { ref: 'missing' }] })).toBeUndefined();
    expect(ev({ op: 'growth', current: 5, previous: { ref: 'zero' } })).toBeUndefined();
    expect(evaluateExpr({ op: 'monthsSince', ref: 'start' }, { get: ctx.get })).toBeUndefined(); // no asOf
  });

  it('counts whole months between dates', () => {
    expect(ev({ op: 'monthsSince', ref: 'start' })).toBe(9); // Jan 31 → Nov 21: 9 full months
    expect(elapsedUnits('2026-08-21', '2026-11-21', 'month')).toBe(3);
    expect(elapsedUnits('2026-08-22', '2026-11-21', 'month')).toBe(2);
    // A month end clamps: 08-31 + 3 months is 11-30, so 3 whole months have run on 11-30.
    expect(elapsedUnits('2026-08-31', '2026-11-30', 'month')).toBe(3);
  });
});

describe('conditions', () => {
  it('evaluates every operator, and a comparison with a missing value is false', () => {
    expect(
      evaluate(
        {
          op: 'all',
          of: [
            { op: 'gte', ref: 'now', value: 120 },
            { op: 'includes', ref: 'tags', value: 'b' },
          ],
        },
        ctx.get,
      ),
    ).toBe(true);
    expect(
      evaluate(
        {
          op: 'any',
          of: [
            { op: 'lt', ref: 'now', value: 100 },
            { op: 'in', ref: 'now', values: [1, 120] },
          ],
        },
        ctx.get,
      ),
    ).toBe(true);
    expect(evaluate({ op: 'ne', ref: 'missing', value: 1 }, ctx.get)).toBe(false);
    expect(evaluate({ op: 'not', cond: { op: 'eq', ref: 'missing', value: 1 } }, ctx.get)).toBe(
      true,
    );
    expect(evaluate({ op: 'answered', ref: 'missing' }, ctx.get)).toBe(false);
    expect(evaluate({ op: 'gt', ref: 'start', value: '2025-12-31' }, ctx.get)).toBe(true);
    expect(evaluate({ op: 'gt', ref: 'flag', value: 0 }, ctx.get)).toBe(false);
  });
});

describe('content hash', () => {
  it('does not depend on key order, and changes with content', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
    expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
    expect(contentHash({ a: 1 })).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('three-valued conditions (gates)', () => {
  it('decides as soon as the known parts decide, and is unknown only otherwise', async () => {
    const { evaluate3 } = await import('./conditions.ts');
    const missing = { op: 'eq', ref: 'missing', value: 1 } as const;
    expect(
      evaluate3({ op: 'all', of: [{ op: 'lt', ref: 'now', value: 100 }, missing] }, ctx.get),
    ).toBe(false);
    expect(
      evaluate3({ op: 'any', of: [{ op: 'gte', ref: 'now', value: 100 }, missing] }, ctx.get),
    ).toBe(true);
    expect(
      evaluate3({ op: 'all', of: [{ op: 'gte', ref: 'now', value: 100 }, missing] }, ctx.get),
    ).toBeUndefined();
    expect(evaluate3({ op: 'not', cond: missing }, ctx.get)).toBeUndefined();
    expect(evaluate3({ op: 'answered', ref: 'missing' }, ctx.get)).toBe(false);
  });
});
