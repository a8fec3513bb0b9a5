import type { Kysely } from 'kysely';
import type { Actor } from '../auth/session.ts';
import type { AssessmentRow, Database } from '../db/schema.ts';
import { problems } from '../http/problem.ts';

/**
 * The one place that decides who sees an assessment: respondents see their
 * organisation's, reviewers those assigned to them. Anyone else gets the
 * same 404 as for an id that does not exist, so ids cannot be probed.
 * Admins manage assignments through their own list, not through this door.
 */
export async function assessmentFor(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
): Promise<AssessmentRow> {
  let q = db.selectFrom('assessments').selectAll().where('id', '=', id);
  if (actor.role === 'respondent') q = q.where('org_id', '=', actor.orgId);
  else if (actor.role === 'reviewer')
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('assignments')
          .select('assessment_id')
          .where('assignments.assessment_id', '=', id)
          .where('assignments.reviewer_id', '=', actor.id),
      ),
    );
  else q = q.where('org_id', '=', actor.orgId);
  const row = await q.executeTakeFirst();
  if (!row) throw problems.notFound('该评估');
  return row;
}

export const isAssignedReviewer = async (db: Kysely<Database>, actor: Actor, id: string) =>
  actor.role === 'reviewer' &&
  (await db
    .selectFrom('assignments')
    .select('assessment_id')
    .where('assessment_id', '=', id)
    .where('reviewer_id', '=', actor.id)
    .executeTakeFirst()) !== undefined;
