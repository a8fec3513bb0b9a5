import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { Person } from './reviews.ts';

/* The admin's reviewer assignments across many assessments (the list itself: assessment-pages.ts). */

/** The reviewers of several assessments at once, in the order they were assigned. */
export async function reviewersOfMany(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, Person[]>> {
  const out = new Map<string, Person[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('assignments as s')
    .innerJoin('users as u', 'u.id', 's.reviewer_id')
    .select(['s.assessment_id', 'u.id', 'u.name'])
    .where('s.assessment_id', 'in', ids)
    .orderBy('s.assigned_at')
    .orderBy('u.id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.assessment_id) ?? [];
    list.push({ id: r.id, name: r.name });
    out.set(r.assessment_id, list);
  }
  return out;
}

/** Removes one reviewer from an assessment (their item judgements stay, as the audit trail does). */
export async function removeAssignment(
  db: Kysely<Database>,
  assessmentId: string,
  reviewerId: string,
): Promise<boolean> {
  const r = await db
    .deleteFrom('assignments')
    .where('assessment_id', '=', assessmentId)
    .where('reviewer_id', '=', reviewerId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
