import {
  Answers,
  type AssessmentStatus,
  type ScoreResult,
  StoredScoreResult,
} from '@zhiping/forms';
import type { Kysely, Updateable } from 'kysely';
import type { AssessmentRow, AssessmentTable, Database } from '../schema.ts';
import { parseColumn, toColumn } from './json.ts';

/*
 * Assessments as typed records: the `answers` and `result` JSON columns
 * are parsed here, once, with the engine's schemas — a result frozen by an
 * older engine (sentences instead of codes) is upgraded on the way in.
 */

export type Assessment = Omit<AssessmentRow, 'answers' | 'result'> & {
  answers: Answers;
  result: ScoreResult | null;
};

/** Which assessments a query may see: one organisation's, or those assigned to one reviewer. */
export type Scope = { orgId: string } | { reviewerId: string } | 'all';

type Changes = Omit<Updateable<AssessmentTable>, 'answers' | 'result' | 'id'> & {
  answers?: Answers;
  result?: ScoreResult | null;
};

export function fromRow(row: AssessmentRow): Assessment {
  return {
    ...row,
    answers: parseColumn(Answers, row.answers, `assessments.answers of ${row.id}`),
    result:
      row.result === null
        ? null
        : parseColumn(StoredScoreResult, row.result, `assessments.result of ${row.id}`),
  };
}

function toRow(a: Changes) {
  const { answers, result, ...rest } = a;
  return {
    ...rest,
    ...(answers !== undefined ? { answers: toColumn(answers) } : {}),
    ...(result !== undefined ? { result: result === null ? null : toColumn(result) } : {}),
  };
}

/** One assessment within a scope, or undefined (absent and out of scope look the same). */
export async function findAssessment(
  db: Kysely<Database>,
  id: string,
  scope: Scope,
): Promise<Assessment | undefined> {
  let q = db.selectFrom('assessments').selectAll().where('id', '=', id);
  if (scope !== 'all' && 'orgId' in scope) q = q.where('org_id', '=', scope.orgId);
  else if (scope !== 'all')
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('assignments')
          .select('assessment_id')
          .where('assignments.assessment_id', '=', id)
          .where('assignments.reviewer_id', '=', scope.reviewerId),
      ),
    );
  const row = await q.executeTakeFirst();
  return row && fromRow(row);
}

export type ListedAssessment = Assessment & { orgName: string };

/** Assessments within a scope (and states), newest activity first, with their organisation's name. */
export async function listAssessments(
  db: Kysely<Database>,
  scope: Scope,
  o: { states?: readonly AssessmentStatus[]; order: 'updated' | 'submitted' },
): Promise<ListedAssessment[]> {
  let q = db
    .selectFrom('assessments as a')
    .innerJoin('organisations as o', 'o.id', 'a.org_id')
    .selectAll('a')
    .select('o.name as orgName');
  if (scope !== 'all' && 'orgId' in scope) q = q.where('a.org_id', '=', scope.orgId);
  else if (scope !== 'all')
    q = q
      .innerJoin('assignments as s', 's.assessment_id', 'a.id')
      .where('s.reviewer_id', '=', scope.reviewerId);
  if (o.states) q = q.where('a.status', 'in', [...o.states]);
  q = q.orderBy(o.order === 'updated' ? 'a.updated_at' : 'a.submitted_at', 'desc');
  const rows = await q.execute();
  return rows.map(({ orgName, ...r }) => ({ ...fromRow(r), orgName }));
}

export async function insertAssessment(db: Kysely<Database>, a: Assessment): Promise<void> {
  await db
    .insertInto('assessments')
    .values({
      ...a,
      answers: toColumn(a.answers),
      result: a.result === null ? null : toColumn(a.result),
    })
    .execute();
}

/**
 * Applies `changes` only while the assessment is in one of `states` (and,
 * when given, still at `revision`): the conditional write that makes two
 * writers from one revision, or a write racing a change of state, safe.
 * True when the row was changed.
 */
export async function updateAssessmentIf(
  db: Kysely<Database>,
  id: string,
  when: { states: readonly AssessmentStatus[]; revision?: number },
  changes: Changes,
): Promise<boolean> {
  let q = db
    .updateTable('assessments')
    .set(toRow(changes))
    .where('id', '=', id)
    .where('status', 'in', [...when.states]);
  if (when.revision !== undefined) q = q.where('revision', '=', when.revision);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The assessment's state and revision now, for telling a lost race's kind. */
export async function currentState(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('assessments')
    .select(['status', 'revision'])
    .where('id', '=', id)
    .executeTakeFirst();
}
