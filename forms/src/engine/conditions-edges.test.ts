import { describe, expect, it } from 'vitest';
import type { Condition } from '../schema/condition.ts';
import { conditionRefs, evaluate, evaluate3, heldFromDate } from './conditions.ts';
import type { Value } from './values.ts';

const values = (v: Record<string, Value>) => (ref: string) => v[ref];
const eq = (ref: string, value: string | number | boolean): Condition => ({ op: 'eq', ref, value });

describe('evaluate: comparisons', () => {
  it('a number and a text never compare, in either order', () => {
    for (const op of ['gt', 'gte', 'lt', 'lte'] as const) {
      expect(evaluate({ op, ref: 'n', value: 'x' } as Condition, values({ n: 5 }))).toBe(false);
      expect(evaluate({ op, ref: 's', value: 5 }, values({ s: 'x' }))).toBe(false);
    }
  });

  it('dates compare as dates: before, same day, after', () => {
    const d = values({ d: '2026-06-01' });
    const on = (op: 'gt' | 'gte' | 'lt' | 'lte', value: string) =>
      evaluate({ op, ref: 'd', value } as Condition, d);
    expect([on('lt', '2026-12-31'), on('lte', '2026-12-31'), on('gt', '2026-12-31')]).toEqual([
      true,
      true,
      false,
    ]);
    expect([
      on('lt', '2026-06-01'),
      on('lte', '2026-06-01'),
      on('gte', '2026-06-01'),
      on('gt', '2026-06-01'),
    ]).toEqual([false, true, true, false]);
    expect([
      on('gt', '2026-01-01'),
      on('gte', '2026-01-01'),
      on('lt', '2026-01-01'),
      on('lte', '2026-01-01'),
    ]).toEqual([true, true, false, false]);
  });

  it('"at most" fails for a larger number', () => {
    expect(evaluate({ op: 'lte', ref: 'n', value: 3 }, values({ n: 5 }))).toBe(false);
    expect(evaluate({ op: 'lte', ref: 'n', value: 5 }, values({ n: 5 }))).toBe(true);
  });

  it('equality is exact across types: true is not 1, "5" is not 5', () => {
    expect(evaluate(eq('b', 1), values({ b: true }))).toBe(false);
    expect(evaluate(eq('s', 5), values({ s: '5' }))).toBe(false);
    expect(evaluate(eq('n', '5'), values({ n: 5 }))).toBe(false);
    expect(evaluate({ op: 'in', ref: 's', values: [5, 6] }, values({ s: '5' }))).toBe(false);
    expect(evaluate({ op: 'ne', ref: 'b', value: 1 }, values({ b: true }))).toBe(true);
  });

  it('"in" fails for an answer outside the list', () => {
    expect(evaluate({ op: 'in', ref: 'k', values: ['a', 'b'] }, values({ k: 'c' }))).toBe(false);
    expect(evaluate({ op: 'in', ref: 'k', values: ['a', 'b'] }, values({ k: 'b' }))).toBe(true);
  });

  it('"includes" reads a list of choices, not the letters of a text', () => {
    expect(evaluate({ op: 'includes', ref: 'k', value: 'b' }, values({ k: 'abc' }))).toBe(false);
    expect(evaluate({ op: 'includes', ref: 'k', value: 'b' }, values({ k: ['a', 'b'] }))).toBe(
      true,
    );
  });
});

describe('evaluate: combinations and presence', () => {
  const get = values({ a: 1, b: 3 });
  it('"all" needs every part, "any" one', () => {
    const parts = [eq('a', 1), eq('b', 2)];
    expect(evaluate({ op: 'all', of: parts }, get)).toBe(false);
    expect(evaluate({ op: 'any', of: parts }, get)).toBe(true);
    expect(evaluate({ op: 'all', of: [eq('a', 1), eq('b', 3)] }, get)).toBe(true);
  });

  it('"answered" holds for any answer, even false', () => {
    expect(evaluate({ op: 'answered', ref: 'f' }, values({ f: false }))).toBe(true);
    expect(evaluate({ op: 'answered', ref: 'f' }, values({}))).toBe(false);
  });

  it('an elapsed rule on an unanswered date is false, with or without a date', () => {
    const since: Condition = {
      op: 'elapsed',
      ref: 'p.started',
      amount: 3,
      unit: 'month',
      boundary: 'moreThan',
    };
    expect(evaluate(since, values({}), '2026-11-29')).toBe(false);
    expect(evaluate(since, values({ 'p.started': '2026-08-28' }), '2026-11-29')).toBe(true);
  });
});

describe('conditionRefs', () => {
  it('collects the refs under all, any and not, and none for a date rule', () => {
    const c: Condition = {
      op: 'all',
      of: [
        eq('a', 1),
        { op: 'any', of: [eq('b', 1), { op: 'not', cond: eq('c', 1) }] },
        { op: 'asOf', from: '2026-01-01' },
      ],
    };
    expect([...conditionRefs(c)]).toEqual(['a', 'b', 'c']);
    expect([...conditionRefs({ op: 'asOf', until: '2026-01-01' })]).toEqual([]);
    expect([...conditionRefs({ op: 'not', cond: eq('d', 1) })]).toEqual(['d']);
    expect([...conditionRefs({ op: 'any', of: [eq('e', 1)] })]).toEqual(['e']);
  });
});

describe('evaluate3: any, not and answered', () => {
  const get = values({ a: 2, b: 1 });
  it('"any": false when every part fails, unknown when none passes and one is unknown', () => {
    expect(evaluate3({ op: 'any', of: [eq('a', 1), eq('b', 2)] }, get)).toBe(false);
    expect(evaluate3({ op: 'any', of: [eq('a', 1), eq('missing', 1)] }, get)).toBeUndefined();
    expect(evaluate3({ op: 'any', of: [eq('a', 1), eq('b', 1)] }, get)).toBe(true);
    expect(evaluate3({ op: 'any', of: [eq('missing', 1), eq('b', 1)] }, get)).toBe(true);
  });

  it('"not" turns true and false round and keeps unknown', () => {
    expect(evaluate3({ op: 'not', cond: eq('a', 1) }, get)).toBe(true);
    expect(evaluate3({ op: 'not', cond: eq('a', 2) }, get)).toBe(false);
    expect(evaluate3({ op: 'not', cond: eq('missing', 2) }, get)).toBeUndefined();
  });

  it('"answered" is known either way', () => {
    expect(evaluate3({ op: 'answered', ref: 'a' }, get)).toBe(true);
    expect(evaluate3({ op: 'answered', ref: 'missing' }, get)).toBe(false);
  });
});

describe('heldFromDate edges', () => {
  const since = (ref: string, amount: number): Condition => ({
    op: 'elapsed',
    ref,
    amount,
    unit: 'month',
    boundary: 'moreThan',
  });
  // started 2026-08-28 + 3 months = 11-28, more than that from 11-29; 2026-09-15 + 3 = 12-15 → 12-16.
  const get = values({ early: '2026-08-28', late: '2026-09-15' });

  it('looks inside "any" and "not", and takes the earliest date that works', () => {
    expect(
      heldFromDate({ op: 'any', of: [since('late', 3), since('early', 3)] }, get, '2026-11-20'),
    ).toBe('2026-11-29');
    expect(
      heldFromDate({ op: 'not', cond: { op: 'not', cond: since('early', 3) } }, get, '2026-11-20'),
    ).toBe('2026-11-29');
    expect(
      heldFromDate({ op: 'all', of: [since('late', 3), since('early', 3)] }, get, '2026-11-20'),
    ).toBe('2026-12-16');
  });

  it('an elapsed rule on an unanswered date gives no date', () => {
    expect(heldFromDate(since('missing', 3), get, '2026-11-20')).toBeUndefined();
  });

  it('never a date in the past: a window that has closed gives no date', () => {
    // Held from 2026-01-01 to 06-30; on 11-29 only the past candidate 01-01 exists.
    const window: Condition = { op: 'asOf', from: '2026-01-01', until: '2026-06-30' };
    expect(heldFromDate(window, get, '2026-11-29')).toBeUndefined();
    expect(heldFromDate(window, get, '2025-11-29')).toBe('2026-01-01');
  });
});
