/** Tolerance for comparing computed scores with thresholds and maxima. */
export const EPS = 1e-9;

/** Rounds to 4 decimals, so results print and compare the same everywhere. */
export const round4 = (n: number): number => Math.round(n * 1e4) / 1e4;

/**
 * The relative tolerance of every threshold comparison (gates, tier
 * conditions, numeric bands and targets, tier scores).
 */
export const REL_TOL = 1e-9;

/**
 * Compares two numbers the way a person reading them in decimal does: they
 * are equal when they differ by at most 1e-9 × max(1, |a|, |b|). Binary
 * floating point cannot hold most decimals, so a ratio that is exactly its
 * threshold in decimal (¥84.71万 / ¥4,235.5万 = 2 %) computes to
 * 0.019999999999999997; without the tolerance it would fail a "≥ 2 %" rule.
 * Figures that matter differ far more than the tolerance (answers carry at
 * most a few decimals; 1e-9 of the larger figure is well below the least
 * significant digit of any answer).
 *
 * @example compareNumbers(84.71 / 4235.5, 0.02) // 0
 */
export function compareNumbers(a: number, b: number): -1 | 0 | 1 {
  if (a === b) return 0;
  const tol = REL_TOL * Math.max(1, Math.abs(a), Math.abs(b));
  if (Math.abs(a - b) <= tol) return 0;
  return a < b ? -1 : 1;
}
