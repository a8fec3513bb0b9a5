/** Tolerance for comparing computed scores with thresholds and maxima. */
export const EPS = 1e-9;

/** Rounds to 4 decimals, so results print and compare the same everywhere. */
export const round4 = (n: number): number => Math.round(n * 1e4) / 1e4;
