import type { AssessmentStatus } from '@zhiping/forms';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { fromRow, type ListedAssessment } from './assessments.ts';
import type { Person } from './reviews.ts';
import { contains, offsetOf } from './search.ts';

/* Every assessment of every organisation, as the admin's list pages them. */

export interface AdminAssessmentFilter {
  q?: string | undefined;
  status?: AssessmentStatus | undefined;
  definition?: string | undefined;
  organisationId?: string | undefined;
}

const matching = (db: Kysely<Database>, f: AdminAssessmentFilter) => {
  let q = db.selectFrom('assessments as a').innerJoin('organisations as o', 'o.id', 'a.org_id');
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([contains(eb.ref('a.title'), text), contains(eb.ref('o.name'), text)]),
    );
  }
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.definition) q = q.where('a.definition_id', '=', f.definition);
  if (f.organisationId) q = q.where('a.org_id', '=', f.organisationId);
  return q;
};

/** Newest activity first (ids break ties, so pages never repeat or skip a row). */
export async function adminAssessmentPage(
  db: Kysely<Database>,
  f: AdminAssessmentFilter,
  page: number,
  pageSize: number,
): Promise<{ items: ListedAssessment[]; total: number }> {
  const [rows, count] = await Promise.all([
    matching(db, f)
      .selectAll('a')
      .select('o.name as orgName')
      .orderBy('a.updated_at', 'desc')
      .orderBy('a.id')
      .limit(pageSize)
      .offset(offsetOf(page, pageSize))
      .execute(),
    matching(db, f)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map(({ orgName, ...r }) => ({ ...fromRow(r), orgName })),
    total: Number(count.n),
  };
}

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
