/**
 * Ranking a programme's applicants against each other: the cohort grades and
 * the quotas of the 优势 / 示范 schemes (domain.md §4).
 *
 * Three rules, each a fact from the schemes rather than a choice of ours:
 * - a tier has a pass line on the total (national 2023 scheme: 55 for 优势,
 *   70 for 示范 — [read, medium-high]) and, in some regional schemes, a quota
 *   per call (Shenzhen 2023: at most 20 优势 and 3 示范 a year — [read]);
 * - 优秀 is relative: the top share of the cohort (national 2023: 15 %), not
 *   a fixed score;
 * - quotas are filled in rank order, highest tier first.
 *
 * Where the schemes are silent we choose, and say so in the result's codes
 * so an office can explain each outcome:
 * - Ties share a rank (competition ranking, "1224"): equal totals are not
 *   ordered by anything else we could defend (name, filing time).
 * - The 优秀 places are ⌊share × cohort⌋, so the share is never exceeded by
 *   rounding (a cohort of 6 at 15 % has none); an applicant is 优秀 when it
 *   passes the lowest pass line and fewer than that many applicants rank
 *   strictly above it — so a tie on the last place includes everyone tied,
 *   and those applicants carry `grade.excellent-by-tie`.
 * - A tie across a quota's last place is not broken: the tied applicants are
 *   all left for the office to settle (`tier.quota-tie`) and none of them is
 *   awarded this or a lower tier automatically; nobody ranked below the tie
 *   takes the places they share (`tier.outside-quota`).
 * - An applicant outside a quota falls through to the next lower tier it
 *   qualifies for.
 */

export interface CohortTier {
  /** The tier's id, e.g. "示范" or an engine tier id. */
  id: string;
  /** Lowest total that qualifies, inclusive. */
  passLine: number;
  /** Most applicants the call may award this tier; absent = no quota. */
  quota?: number;
}

export interface CohortRules {
  /** Highest tier first or in any order: they are sorted by pass line. */
  tiers: readonly CohortTier[];
  /** Share of the cohort graded 优秀 (national 2023: 0.15); 0 or absent = none. */
  excellentShare?: number;
}

export interface CohortApplicant {
  id: string;
  /** The decided (reviewed) total; null = no decided result, left out of the cohort. */
  total: number | null;
  /**
   * Tiers this applicant may not receive whatever its score: a tier id (its
   * gates failed, `tier.ineligible`) or the reason why, e.g. 示范 needs two
   * years as 优势 (`tier.title-required`, see titles.ts).
   */
  ineligibleFor?: readonly (string | CohortIneligibility)[];
}

/** A tier the applicant cannot receive, with the reason the office reads. */
export interface CohortIneligibility {
  tier: string;
  code: 'tier.ineligible' | 'tier.title-required';
  /** For `tier.title-required`: the title asked for and the whole years it must have been held. */
  title?: string;
  years?: number;
}

export const COHORT_GRADES = ['excellent', 'pass', 'fail', 'unranked'] as const;
export type CohortGrade = (typeof COHORT_GRADES)[number];

export const COHORT_REASONS = [
  'tier.awarded',
  'tier.below-pass-line',
  'tier.outside-quota',
  'tier.quota-tie',
  'tier.ineligible',
  'tier.title-required',
  'grade.excellent-by-tie',
  'cohort.no-result',
] as const;
export type CohortReasonCode = (typeof COHORT_REASONS)[number];

export interface CohortReason {
  code: CohortReasonCode;
  tier?: string;
  /** Quota of the tier, for outside-quota and quota-tie. */
  quota?: number;
  /** How many were awarded the tier before this applicant's rank. */
  awardedAhead?: number;
  /** For title-required: the previous title and the years it must have been held. */
  title?: string;
  years?: number;
}

export interface CohortPlacement {
  id: string;
  total: number | null;
  /** 1-based competition rank among applicants with a result; null when unranked. */
  rank: number | null;
  grade: CohortGrade;
  /** The tier awarded, or null. */
  tier: string | null;
  reasons: CohortReason[];
}

export interface CohortOutcome {
  placements: CohortPlacement[];
  /** Applicants with a result. */
  ranked: number;
  /** Places the 优秀 share gives before ties. */
  excellentPlaces: number;
  excellent: number;
  awarded: Record<string, number>;
  /** Tiers whose last place is shared by a tie the office must settle. */
  quotaTies: string[];
}

/** Totals equal to the engine's 4 decimals tie. */
const key = (total: number) => Math.round(total * 10_000);

export function rankCohort(
  applicants: readonly CohortApplicant[],
  rules: CohortRules,
): CohortOutcome {
  const tiers = [...rules.tiers].sort((a, b) => b.passLine - a.passLine);
  const lowestLine = tiers.length ? Math.min(...tiers.map((t) => t.passLine)) : 0;
  const withResult = applicants.filter(
    (a): a is CohortApplicant & { total: number } => a.total !== null,
  );
  const ordered = [...withResult].sort((a, b) => key(b.total) - key(a.total));

  const rankOf = new Map<string, number>();
  ordered.forEach((a, i) => {
    const prev = ordered[i - 1];
    rankOf.set(
      a.id,
      prev && key(prev.total) === key(a.total) ? (rankOf.get(prev.id) ?? i + 1) : i + 1,
    );
  });

  const share = rules.excellentShare ?? 0;
  // The small epsilon keeps 0.15 × 20 at 3 places despite binary fractions.
  const excellentPlaces = share > 0 ? Math.floor(share * ordered.length + 1e-9) : 0;

  const tierOf = new Map<string, string>();
  const reasonsOf = new Map<string, CohortReason[]>(withResult.map((a) => [a.id, []]));
  const awarded: Record<string, number> = {};
  const quotaTies: string[] = [];
  /** Applicants in a quota tie: settled by the office, never awarded by rule. */
  const pending = new Set<string>();

  for (const tier of tiers) {
    awarded[tier.id] = 0;
    const candidates = ordered.filter((a) => !tierOf.has(a.id) && !pending.has(a.id));
    let blockedByTie = false;
    // Walk the candidates in groups of equal totals so a tie is seen whole.
    let i = 0;
    while (i < candidates.length) {
      const head = candidates[i];
      if (!head) break;
      let j = i;
      while (j < candidates.length && key(candidates[j]?.total ?? 0) === key(head.total)) j++;
      const group = candidates.slice(i, j);
      i = j;
      const reached = key(head.total) >= key(tier.passLine);
      const eligible = group.filter((a) => barOf(a, tier.id) === null);
      for (const a of group) {
        if (!reached) continue;
        const bar = barOf(a, tier.id);
        if (bar) reasonsOf.get(a.id)?.push(bar);
      }
      if (!reached || eligible.length === 0) continue;
      const left = blockedByTie
        ? 0
        : tier.quota === undefined
          ? Number.POSITIVE_INFINITY
          : tier.quota - (awarded[tier.id] ?? 0);
      if (eligible.length <= left) {
        for (const a of eligible) {
          tierOf.set(a.id, tier.id);
          reasonsOf.get(a.id)?.push({ code: 'tier.awarded', tier: tier.id });
        }
        awarded[tier.id] = (awarded[tier.id] ?? 0) + eligible.length;
      } else if (left > 0) {
        quotaTies.push(tier.id);
        blockedByTie = true;
        for (const a of eligible) {
          pending.add(a.id);
          reasonsOf.get(a.id)?.push({
            code: 'tier.quota-tie',
            tier: tier.id,
            quota: tier.quota,
            awardedAhead: awarded[tier.id],
          });
        }
      } else {
        for (const a of eligible) {
          reasonsOf.get(a.id)?.push({
            code: 'tier.outside-quota',
            tier: tier.id,
            quota: tier.quota,
            awardedAhead: awarded[tier.id],
          });
        }
      }
    }
  }

  let excellent = 0;
  const placements = applicants.map((a): CohortPlacement => {
    if (a.total === null) {
      return {
        id: a.id,
        total: null,
        rank: null,
        grade: 'unranked',
        tier: null,
        reasons: [{ code: 'cohort.no-result' }],
      };
    }
    const rank = rankOf.get(a.id) ?? null;
    const reasons = reasonsOf.get(a.id) ?? [];
    const passes = key(a.total) >= key(lowestLine);
    const lowest = tiers[tiers.length - 1];
    if (!passes && lowest) reasons.push({ code: 'tier.below-pass-line', tier: lowest.id });
    let grade: CohortGrade = passes ? 'pass' : 'fail';
    if (passes && rank !== null && rank - 1 < excellentPlaces) {
      grade = 'excellent';
      excellent++;
    }
    return { id: a.id, total: a.total, rank, grade, tier: tierOf.get(a.id) ?? null, reasons };
  });
  if (excellent > excellentPlaces) {
    for (const p of placements) {
      if (
        p.grade === 'excellent' &&
        p.rank !== null &&
        p.rank + countTied(p, placements) - 1 > excellentPlaces
      ) {
        p.reasons.push({ code: 'grade.excellent-by-tie' });
      }
    }
  }
  return {
    placements,
    ranked: ordered.length,
    excellentPlaces,
    excellent,
    awarded,
    quotaTies,
  };
}

/** Why the applicant may not receive the tier, or null when it may; the first reason given wins. */
function barOf(a: CohortApplicant, tier: string): CohortReason | null {
  for (const x of a.ineligibleFor ?? []) {
    if (typeof x === 'string') {
      if (x === tier) return { code: 'tier.ineligible', tier };
    } else if (x.tier === tier) {
      return {
        code: x.code,
        tier,
        ...(x.title === undefined ? {} : { title: x.title }),
        ...(x.years === undefined ? {} : { years: x.years }),
      };
    }
  }
  return null;
}

/** How many placements share this one's rank (itself included). */
function countTied(p: CohortPlacement, all: readonly CohortPlacement[]): number {
  return all.filter((q) => q.rank === p.rank).length;
}
