/*
 * Chance-corrected agreement between raters, on plain counts. These know
 * nothing of reviews or statuses (`review-agreement.ts` maps those onto
 * categories); they follow the textbook definitions so that a published
 * example can be checked against them.
 *
 * Convention for a degenerate table: when chance agreement is already
 * certain (every rating falls in one category, so p_e = 1) kappa is 0/0 and
 * is returned as `null` — "not defined", never 1 or 0: the raters did agree
 * (percent agreement is 1 then), but there was nothing to tell chance from
 * judgement. An empty table gives `null` everywhere too.
 */

/** `table[i][j]`: items the first rater put in category i and the second in j. */
export type CrossTable = readonly (readonly number[])[];

/** `weights[i][j]` in [0, 1]: how much a pair (i, j) counts as agreement; 1 on the diagonal. */
export type WeightMatrix = readonly (readonly number[])[];

const cell = (m: readonly (readonly number[])[], i: number, j: number): number => m[i]?.[j] ?? 0;

/**
 * Counts two raters' paired ratings into a square table over `categories`.
 * Pairs where either rating is missing or not among the categories are left out.
 *
 * @example crossTable(['a', 'b'], ['a', 'a'], ['a', 'b']) // [[1, 0], [1, 0]]
 */
export function crossTable<C>(
  first: readonly (C | null | undefined)[],
  second: readonly (C | null | undefined)[],
  categories: readonly C[],
): number[][] {
  const table = categories.map(() => categories.map(() => 0));
  const at = (c: C | null | undefined): number => (c == null ? -1 : categories.indexOf(c));
  const n = Math.min(first.length, second.length);
  for (let k = 0; k < n; k++) {
    const i = at(first[k]);
    const j = at(second[k]);
    const row = table[i];
    if (i < 0 || j < 0 || row === undefined) continue;
    row[j] = (row[j] ?? 0) + 1;
  }
  return table;
}

/**
 * Agreement weights from the categories' positions on a scale: linear
 * `1 − |xi − xj| / range`, quadratic `1 − (xi − xj)² / range²` (Cohen 1968;
 * Fleiss & Cohen 1973). With equally spaced positions these are the usual
 * weights; unequal spacing says some categories are closer than others.
 *
 * @example agreementWeights([0, 1, 2], 'linear') // [[1, .5, 0], [.5, 1, .5], [0, .5, 1]]
 */
export function agreementWeights(
  positions: readonly number[],
  kind: 'linear' | 'quadratic',
): number[][] {
  const range = Math.max(...positions) - Math.min(...positions);
  return positions.map((xi) =>
    positions.map((xj) => {
      if (range === 0) return 1;
      const d = Math.abs(xi - xj) / range;
      return kind === 'linear' ? 1 - d : 1 - d * d;
    }),
  );
}

/** The identity weights: only the same category counts (plain kappa). */
const identity = (k: number): number[][] =>
  Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)));

/** Observed and chance agreement of a table under weights, as shares of the total. */
function agreementShares(table: CrossTable, weights: WeightMatrix) {
  const k = table.length;
  let total = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      const n = cell(table, i, j);
      total += n;
      rows[i] = (rows[i] ?? 0) + n;
      cols[j] = (cols[j] ?? 0) + n;
    }
  if (total === 0) return null;
  let observed = 0;
  let chance = 0;
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      const w = cell(weights, i, j);
      observed += (w * cell(table, i, j)) / total;
      chance += (w * (rows[i] ?? 0) * (cols[j] ?? 0)) / (total * total);
    }
  return { observed, chance };
}

/** Chance-corrected agreement; `null` when chance agreement is certain (see top). */
function corrected(observed: number, chance: number): number | null {
  // Within rounding of 1: every rating in one category.
  if (1 - chance < 1e-12) return null;
  return (observed - chance) / (1 - chance);
}

/**
 * The share of items both raters put in the same category; `null` for an empty table.
 *
 * @example observedAgreement([[20, 5], [10, 15]]) // 0.7
 */
export function observedAgreement(table: CrossTable): number | null {
  return agreementShares(table, identity(table.length))?.observed ?? null;
}

/**
 * Cohen's kappa (1960) for two raters: κ = (p_o − p_e) / (1 − p_e).
 *
 * @example cohenKappa([[20, 5], [10, 15]]) // 0.4
 */
export function cohenKappa(table: CrossTable): number | null {
  const s = agreementShares(table, identity(table.length));
  return s === null ? null : corrected(s.observed, s.chance);
}

/**
 * Weighted kappa (Cohen 1968) for two raters on an ordered scale:
 * κ_w = (Σ w·p_o − Σ w·p_e) / (1 − Σ w·p_e), with agreement weights.
 *
 * @example weightedKappa(table, agreementWeights([0, 1, 2], 'quadratic'))
 */
export function weightedKappa(table: CrossTable, weights: WeightMatrix): number | null {
  const s = agreementShares(table, weights);
  return s === null ? null : corrected(s.observed, s.chance);
}

/**
 * Fleiss' kappa (1971) for a fixed number of raters per item:
 * `counts[i][j]` = raters who put item i in category j. Items whose row sum
 * differs from the first item's cannot enter the formula; callers keep only
 * items every rater judged. `percent` is P̄, the mean share of agreeing rater
 * pairs per item (for two raters, plain percent agreement).
 *
 * @example fleissKappa([[2, 0], [0, 2], [1, 1]]) // { percent: 2/3, kappa: 1/3 }
 */
export function fleissKappa(
  counts: readonly (readonly number[])[],
): { percent: number; kappa: number | null } | null {
  const first = counts[0];
  if (first === undefined) return null;
  const n = first.reduce((a, b) => a + b, 0);
  if (n < 2) return null;
  const k = first.length;
  const totals = new Array<number>(k).fill(0);
  let pairs = 0;
  for (const row of counts) {
    if (row.reduce((a, b) => a + b, 0) !== n)
      throw new RangeError('fleissKappa: every item needs the same number of raters');
    let same = 0;
    row.forEach((c, j) => {
      same += c * (c - 1);
      totals[j] = (totals[j] ?? 0) + c;
    });
    pairs += same / (n * (n - 1));
  }
  const percent = pairs / counts.length;
  const all = counts.length * n;
  const chance = totals.reduce((s, t) => s + (t / all) ** 2, 0);
  return { percent, kappa: corrected(percent, chance) };
}
