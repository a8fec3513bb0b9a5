import type { AssessmentStatus } from '@zhiping/forms';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { LIST_COLUMNS, type ListRow } from './assessment-reads.ts';

/* The counts behind each role's home: grouped in SQL, a handful of queries per page. */

/** An organisation's assessments as lists show them, newest change first. */
export function orgRows(db: Kysely<Database>, orgId: string): Promise<ListRow[]> {
  return db
    .selectFrom('assessments as a')
    .innerJoin('organisations as o', 'o.id', 'a.org_id')
    .select(LIST_COLUMNS)
    .where('a.org_id', '=', orgId)
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}

/** Every assessment counted by definition and state. */
export async function countsByDefinition(
  db: Kysely<Database>,
): Promise<{ definition: string; status: AssessmentStatus; n: number }[]> {
  const rows = await db
    .selectFrom('assessments')
    .select(['definition_id', 'status', sql<number | string>`count(*)`.as('n')])
    .groupBy(['definition_id', 'status'])
    .orderBy('definition_id')
    .execute();
  return rows.map((r) => ({ definition: r.definition_id, status: r.status, n: Number(r.n) }));
}

/** The reviewer's assigned assessments by state; `finished` counts those whose latest round they finished. */
export async function queueCounts(
  db: Kysely<Database>,
  reviewerId: string,
): Promise<{ status: AssessmentStatus; finished: number; n: number }[]> {
  const rows = await db
    .selectFrom('assessments as a')
    .innerJoin('assignments as s', 's.assessment_id', 'a.id')
    .where('s.reviewer_id', '=', reviewerId)
    .select([
      'a.status',
      sql<number | string>`count(*)`.as('n'),
      sql<number | string>`sum(case when exists (
        select 1 from review_finishes f
        where f.assessment_id = a.id and f.reviewer_id = ${reviewerId}
          and f.round = (select max(r.number) from rounds r where r.assessment_id = a.id)
      ) then 1 else 0 end)`.as('finished'),
    ])
    .groupBy('a.status')
    .execute();
  return rows.map((r) => ({ status: r.status, n: Number(r.n), finished: Number(r.finished) }));
}

/** When the reviewer finished reviews and made decisions since `since` (ISO instants). */
export async function reviewerActivity(
  db: Kysely<Database>,
  reviewerId: string,
  since: string,
): Promise<{ finished: string[]; decided: string[] }> {
  const [finished, decided] = await Promise.all([
    db
      .selectFrom('review_finishes')
      .select('finished_at as at')
      .where('reviewer_id', '=', reviewerId)
      .where('finished_at', '>=', since)
      .execute(),
    db
      .selectFrom('rounds')
      .select('decided_at as at')
      .where('decided_by', '=', reviewerId)
      .where('decided_at', '>=', since)
      .execute(),
  ]);
  return {
    finished: finished.map((r) => r.at),
    decided: decided.flatMap((r) => (r.at === null ? [] : [r.at])),
  };
}

/** Active reviewers with their open assignments and the reviews they finished since `since`. */
export async function reviewerLoads(
  db: Kysely<Database>,
  openStates: readonly AssessmentStatus[],
  since: string,
): Promise<{ id: string; name: string; open: number; finished: number }[]> {
  const rows = await db
    .selectFrom('users as u')
    .where('u.role', '=', 'reviewer')
    .where('u.disabled_at', 'is', null)
    .select(['u.id', 'u.name'])
    .select((eb) => [
      eb
        .selectFrom('assignments as s')
        .innerJoin('assessments as a', 'a.id', 's.assessment_id')
        .whereRef('s.reviewer_id', '=', 'u.id')
        .where('a.status', 'in', [...openStates])
        .select(sql<number | string>`count(*)`.as('n'))
        .as('open'),
      eb
        .selectFrom('review_finishes as f')
        .whereRef('f.reviewer_id', '=', 'u.id')
        .where('f.finished_at', '>=', since)
        .select(sql<number | string>`count(*)`.as('n'))
        .as('finished'),
    ])
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    open: Number(r.open ?? 0),
    finished: Number(r.finished ?? 0),
  }));
}

/** Submitted (or in review) and assigned to nobody. */
export async function unassignedCount(
  db: Kysely<Database>,
  openStates: readonly AssessmentStatus[],
): Promise<number> {
  const r = await db
    .selectFrom('assessments as a')
    .where('a.status', 'in', [...openStates])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('assignments as s')
            .select('s.reviewer_id')
            .whereRef('s.assessment_id', '=', 'a.id'),
        ),
      ),
    )
    .select(sql<number | string>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
