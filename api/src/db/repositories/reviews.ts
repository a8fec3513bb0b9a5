import type { JudgedStatus, ReviewVerdict } from '@zhiping/forms';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/* Assignments of reviewers and their item judgements. */

export interface Person {
  id: string;
  name: string;
}

/** The reviewers assigned to an assessment, in the order they were assigned. */
export async function reviewersOf(db: Kysely<Database>, assessmentId: string): Promise<Person[]> {
  return db
    .selectFrom('assignments as a')
    .innerJoin('users as u', 'u.id', 'a.reviewer_id')
    .select(['u.id', 'u.name'])
    .where('a.assessment_id', '=', assessmentId)
    .orderBy('a.assigned_at')
    .execute();
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

/** Assigns a reviewer; assigning one already assigned changes nothing. */
export async function addAssignment(
  db: Kysely<Database>,
  a: { assessmentId: string; reviewerId: string; by: string; at: string },
): Promise<void> {
  await db
    .insertInto('assignments')
    .values({
      assessment_id: a.assessmentId,
      reviewer_id: a.reviewerId,
      assigned_by: a.by,
      assigned_at: a.at,
    })
    .onConflict((oc) => oc.columns(['assessment_id', 'reviewer_id']).doNothing())
    .execute();
}

export interface ItemReview {
  item: string;
  verdict: ReviewVerdict;
  status: JudgedStatus | null;
  points: number | null;
  reason: string | null;
  comment: string | null;
  reviewer: Person;
  updatedAt: string;
}

/** Every item judgement of an assessment, by item id. */
export async function itemReviewsOf(
  db: Kysely<Database>,
  assessmentId: string,
  itemId?: string,
): Promise<ItemReview[]> {
  let q = db
    .selectFrom('item_reviews as r')
    .innerJoin('users as u', 'u.id', 'r.reviewer_id')
    .select([
      'r.item_id',
      'r.verdict',
      'r.status',
      'r.points',
      'r.reason',
      'r.comment',
      'r.updated_at',
      'u.id as reviewerId',
      'u.name as reviewerName',
    ])
    .where('r.assessment_id', '=', assessmentId);
  if (itemId !== undefined) q = q.where('r.item_id', '=', itemId);
  const rows = await q.orderBy('r.item_id').execute();
  return rows.map((r) => ({
    item: r.item_id,
    verdict: r.verdict,
    status: r.status,
    // PostgreSQL returns numeric columns as strings.
    points: r.points === null ? null : Number(r.points),
    reason: r.reason,
    comment: r.comment,
    reviewer: { id: r.reviewerId, name: r.reviewerName },
    updatedAt: r.updated_at,
  }));
}

/** The latest judgement of one item replaces the previous one. */
export async function saveItemReview(
  db: Kysely<Database>,
  r: {
    assessmentId: string;
    itemId: string;
    reviewerId: string;
    verdict: ReviewVerdict;
    status: JudgedStatus | null;
    points: number | null;
    reason: string | null;
    comment: string | null;
    at: string;
  },
): Promise<void> {
  const values = {
    reviewer_id: r.reviewerId,
    verdict: r.verdict,
    status: r.status,
    points: r.points,
    reason: r.reason,
    comment: r.comment,
    updated_at: r.at,
  };
  await db
    .insertInto('item_reviews')
    .values({ assessment_id: r.assessmentId, item_id: r.itemId, ...values })
    .onConflict((oc) => oc.columns(['assessment_id', 'item_id']).doUpdateSet(values))
    .execute();
}
