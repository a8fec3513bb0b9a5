import type { JudgedStatus, ReviewVerdict } from '@zhiping/forms';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/* Assignments of reviewers (one of them the lead) and their judgements per round. */

export interface Person {
  id: string;
  name: string;
}

export interface Assigned extends Person {
  lead: boolean;
}

/** The reviewers assigned to an assessment, in the order they were assigned. */
export async function reviewersOf(db: Kysely<Database>, assessmentId: string): Promise<Assigned[]> {
  const rows = await db
    .selectFrom('assignments as a')
    .innerJoin('users as u', 'u.id', 'a.reviewer_id')
    .select(['u.id', 'u.name', 'a.lead'])
    .where('a.assessment_id', '=', assessmentId)
    .orderBy('a.assigned_at')
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, lead: Number(r.lead) === 1 }));
}

export async function hasReviewers(db: Kysely<Database>, assessmentId: string): Promise<boolean> {
  const one = await db
    .selectFrom('assignments')
    .select('reviewer_id')
    .where('assessment_id', '=', assessmentId)
    .limit(1)
    .executeTakeFirst();
  return one !== undefined;
}

/**
 * Assigns a reviewer; assigning one already assigned changes nothing.
 * True when the reviewer is new to the assessment.
 */
export async function addAssignment(
  db: Kysely<Database>,
  a: { assessmentId: string; reviewerId: string; by: string; at: string; lead: boolean },
): Promise<boolean> {
  const r = await db
    .insertInto('assignments')
    .values({
      assessment_id: a.assessmentId,
      reviewer_id: a.reviewerId,
      assigned_by: a.by,
      assigned_at: a.at,
      lead: a.lead ? 1 : 0,
    })
    .onConflict((oc) => oc.columns(['assessment_id', 'reviewer_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Makes `reviewerId` the one lead of the assessment; true when that changed anything. */
export async function setLead(
  db: Kysely<Database>,
  assessmentId: string,
  reviewerId: string,
): Promise<boolean> {
  const r = await db
    .updateTable('assignments')
    .set((eb) => ({
      lead: eb.case().when('reviewer_id', '=', reviewerId).then(1).else(0).end(),
    }))
    .where('assessment_id', '=', assessmentId)
    .where((eb) =>
      eb.or([
        eb.and([eb('reviewer_id', '=', reviewerId), eb('lead', '=', 0)]),
        eb.and([eb('reviewer_id', '!=', reviewerId), eb('lead', '=', 1)]),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export type JudgementKind = 'own' | 'final';
export type JudgementState = 'current' | 'needs-recheck';

export interface Judgement {
  item: string;
  round: number;
  kind: JudgementKind;
  verdict: ReviewVerdict;
  status: JudgedStatus | null;
  points: number | null;
  reason: string | null;
  comment: string | null;
  answerHash: string;
  state: JudgementState;
  judgedRound: number;
  reviewer: Person;
  updatedAt: string;
}

/** Every judgement of a round (own and final), by item then reviewer. */
export async function judgementsOf(
  db: Kysely<Database>,
  assessmentId: string,
  round: number,
  filter: { item?: string; reviewerId?: string; kind?: JudgementKind } = {},
): Promise<Judgement[]> {
  let q = db
    .selectFrom('judgements as j')
    .innerJoin('users as u', 'u.id', 'j.reviewer_id')
    .selectAll('j')
    .select('u.name as reviewerName')
    .where('j.assessment_id', '=', assessmentId)
    .where('j.round', '=', round);
  if (filter.item !== undefined) q = q.where('j.item_id', '=', filter.item);
  if (filter.reviewerId !== undefined) q = q.where('j.reviewer_id', '=', filter.reviewerId);
  if (filter.kind !== undefined) q = q.where('j.kind', '=', filter.kind);
  const rows = await q.orderBy('j.item_id').orderBy('j.reviewer_id').orderBy('j.kind').execute();
  return rows.map((r) => ({
    item: r.item_id,
    round: Number(r.round),
    kind: r.kind,
    verdict: r.verdict,
    status: r.status,
    // PostgreSQL returns numeric columns as strings.
    points: r.points === null ? null : Number(r.points),
    reason: r.reason,
    comment: r.comment,
    answerHash: r.answer_hash,
    state: r.state,
    judgedRound: Number(r.judged_round),
    reviewer: { id: r.reviewer_id, name: r.reviewerName },
    updatedAt: r.updated_at,
  }));
}

export interface NewJudgement {
  assessmentId: string;
  round: number;
  item: string;
  reviewerId: string;
  kind: JudgementKind;
  verdict: ReviewVerdict;
  status: JudgedStatus | null;
  points: number | null;
  reason: string | null;
  comment: string | null;
  answerHash: string;
  state: JudgementState;
  judgedRound: number;
  at: string;
}

/** A reviewer's latest judgement of an item in a round replaces their previous one. */
export async function saveJudgement(db: Kysely<Database>, j: NewJudgement): Promise<void> {
  const values = {
    verdict: j.verdict,
    status: j.status,
    points: j.points,
    reason: j.reason,
    comment: j.comment,
    answer_hash: j.answerHash,
    state: j.state,
    judged_round: j.judgedRound,
    updated_at: j.at,
  };
  await db
    .insertInto('judgements')
    .values({
      assessment_id: j.assessmentId,
      round: j.round,
      item_id: j.item,
      reviewer_id: j.reviewerId,
      kind: j.kind,
      ...values,
    })
    .onConflict((oc) =>
      oc.columns(['assessment_id', 'round', 'item_id', 'reviewer_id', 'kind']).doUpdateSet(values),
    )
    .execute();
}

/** Inserts judgements carried into a new round (the round is new: nothing to replace). */
export async function insertJudgements(db: Kysely<Database>, js: NewJudgement[]): Promise<void> {
  for (const j of js) await saveJudgement(db, j);
}

/** The rounds in which a reviewer gave judgements of their own, newest first. */
export async function roundsJudgedBy(
  db: Kysely<Database>,
  reviewerId: string,
): Promise<{ assessmentId: string; title: string; round: number }[]> {
  const rows = await db
    .selectFrom('judgements as j')
    .innerJoin('assessments as a', 'a.id', 'j.assessment_id')
    .select(['j.assessment_id', 'a.title', 'j.round'])
    .where('j.reviewer_id', '=', reviewerId)
    .where('j.kind', '=', 'own')
    .groupBy(['j.assessment_id', 'a.title', 'j.round'])
    .execute();
  return rows.map((r) => ({
    assessmentId: r.assessment_id,
    title: r.title,
    round: Number(r.round),
  }));
}
