import { Answers, type DecisionOutcome, type ScoreResult, StoredScoreResult } from '@zhiping/forms';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { parseColumn, toColumn } from './json.ts';

/*
 * Rounds: one per submission, with the answers, self result and seal it
 * froze; the decision and the reviewed result frozen with it. Also who
 * finished their review of a round, and the respondent's replies.
 */

export interface Round {
  assessmentId: string;
  number: number;
  answers: Answers;
  asOf: string;
  result: ScoreResult;
  seal: string;
  submittedBy: string;
  submittedAt: string;
  decision: {
    outcome: DecisionOutcome;
    comment: string;
    agreeRest: boolean;
    by: string;
    at: string;
  } | null;
  /** Frozen at the decision; null before it (and for rounds decided before rounds existed). */
  reviewed: { result: ScoreResult; seal: string } | null;
}

type RoundRow = Awaited<ReturnType<typeof selectRounds>>[number];

const selectRounds = (db: Kysely<Database>, assessmentId: string) =>
  db.selectFrom('rounds').selectAll().where('assessment_id', '=', assessmentId).execute();

function fromRow(r: RoundRow): Round {
  const where = `rounds of ${r.assessment_id} #${r.number}`;
  return {
    assessmentId: r.assessment_id,
    number: Number(r.number),
    answers: parseColumn(Answers, r.answers, `${where}.answers`),
    asOf: r.as_of,
    result: parseColumn(StoredScoreResult, r.result, `${where}.result`),
    seal: r.seal,
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at,
    decision:
      r.decision && r.decided_at
        ? {
            outcome: r.decision,
            comment: r.decision_comment ?? '',
            agreeRest: Number(r.agree_rest) === 1,
            by: r.decided_by ?? '',
            at: r.decided_at,
          }
        : null,
    reviewed:
      r.reviewed_result && r.reviewed_seal
        ? {
            result: parseColumn(StoredScoreResult, r.reviewed_result, `${where}.reviewed_result`),
            seal: r.reviewed_seal,
          }
        : null,
  };
}

/** Every round of an assessment, oldest first. */
export async function roundsOf(db: Kysely<Database>, assessmentId: string): Promise<Round[]> {
  const rows = await selectRounds(db, assessmentId);
  return rows.map(fromRow).sort((a, b) => a.number - b.number);
}

/** The latest round, or undefined when the assessment was never submitted. */
export async function latestRound(
  db: Kysely<Database>,
  assessmentId: string,
): Promise<Round | undefined> {
  const row = await db
    .selectFrom('rounds')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && fromRow(row);
}

export async function insertRound(
  db: Kysely<Database>,
  r: Omit<Round, 'decision' | 'reviewed'>,
): Promise<void> {
  await db
    .insertInto('rounds')
    .values({
      assessment_id: r.assessmentId,
      number: r.number,
      answers: toColumn(r.answers),
      as_of: r.asOf,
      result: toColumn(r.result),
      seal: r.seal,
      self_score: r.result.total.score,
      self_tier: r.result.verdict.tier,
      submitted_by: r.submittedBy,
      submitted_at: r.submittedAt,
    })
    .execute();
}

/**
 * Records the decision and freezes the reviewed result with it, only if the
 * round is still undecided: of two decisions exactly one lands.
 */
export async function decideRoundIf(
  db: Kysely<Database>,
  assessmentId: string,
  number: number,
  d: NonNullable<Round['decision']> & { reviewed: ScoreResult; reviewedSeal: string },
): Promise<boolean> {
  const r = await db
    .updateTable('rounds')
    .set({
      decision: d.outcome,
      decision_comment: d.comment,
      agree_rest: d.agreeRest ? 1 : 0,
      decided_by: d.by,
      decided_at: d.at,
      reviewed_result: toColumn(d.reviewed),
      reviewed_score: d.reviewed.total.score,
      reviewed_tier: d.reviewed.verdict.tier,
      reviewed_seal: d.reviewedSeal,
    })
    .where('assessment_id', '=', assessmentId)
    .where('number', '=', number)
    .where('decision', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A round decided before rounds existed gets its reviewed result frozen once, on first read. */
export async function freezeReviewedIf(
  db: Kysely<Database>,
  assessmentId: string,
  number: number,
  reviewed: ScoreResult,
  seal: string,
): Promise<void> {
  await db
    .updateTable('rounds')
    .set({
      reviewed_result: toColumn(reviewed),
      reviewed_score: reviewed.total.score,
      reviewed_tier: reviewed.verdict.tier,
      reviewed_seal: seal,
    })
    .where('assessment_id', '=', assessmentId)
    .where('number', '=', number)
    .where('reviewed_result', 'is', null)
    .execute();
}

export interface DecidedOutcome {
  round: number;
  score: number;
  tier: string | null;
  selfScore: number | null;
  selfTier: string | null;
  decidedAt: string;
}

/**
 * The approved (frozen) outcome of each of these assessments' latest
 * rounds, for lists: one query, no scoring.
 */
export async function decidedOutcomes(
  db: Kysely<Database>,
  assessmentIds: readonly string[],
): Promise<Map<string, DecidedOutcome>> {
  const out = new Map<string, DecidedOutcome>();
  if (assessmentIds.length === 0) return out;
  const rows = await db
    .selectFrom('rounds')
    .select([
      'assessment_id',
      'number',
      'reviewed_score',
      'reviewed_tier',
      'self_score',
      'self_tier',
      'decided_at',
    ])
    .where('assessment_id', 'in', [...assessmentIds])
    .where('decision', '=', 'approve')
    .where('reviewed_score', 'is not', null)
    .execute();
  for (const r of rows) {
    const prev = out.get(r.assessment_id);
    if (prev && prev.round > Number(r.number)) continue;
    out.set(r.assessment_id, {
      round: Number(r.number),
      score: Number(r.reviewed_score),
      tier: r.reviewed_tier,
      selfScore: r.self_score === null ? null : Number(r.self_score),
      selfTier: r.self_tier,
      decidedAt: r.decided_at ?? '',
    });
  }
  return out;
}

/** Who finished their review of a round, and when. */
export async function finishesOf(
  db: Kysely<Database>,
  assessmentId: string,
  round: number,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('review_finishes')
    .select(['reviewer_id', 'finished_at'])
    .where('assessment_id', '=', assessmentId)
    .where('round', '=', round)
    .execute();
  return new Map(rows.map((r) => [r.reviewer_id, r.finished_at]));
}

/** Marks a reviewer's review of a round finished; true when it was not already. */
export async function markFinished(
  db: Kysely<Database>,
  f: { assessmentId: string; round: number; reviewerId: string; at: string },
): Promise<boolean> {
  const r = await db
    .insertInto('review_finishes')
    .values({
      assessment_id: f.assessmentId,
      round: f.round,
      reviewer_id: f.reviewerId,
      finished_at: f.at,
    })
    .onConflict((oc) => oc.columns(['assessment_id', 'round', 'reviewer_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

export interface Reply {
  round: number;
  item: string;
  text: string;
  author: { id: string; name: string };
  at: string;
}

/** The respondent's replies to comments, every round. */
export async function repliesOf(db: Kysely<Database>, assessmentId: string): Promise<Reply[]> {
  const rows = await db
    .selectFrom('replies as r')
    .leftJoin('users as u', 'u.id', 'r.author_id')
    .select(['r.round', 'r.item_id', 'r.text', 'r.at', 'r.author_id', 'u.name'])
    .where('r.assessment_id', '=', assessmentId)
    .orderBy('r.round')
    .orderBy('r.item_id')
    .execute();
  return rows.map((r) => ({
    round: Number(r.round),
    item: r.item_id,
    text: r.text,
    author: { id: r.author_id, name: r.name ?? '' },
    at: r.at,
  }));
}

/** One reply per item and round: a later one replaces it. */
export async function saveReply(
  db: Kysely<Database>,
  r: {
    assessmentId: string;
    round: number;
    item: string;
    authorId: string;
    text: string;
    at: string;
  },
): Promise<void> {
  const values = { author_id: r.authorId, text: r.text, at: r.at };
  await db
    .insertInto('replies')
    .values({ assessment_id: r.assessmentId, round: r.round, item_id: r.item, ...values })
    .onConflict((oc) => oc.columns(['assessment_id', 'round', 'item_id']).doUpdateSet(values))
    .execute();
}
