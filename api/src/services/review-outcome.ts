import { type Relation, reviewVisibleTo, type ScoreResult, score, type Text } from '@zhiping/forms';
import type { Kysely } from 'kysely';
import type { DecidedOutcome, Judgement, ReviewerState } from '../contract/index.ts';
import type { Assessment } from '../db/repositories/assessments.ts';
import { judgementsOf, reviewersOf } from '../db/repositories/reviews.ts';
import {
  decidedOutcomes,
  finishesOf,
  freezeReviewedIf,
  latestRound,
} from '../db/repositories/rounds.ts';
import type { Database } from '../db/schema.ts';
import type { DefinitionStore, StoredDefinition } from './definitions.ts';
import { judgementOut } from './review.ts';
import { effectiveJudgements, leadOf, overridesOf, reviewedSeal } from './review-rounds.ts';

/*
 * What the detail, the reports and the lists show of the review. Once a
 * round is decided its reviewed result is the frozen one — never scored
 * again on read; while the review runs the reviewer sees a live preview.
 */

export interface ReviewView {
  round: number;
  reviewers: ReviewerState[];
  /** The judgements that count, as far as the caller may see them (see `reviewView`). */
  reviews: Judgement[];
  reviewedResult: ScoreResult | null;
}

/**
 * The review as `relation` may see it: the respondent the judgements that
 * count, once the round is back with them (returned, decided, or reopened
 * after a return); the lead the same while judging; another reviewer only
 * once every reviewer finished (blind until then).
 */
export async function reviewView(
  db: Kysely<Database>,
  def: StoredDefinition,
  row: Assessment,
  relation: Relation,
): Promise<ReviewView> {
  const [assigned, round] = await Promise.all([reviewersOf(db, row.id), latestRound(db, row.id)]);
  const lead = leadOf(assigned);
  const finished = round ? await finishesOf(db, row.id, round.number) : new Map<string, string>();
  const reviewers = assigned.map((r) => ({
    id: r.id,
    name: r.name,
    lead: r.id === lead?.id,
    finishedAt: finished.get(r.id) ?? null,
  }));
  if (!round) return { round: 0, reviewers, reviews: [], reviewedResult: null };
  const backWithRespondent = row.status === 'draft' && round.decision?.outcome === 'return';
  const mayRead = reviewVisibleTo(row.status, relation) || backWithRespondent;
  if (!mayRead) return { round: round.number, reviewers, reviews: [], reviewedResult: null };
  const all = await judgementsOf(db, row.id, round.number);
  const everyoneDone = assigned.every((r) => finished.has(r.id));
  // The respondent and the lead read the judgements that count; another
  // reviewer reads them once every reviewer finished (their own are in the
  // review console), so no one judges with the lead's view in front of them.
  const seesCounted = relation.role !== 'reviewer' || relation.lead !== false || everyoneDone;
  // Only current judgements count: a settlement carried as 待复核 from an earlier round
  // must neither show nor hide the lead's judgement of the changed answer (it did hide
  // it, so the decided item read as unjudged on the results page and in the reports).
  const counted = effectiveJudgements(seesCounted ? all : [], lead?.id);
  const shown = [...counted.values()];
  let reviewedResult: ScoreResult | null = round.reviewed?.result ?? null;
  if (!reviewedResult && round.decision) {
    // Decided before rounds existed: frozen now, once, and read from the round ever after.
    reviewedResult = score(def.compiled, round.answers, {
      asOf: round.asOf,
      overrides: overridesOf(counted),
    });
    await freezeReviewedIf(
      db,
      row.id,
      round.number,
      reviewedResult,
      reviewedSeal(round.seal, counted, reviewedResult),
    );
  } else if (!reviewedResult && row.status === 'in_review' && counted.size > 0) {
    reviewedResult = score(def.compiled, round.answers, {
      asOf: round.asOf,
      overrides: overridesOf(counted),
    });
  }
  return {
    round: round.number,
    reviewers,
    reviews: shown.map(judgementOut),
    reviewedResult: backWithRespondent ? null : reviewedResult,
  };
}

const tierLabel = (def: StoredDefinition, tier: string | null): Text | null =>
  tier === null ? null : (def.definition.tiers.find((t) => t.id === tier)?.label ?? null);

/**
 * The approved, frozen outcome of each listed assessment's latest round,
 * with the self figures beside it: one query for a whole list.
 */
export async function decidedOf(
  db: Kysely<Database>,
  defs: DefinitionStore,
  rows: readonly {
    id: string;
    status: string;
    definition_id: string;
    definition_version: string;
  }[],
): Promise<Map<string, DecidedOutcome>> {
  const decided = rows.filter((r) => r.status === 'decided');
  const found = await decidedOutcomes(
    db,
    decided.map((r) => r.id),
  );
  const out = new Map<string, DecidedOutcome>();
  for (const r of decided) {
    const o = found.get(r.id);
    if (!o) continue;
    const def = await defs.get(`${r.definition_id}@${r.definition_version}`);
    out.set(r.id, {
      round: o.round,
      score: o.score,
      verdict: tierLabel(def, o.tier),
      selfScore: o.selfScore,
      selfVerdict: tierLabel(def, o.selfTier),
      decidedAt: o.decidedAt,
    });
  }
  return out;
}
