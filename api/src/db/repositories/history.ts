import {
  Answers,
  type AssessmentStatus,
  type DecisionOutcome,
  type ScoreResult,
  StoredScoreResult,
} from '@zhiping/forms';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../schema.ts';
import { parseColumn } from './json.ts';

/*
 * Reads for an organisation's history: its assessments of one definition and
 * their rounds. The rounds table belongs to the review (migration 0005); only
 * the columns read here are named, so this file does not depend on the rest.
 */

interface RoundColumns {
  assessment_id: string;
  number: number;
  as_of: string;
  result: string;
  submitted_at: string;
  decision: DecisionOutcome | null;
  decided_at: string | null;
  reviewed_result: string | null;
}

export interface HistoryRow {
  id: string;
  title: string;
  status: AssessmentStatus;
  definitionVersion: string;
  asOf: string;
  answers: Answers;
  result: ScoreResult | null;
  submittedAt: string | null;
  decision: DecisionOutcome | null;
  decidedAt: string | null;
  createdAt: string;
}

export interface RoundRow {
  assessmentId: string;
  number: number;
  asOf: string;
  result: ScoreResult;
  submittedAt: string;
  decision: DecisionOutcome | null;
  decidedAt: string | null;
  reviewedResult: ScoreResult | null;
}

/** One organisation's assessments of one definition, oldest first (by assessment date, then creation). */
export async function assessmentsOfLine(
  db: Kysely<Database>,
  orgId: string,
  definitionId: string,
): Promise<HistoryRow[]> {
  const rows = await db
    .selectFrom('assessments')
    .select([
      'id',
      'title',
      'status',
      'definition_version',
      'as_of',
      'answers',
      'result',
      'submitted_at',
      'decision',
      'decided_at',
      'created_at',
    ])
    .where('org_id', '=', orgId)
    .where('definition_id', '=', definitionId)
    .orderBy('as_of')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    definitionVersion: r.definition_version,
    asOf: r.as_of,
    answers: parseColumn(Answers, r.answers, `assessments.answers of ${r.id}`),
    result:
      r.result === null
        ? null
        : parseColumn(StoredScoreResult, r.result, `assessments.result of ${r.id}`),
    submittedAt: r.submitted_at,
    decision: r.decision,
    decidedAt: r.decided_at,
    createdAt: r.created_at,
  }));
}

/** The rounds (submissions) of some assessments, in order. */
export async function roundsOfAssessments(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<RoundRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .withTables<{ rounds: RoundColumns }>()
    .selectFrom('rounds')
    .select([
      'assessment_id',
      'number',
      'as_of',
      'result',
      'submitted_at',
      'decision',
      'decided_at',
      'reviewed_result',
    ])
    .where('assessment_id', 'in', [...ids])
    .orderBy('assessment_id')
    .orderBy('number')
    .execute();
  const where = (r: RoundColumns, c: string) => `rounds.${c} of ${r.assessment_id}#${r.number}`;
  return rows.map((r) => ({
    assessmentId: r.assessment_id,
    number: Number(r.number),
    asOf: r.as_of,
    result: parseColumn(StoredScoreResult, r.result, where(r, 'result')),
    submittedAt: r.submitted_at,
    decision: r.decision,
    decidedAt: r.decided_at,
    reviewedResult:
      r.reviewed_result === null
        ? null
        : parseColumn(StoredScoreResult, r.reviewed_result, where(r, 'reviewed_result')),
  }));
}

/** Definitions an organisation has assessments of, with how many. */
export async function definitionsAssessed(db: Kysely<Database>, orgId: string) {
  const rows = await db
    .selectFrom('assessments')
    .select(['definition_id', db.fn.countAll<number>().as('n')])
    .where('org_id', '=', orgId)
    .groupBy('definition_id')
    .orderBy('definition_id')
    .execute();
  return rows.map((r) => ({ definition: r.definition_id, count: Number(r.n) }));
}

export async function organisationShortName(db: Kysely<Database>, orgId: string) {
  const r = await db
    .selectFrom('organisations')
    .select(['name', 'short_name'])
    .where('id', '=', orgId)
    .executeTakeFirst();
  return r && { name: r.name, shortName: r.short_name };
}

export async function setShortName(db: Kysely<Database>, orgId: string, shortName: string | null) {
  await db
    .updateTable('organisations')
    .set({ short_name: shortName })
    .where('id', '=', orgId)
    .execute();
}

/** Renames an assessment; true when it exists. */
export async function setTitle(
  db: Kysely<Database>,
  id: string,
  title: string,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('assessments')
    .set({ title, updated_at: at })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** An assessment's id and title, within its organisation. */
export async function titleOf(db: Kysely<Database>, id: string, orgId: string) {
  return db
    .selectFrom('assessments')
    .select(['id', 'title'])
    .where('id', '=', id)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

const SubmittedDetail = z.object({
  score: z.number(),
  verdict: z.string().nullable(),
});

/**
 * Submissions as the audit log recorded them (score and tier id at each
 * submit), for assessments whose rounds were not recorded in the rounds
 * table: the log is append-only, so every earlier submission is there.
 */
export async function submissionsFromAudit(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('audit_log')
    .select(['assessment_id', 'detail', 'at'])
    .where('assessment_id', 'in', [...ids])
    .where('action', '=', 'submitted')
    .orderBy('id')
    .execute();
  return rows.map((r) => {
    const d = parseColumn(SubmittedDetail, r.detail, `audit_log.detail of ${r.assessment_id}`);
    return { assessmentId: r.assessment_id, at: r.at, score: d.score, tier: d.verdict };
  });
}

/** An assessment's current revision (the seed's scripted saves need it). */
export async function revisionOf(db: Kysely<Database>, id: string): Promise<number> {
  const r = await db
    .selectFrom('assessments')
    .select('revision')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(r.revision);
}

/** The platform organisation (administrators' own), if there is one. */
export async function findPlatform(db: Kysely<Database>) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('kind', '=', 'platform')
    .orderBy('created_at')
    .executeTakeFirst();
}
