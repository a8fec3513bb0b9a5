import {
  type Definition,
  type ItemOverride,
  refOf,
  type ScoreResult,
  score,
  zh,
} from '@zhiping/forms';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/session.ts';
import type { AssessmentRow, Database } from '../db/schema.ts';
import type { AssessmentDetail, AssessmentSummary } from '../http/schemas.ts';
import type { DefinitionStore } from './definitions.ts';

export const answersOf = (row: AssessmentRow) => JSON.parse(row.answers) as Record<string, unknown>;

/** The self-assessed result: frozen at submission, computed live for a draft. */
export function selfResult(
  row: AssessmentRow,
  def: Definition,
  answers: Record<string, unknown> = answersOf(row),
): ScoreResult {
  if (row.result) return JSON.parse(row.result) as ScoreResult;
  return score(def, answers, { asOf: row.as_of });
}

export async function summaryOf(
  defs: DefinitionStore,
  row: AssessmentRow,
  orgName: string,
): Promise<AssessmentSummary> {
  const { definition } = await defs.get(`${row.definition_id}@${row.definition_version}`);
  return summaryFrom(row, definition, selfResult(row, definition), orgName);
}

function summaryFrom(
  row: AssessmentRow,
  definition: Definition,
  r: ScoreResult,
  orgName: string,
): AssessmentSummary {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    revision: row.revision,
    definition: {
      id: definition.id,
      version: definition.version,
      ref: refOf(definition),
      title: zh(definition.title),
    },
    organisation: { id: row.org_id, name: orgName },
    asOf: row.as_of,
    score: r.total.score,
    verdict: r.verdict.label === null ? null : zh(r.verdict.label),
    progress: { answered: r.progress.answered, applicable: r.progress.applicable },
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
  };
}

export async function reviewsOf(db: Kysely<Database>, id: string) {
  const rows = await db
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
    .where('r.assessment_id', '=', id)
    .orderBy('r.item_id')
    .execute();
  return rows.map((r) => ({
    item: r.item_id,
    verdict: r.verdict,
    status: r.status,
    points: r.points === null ? null : Number(r.points),
    reason: r.reason,
    comment: r.comment,
    reviewer: { id: r.reviewerId, name: r.reviewerName },
    updatedAt: r.updated_at,
  }));
}

export async function detailOf(
  db: Kysely<Database>,
  defs: DefinitionStore,
  actor: Actor,
  row: AssessmentRow,
): Promise<AssessmentDetail> {
  const { definition } = await defs.get(`${row.definition_id}@${row.definition_version}`);
  const org = await db
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', row.org_id)
    .executeTakeFirstOrThrow();
  const reviewers = await db
    .selectFrom('assignments as a')
    .innerJoin('users as u', 'u.id', 'a.reviewer_id')
    .select(['u.id', 'u.name'])
    .where('a.assessment_id', '=', row.id)
    .orderBy('a.assigned_at')
    .execute();
  const isReviewer = reviewers.some((r) => r.id === actor.id);
  // A respondent sees the reviewer's item judgements once the review is over.
  const reviewsVisible = isReviewer || row.status === 'returned' || row.status === 'decided';
  const reviews = reviewsVisible ? await reviewsOf(db, row.id) : [];
  const answers = answersOf(row);
  const result = selfResult(row, definition, answers);
  const overrides: Record<string, ItemOverride> = {};
  for (const r of reviews)
    if (r.verdict === 'override' && r.status)
      overrides[r.item] = { status: r.status, points: r.points ?? undefined };
  const reviewedResult =
    reviews.length > 0 ? score(definition, answers, { asOf: row.as_of, overrides }) : null;
  const decider = row.decided_by
    ? await db
        .selectFrom('users')
        .select(['id', 'name'])
        .where('id', '=', row.decided_by)
        .executeTakeFirst()
    : undefined;
  const summary = summaryFrom(row, definition, result, org.name);
  const respondent = actor.role === 'respondent' && actor.orgId === row.org_id;
  return {
    ...summary,
    definitionHash: row.definition_hash,
    answers,
    position: row.position,
    result: result as unknown as Record<string, unknown>,
    reviewedResult: reviewedResult as unknown as Record<string, unknown> | null,
    submissionHash: row.submission_hash,
    reviewers,
    reviews,
    decision:
      row.decision && row.decided_at
        ? {
            outcome: row.decision,
            comment: row.decision_comment ?? '',
            reviewer: decider ?? { id: row.decided_by ?? '', name: '' },
            at: row.decided_at,
          }
        : null,
    can: {
      edit: respondent && row.status === 'draft',
      submit: respondent && row.status === 'draft',
      reopen: respondent && row.status === 'returned',
      review: isReviewer && row.status === 'in_review',
      assign: actor.role === 'admin' && (row.status === 'submitted' || row.status === 'in_review'),
    },
  };
}
