import { contentHash } from '@zhiping/forms';
import type { Kysely, Migration } from 'kysely';

/*
 * Review rounds: each submission is a numbered round with its frozen
 * answers, self result and seal; judgements belong to a round, a reviewer
 * and the answer they judged (its hash). Several reviewers: a lead, and
 * each reviewer's "finished" per round. Replies to reviewers' comments.
 *
 * Existing submissions become round 1, their judgements round-1
 * judgements of the lead (the first reviewer assigned). Their reviewed
 * result was never frozen: the service freezes it once, on first read.
 */

// biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
type AnyDb = Kysely<any>;

/** The hash of one item's answer (its value, evidence list included): what a judgement judged. */
export const answerHash = (value: unknown) => contentHash({ value: value ?? null });

export const reviewRounds = (): Migration => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('rounds')
      .addColumn('assessment_id', 'text', (c) =>
        c.notNull().references('assessments.id').onDelete('cascade'),
      )
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('answers', 'text', (c) => c.notNull())
      .addColumn('as_of', 'text', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('seal', 'text', (c) => c.notNull())
      // The self figures, for lists to show beside the decided ones without parsing `result`.
      .addColumn('self_score', 'real')
      .addColumn('self_tier', 'text')
      .addColumn('submitted_by', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text', (c) => c.notNull())
      .addColumn('decision', 'text')
      .addColumn('decision_comment', 'text')
      .addColumn('agree_rest', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('reviewed_result', 'text')
      .addColumn('reviewed_score', 'real')
      .addColumn('reviewed_tier', 'text')
      .addColumn('reviewed_seal', 'text')
      .addPrimaryKeyConstraint('rounds_pk', ['assessment_id', 'number'])
      .execute();
    await db.schema
      .createTable('judgements')
      .addColumn('assessment_id', 'text', (c) =>
        c.notNull().references('assessments.id').onDelete('cascade'),
      )
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('reviewer_id', 'text', (c) => c.notNull().references('users.id'))
      // 'own': a reviewer's independent judgement; 'final': the lead's settlement.
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('verdict', 'text', (c) => c.notNull())
      .addColumn('status', 'text')
      .addColumn('points', 'real')
      .addColumn('reason', 'text')
      .addColumn('comment', 'text')
      .addColumn('answer_hash', 'text', (c) => c.notNull())
      // 'current', or 'needs-recheck' (待复核) once the answer it judged changed.
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('judged_round', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('judgements_pk', [
        'assessment_id',
        'round',
        'item_id',
        'reviewer_id',
        'kind',
      ])
      .execute();
    await db.schema
      .createTable('review_finishes')
      .addColumn('assessment_id', 'text', (c) =>
        c.notNull().references('assessments.id').onDelete('cascade'),
      )
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('reviewer_id', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('review_finishes_pk', ['assessment_id', 'round', 'reviewer_id'])
      .execute();
    await db.schema
      .createTable('replies')
      .addColumn('assessment_id', 'text', (c) =>
        c.notNull().references('assessments.id').onDelete('cascade'),
      )
      // The round whose comment is answered.
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('replies_pk', ['assessment_id', 'round', 'item_id'])
      .execute();
    await db.schema
      .alterTable('assignments')
      .addColumn('lead', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await backfill(db);
  },
});

/** Total and tier of a stored self result, as far as they can be read without its schema. */
function selfFigures(result: string | null) {
  try {
    const r = result ? JSON.parse(result) : null;
    return {
      self_score: typeof r?.total?.score === 'number' ? r.total.score : null,
      self_tier: typeof r?.verdict?.tier === 'string' ? r.verdict.tier : null,
    };
  } catch {
    return { self_score: null, self_tier: null };
  }
}

async function backfill(db: AnyDb) {
  const assessments = await db
    .selectFrom('assessments')
    .selectAll()
    .where('submitted_at', 'is not', null)
    .execute();
  for (const a of assessments) {
    await db
      .insertInto('rounds')
      .values({
        assessment_id: a.id,
        number: 1,
        answers: a.answers,
        as_of: a.as_of,
        result: a.result ?? '{}',
        seal: a.submission_hash ?? '',
        ...selfFigures(a.result),
        submitted_by: a.created_by,
        submitted_at: a.submitted_at,
        decision: a.decision,
        decision_comment: a.decision_comment,
        decided_by: a.decided_by,
        decided_at: a.decided_at,
      })
      .execute();
    const answers: Record<string, unknown> = JSON.parse(a.answers);
    const reviews = await db
      .selectFrom('item_reviews')
      .selectAll()
      .where('assessment_id', '=', a.id)
      .execute();
    for (const r of reviews)
      await db
        .insertInto('judgements')
        .values({
          assessment_id: a.id,
          round: 1,
          item_id: r.item_id,
          reviewer_id: r.reviewer_id,
          kind: 'own',
          verdict: r.verdict,
          status: r.status,
          points: r.points,
          reason: r.reason,
          comment: r.comment,
          answer_hash: answerHash(Object.hasOwn(answers, r.item_id) ? answers[r.item_id] : null),
          state: 'current',
          judged_round: 1,
          updated_at: r.updated_at,
        })
        .execute();
  }
  // The first reviewer assigned leads.
  const firsts = await db
    .selectFrom('assignments')
    .select(['assessment_id', 'reviewer_id', 'assigned_at'])
    .orderBy('assigned_at')
    .execute();
  const seen = new Set<string>();
  for (const f of firsts) {
    if (seen.has(f.assessment_id)) continue;
    seen.add(f.assessment_id);
    await db
      .updateTable('assignments')
      .set({ lead: 1 })
      .where('assessment_id', '=', f.assessment_id)
      .where('reviewer_id', '=', f.reviewer_id)
      .execute();
  }
}
