import { describe, expect, it } from 'vitest';
import { compareNumbers } from './numbers.ts';

describe('compareNumbers edges', () => {
  it('an infinity equals itself (Infinity − Infinity is NaN, so only === can say so)', () => {
    expect(compareNumbers(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)).toBe(0);
    expect(compareNumbers(Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY)).toBe(0);
  });

  it('a difference of exactly the tolerance is still equal', () => {
    // tol = 1e-9 × max(1, 0, 1e-9) = 1e-9 and |0 − 1e-9| = 1e-9: equal (≤), not less.
    expect(compareNumbers(0, 1e-9)).toBe(0);
    expect(compareNumbers(1e-9, 0)).toBe(0);
    // Twice the tolerance is not.
    expect(compareNumbers(0, 2e-9)).toBe(-1);
  });
});
