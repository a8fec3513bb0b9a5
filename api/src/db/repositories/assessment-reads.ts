import type { AssessmentStatus } from '@zhiping/forms';
import { type Kysely, sql } from 'kysely';
import { jsonArrayFrom as pgArray } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteArray } from 'kysely/helpers/sqlite';
import { z } from 'zod';
import type { Dialect } from '../open.ts';
import { type Placeholder, prepared } from '../prepared.ts';
import type { AssessmentRow, Database } from '../schema.ts';
import type { Scope } from './assessments.ts';
import { parseColumn } from './json.ts';

/*
 * The read side of assessments as raw rows: one query for a detail (the
 * assessment with its organisation's name, the decider's name and the
 * reviewers), and the shape of a list row (the read-model columns only;
 * the lists' queries are in assessment-pages.ts). JSON columns stay text
 * here: the service decides whether a row is trusted (read model current)
 * or must be parsed and checked.
 */

const Reviewers = z.array(z.object({ id: z.string(), name: z.string() }));

export type DetailRow = AssessmentRow & {
  orgName: string;
  deciderName: string | null;
  reviewers: z.infer<typeof Reviewers>;
};

/*
 * The detail query, prepared once per dialect and kind of scope (it runs on
 * every GET of an assessment; db/prepared.ts says why).
 */
type DetailArgs = { id: string; orgId: string; reviewerId: string };
const detailQuery = (scope: 'all' | 'org' | 'reviewer') =>
  prepared((db, p: Placeholder<DetailArgs>, dialect) => {
    const arrayOf = dialect === 'postgres' ? pgArray : sqliteArray;
    const scoped = inScope(
      scope === 'all'
        ? 'all'
        : scope === 'org'
          ? { orgId: p('orgId') }
          : { reviewerId: p('reviewerId') },
    );
    return db
      .selectFrom('assessments as a')
      .innerJoin('organisations as o', 'o.id', 'a.org_id')
      .leftJoin('users as d', 'd.id', 'a.decided_by')
      .selectAll('a')
      .select(['o.name as orgName', 'd.name as deciderName'])
      .select((eb) =>
        arrayOf(
          eb
            .selectFrom('assignments as s')
            .innerJoin('users as u', 'u.id', 's.reviewer_id')
            .select(['u.id', 'u.name'])
            .whereRef('s.assessment_id', '=', 'a.id')
            .orderBy('s.assigned_at'),
        ).as('reviewers'),
      )
      .where('a.id', '=', p('id'))
      .where(scoped);
  });
const detailQueries = {
  all: detailQuery('all'),
  org: detailQuery('org'),
  reviewer: detailQuery('reviewer'),
} as const;

/** One assessment within a scope with what a detail shows beside it, in one query. */
export async function findDetailRow(
  db: Kysely<Database>,
  dialect: Dialect,
  id: string,
  scope: Scope,
): Promise<DetailRow | undefined> {
  const kind = scope === 'all' ? 'all' : 'orgId' in scope ? 'org' : 'reviewer';
  const { rows } = await detailQueries[kind](db, dialect, {
    id,
    orgId: scope !== 'all' && 'orgId' in scope ? scope.orgId : '',
    reviewerId: scope !== 'all' && 'reviewerId' in scope ? scope.reviewerId : '',
  });
  const row = rows[0];
  if (!row) return undefined;
  // SQLite hands the JSON array back as text, PostgreSQL already parsed.
  const raw: unknown = row.reviewers;
  const reviewers =
    typeof raw === 'string'
      ? parseColumn(Reviewers, raw, `reviewers of ${id}`)
      : Reviewers.parse(raw);
  return { ...row, reviewers };
}

/** What a respondent's reread needs to name the version it would send (its ETag). */
export type DetailHead = Pick<
  AssessmentRow,
  'id' | 'org_id' | 'status' | 'revision' | 'definition_hash' | 'updated_at'
>;

/*
 * The few small columns an ETag is made of, for an organisation's own
 * assessment: when the process already holds the body for that tag (see
 * assessment-view.ts), a reread reads no answers, result or joins at all.
 */
const headQuery = prepared((db, p: Placeholder<{ id: string; orgId: string }>) =>
  db
    .selectFrom('assessments')
    .select(['id', 'org_id', 'status', 'revision', 'definition_hash', 'updated_at'])
    .where('id', '=', p('id'))
    .where('org_id', '=', p('orgId')),
);

export async function findDetailHead(
  db: Kysely<Database>,
  dialect: Dialect,
  id: string,
  orgId: string,
): Promise<DetailHead | undefined> {
  return (await headQuery(db, dialect, { id, orgId })).rows[0];
}

/*
 * The same columns for several assessments in one statement (PostgreSQL:
 * `= any($1)` keeps the SQL the same whatever the number of ids, so it stays
 * one named statement). Rows of every organisation: the caller checks whose.
 */
const headsQuery = prepared((db, p: Placeholder<{ ids: string[] }>) =>
  db
    .selectFrom('assessments')
    .select(['id', 'org_id', 'status', 'revision', 'definition_hash', 'updated_at'])
    .where(sql<boolean>`id = any(${p('ids')})`),
);

/** The ETag columns of each of `ids` that exists (PostgreSQL only). */
export async function findDetailHeads(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<DetailHead[]> {
  return (await headsQuery(db, 'postgres', { ids: [...ids] })).rows;
}

/** The scope as a condition on `a` (the assessments' alias in these queries). */
function inScope(scope: Scope) {
  if (scope === 'all') return sql<boolean>`true`;
  if ('orgId' in scope) return sql<boolean>`a.org_id = ${scope.orgId}`;
  return sql<boolean>`exists (select 1 from assignments r where r.assessment_id = a.id and r.reviewer_id = ${scope.reviewerId})`;
}

/** A row as lists show it: read-model columns, never the answers or a result. */
export interface ListRow {
  id: string;
  title: string;
  status: AssessmentStatus;
  revision: number;
  definition_id: string;
  definition_version: string;
  org_id: string;
  orgName: string;
  as_of: string;
  submitted_at: string | null;
  updated_at: string;
  model_revision: number | null;
  list_score: number | null;
  list_verdict: string | null;
  list_answered: number | null;
  list_applicable: number | null;
}

/** The columns of a `ListRow` (the assessment as `a`, its organisation as `o`). */
export const LIST_COLUMNS = [
  'a.id',
  'a.title',
  'a.status',
  'a.revision',
  'a.definition_id',
  'a.definition_version',
  'a.org_id',
  'o.name as orgName',
  'a.as_of',
  'a.submitted_at',
  'a.updated_at',
  'a.model_revision',
  'a.list_score',
  'a.list_verdict',
  'a.list_answered',
  'a.list_applicable',
] as const;

/** Answers and date of rows whose read model is missing or stale, to compute it once. */
export async function answersOf(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('assessments')
    .select(['id', 'revision', 'answers', 'as_of', 'result', 'definition_id', 'definition_version'])
    .where('id', 'in', ids)
    .execute();
}

/**
 * Stores a read model computed on read for a row written without one;
 * conditional on the revision it was computed for, so a save that landed
 * meanwhile is never overwritten with an older model. A decided
 * assessment keeps the list figures its decision wrote.
 */
export async function storeReadModel(
  db: Kysely<Database>,
  id: string,
  revision: number,
  cols: ReadModelColumns,
  keepListFigures: boolean,
): Promise<void> {
  const { self_result, model_revision } = cols;
  await db
    .updateTable('assessments')
    .set(keepListFigures ? { self_result, model_revision } : cols)
    .where('id', '=', id)
    .where('revision', '=', revision)
    .execute();
}

/** The read-model columns (see migrations/0007-read-model.ts). */
export interface ReadModelColumns {
  /** The full self result as JSON: stored when frozen (submitted); null for a draft. */
  self_result: string | null;
  model_revision: number;
  list_score: number;
  list_verdict: string | null;
  list_answered: number;
  list_applicable: number;
}
