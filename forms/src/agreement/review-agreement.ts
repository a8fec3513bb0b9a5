import { z } from 'zod';
import type { ItemStatus, JudgedStatus } from '../schema/enums.ts';
import {
  agreementWeights,
  cohenKappa,
  crossTable,
  fleissKappa,
  observedAgreement,
  weightedKappa,
} from './kappa.ts';

/**
 * What a reviewer can say an item is, for comparing reviewers. The ordinal
 * part runs 符合 → 观察项 → 一般不符合 → 严重不符合; 不适用 is not on it.
 */
export const AgreementRating = z.enum(['met', 'observation', 'partial', 'unmet', 'not_applicable']);
export type AgreementRating = z.infer<typeof AgreementRating>;

/** The statuses on the ordered scale, best first (不适用 is off the scale). */
export const ORDINAL_RATINGS = ['met', 'observation', 'partial', 'unmet'] as const;

/*
 * Positions on the scale, for the weighted statistic. 观察项 is ON the scale
 * and half a step from 符合: in certification practice an observation is a
 * conforming finding with a caution (it costs no points and needs no
 * corrective action), so a reviewer who writes 观察项 where another writes
 * 符合 disagrees less than one who writes 一般不符合; yet it is a real
 * difference in what the organisation is told, so it is not merged into
 * 符合. 一般不符合 and 严重不符合 are whole steps, as the score treats them
 * (partial points, then none). 不适用 is off the scale: it says the
 * requirement does not apply, not how well it is met, so it has no distance
 * to the others; it is compared separately (`applicability`).
 */
const POSITIONS: Record<(typeof ORDINAL_RATINGS)[number], number> = {
  met: 0,
  observation: 0.5,
  partial: 1,
  unmet: 2,
};

/** One reviewer's judgement of one item, as the review stores it. */
export type Judgement = { verdict: 'agree' } | { verdict: 'override'; status: JudgedStatus };

/**
 * The rating a judgement amounts to: agreeing means the self-assessed
 * status. `null` when there is nothing to compare — no judgement yet, or an
 * agreement with an unanswered or information-only item (it has no status).
 *
 * @example ratingOf('partial', { verdict: 'agree' }) // 'partial'
 */
export function ratingOf(selfStatus: ItemStatus, judgement?: Judgement): AgreementRating | null {
  if (judgement === undefined) return null;
  if (judgement.verdict === 'override') return judgement.status;
  return selfStatus === 'unanswered' || selfStatus === 'info' ? null : selfStatus;
}

const share = z.number().nullable();

/** How far several reviewers agree on one assessment (or a pair across many). */
export const ReviewAgreement = z.object({
  /** Reviewers compared. */
  raters: z.number().int(),
  /** Items every reviewer judged: the basis of every figure below. */
  items: z.number().int(),
  /** Items some reviewer has not judged: left out, never guessed. */
  incomplete: z.number().int(),
  /** Exact agreement, 0..1, 不适用 as its own category (for > 2 reviewers the mean share of agreeing pairs, Fleiss' P̄). */
  percent: share,
  /** Cohen's kappa (2 reviewers) or Fleiss' kappa (more), every rating a nominal category. */
  kappa: share,
  method: z.enum(['cohen', 'fleiss']).nullable(),
  /** Whether reviewers agree an item applies at all (applicable vs 不适用). */
  applicability: z.object({ percent: share, kappa: share }),
  /** On the items every reviewer found applicable: the ordinal scale. */
  status: z.object({
    items: z.number().int(),
    percent: share,
    kappa: share,
    /** Weighted kappa, linear and quadratic weights (> 2 reviewers: the mean over pairs). */
    linear: share,
    quadratic: share,
  }),
});
export type ReviewAgreement = z.infer<typeof ReviewAgreement>;

type Row = readonly AgreementRating[];

/** Percent agreement and nominal kappa of complete rows over the categories. */
function nominal<C extends string>(rows: readonly (readonly C[])[], categories: readonly C[]) {
  const raters = rows[0]?.length ?? 0;
  if (rows.length === 0 || raters < 2) return { percent: null, kappa: null };
  if (raters === 2) {
    const t = crossTable(
      rows.map((r) => r[0]),
      rows.map((r) => r[1]),
      categories,
    );
    return { percent: observedAgreement(t), kappa: cohenKappa(t) };
  }
  const counts = rows.map((r) => categories.map((c) => r.filter((x) => x === c).length));
  return fleissKappa(counts) ?? { percent: null, kappa: null };
}

/** Weighted kappa; for more than two reviewers the mean over the pairs where it is defined. */
function weighted(rows: readonly Row[], kind: 'linear' | 'quadratic'): number | null {
  const raters = rows[0]?.length ?? 0;
  const w = agreementWeights(
    ORDINAL_RATINGS.map((r) => POSITIONS[r]),
    kind,
  );
  const values: number[] = [];
  for (let a = 0; a < raters; a++)
    for (let b = a + 1; b < raters; b++) {
      const t = crossTable(
        rows.map((r) => r[a]),
        rows.map((r) => r[b]),
        ORDINAL_RATINGS,
      );
      const k = weightedKappa(t, w);
      if (k !== null) values.push(k);
    }
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}

/**
 * Agreement between reviewers who judged the same assessment independently.
 * `ratings[reviewer][item]`; `options.items` fixes which items count (else
 * every item any reviewer judged). See `ReviewAgreement` for each figure and
 * `kappa.ts` for the convention on `null`.
 *
 * @example reviewAgreement({ ann: { a: 'met', b: 'unmet' }, bo: { a: 'met', b: 'partial' } }).percent // 0.5
 */
export function reviewAgreement(
  ratings: Readonly<Record<string, Readonly<Record<string, AgreementRating | null | undefined>>>>,
  options: { items?: readonly string[] } = {},
): ReviewAgreement {
  const raters = Object.values(ratings);
  const items = options.items ?? [...new Set(raters.flatMap((r) => Object.keys(r)))].sort();
  const rows: Row[] = [];
  for (const item of items) {
    const row = raters.map((r) => (Object.hasOwn(r, item) ? r[item] : undefined));
    if (row.every((x): x is AgreementRating => x != null)) rows.push(row);
  }
  const all = nominal(rows, AgreementRating.options);
  const applicability = nominal(
    rows.map((r) => r.map((x) => (x === 'not_applicable' ? 'no' : 'yes'))),
    ['yes', 'no'] as const,
  );
  const applicable = rows.filter((r) => !r.includes('not_applicable'));
  const onScale = nominal(applicable, ORDINAL_RATINGS);
  const enough = raters.length >= 2;
  return {
    raters: raters.length,
    items: rows.length,
    incomplete: items.length - rows.length,
    ...all,
    method: !enough ? null : raters.length === 2 ? 'cohen' : 'fleiss',
    applicability,
    status: {
      items: applicable.length,
      ...onScale,
      linear: enough ? weighted(applicable, 'linear') : null,
      quadratic: enough ? weighted(applicable, 'quadratic') : null,
    },
  };
}
