import { allowedActions, type Relation, refOf, type ScoreResult, score } from '@zhiping/forms';
import type { Kysely } from 'kysely';
import type { AssessmentDetail, AssessmentSummary } from '../contract/index.ts';
import { findOrganisation, findUser } from '../db/repositories/accounts.ts';
import type { Assessment } from '../db/repositories/assessments.ts';
import { storedFileNames } from '../db/repositories/files.ts';
import type { Database } from '../db/schema.ts';
import type { DefinitionStore, StoredDefinition } from './definitions.ts';
import { decidedOf, reviewView } from './review-outcome.ts';

/*
 * Assessments as the contract shows them. Reads never decide anything:
 * what the caller may do comes from the lifecycle (`allowedActions`), what
 * they may see of the review from `reviewVisibleTo`.
 */

const pinned = (defs: DefinitionStore, row: Assessment) =>
  defs.get(`${row.definition_id}@${row.definition_version}`);

/** The self-assessed result: frozen at submission, computed live for a draft at its date. */
export function selfResult(row: Assessment, def: StoredDefinition): ScoreResult {
  return row.result ?? score(def.compiled, row.answers, { asOf: row.as_of });
}

export async function summaryOf(
  defs: DefinitionStore,
  row: Assessment,
  orgName: string,
): Promise<AssessmentSummary> {
  const def = await pinned(defs, row);
  return summaryFrom(row, def, selfResult(row, def), orgName);
}

function summaryFrom(
  row: Assessment,
  { definition }: StoredDefinition,
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
      title: definition.title,
    },
    organisation: { id: row.org_id, name: orgName },
    asOf: row.as_of,
    score: r.total.score,
    verdict: r.verdict.label,
    progress: { answered: r.progress.answered, applicable: r.progress.applicable },
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Evidence answers cite files by id; the name shown is the one stored with
 * the upload, not whatever name the citing answer carried.
 */
function withStoredNames(answers: Assessment['answers'], names: Map<string, string>) {
  if (names.size === 0) return answers;
  const out: Assessment['answers'] = {};
  for (const [item, v] of Object.entries(answers)) {
    out[item] =
      typeof v === 'object' && v !== null && 'files' in v && Array.isArray(v.files)
        ? {
            ...v,
            files: v.files.map((f) =>
              typeof f === 'object' && f !== null && typeof f.id === 'string'
                ? { ...f, name: names.get(f.id) ?? f.name }
                : f,
            ),
          }
        : v;
  }
  return out;
}

export async function detailOf(
  db: Kysely<Database>,
  defs: DefinitionStore,
  row: Assessment,
  relation: Relation,
): Promise<AssessmentDetail> {
  const def = await pinned(defs, row);
  const org = await findOrganisation(db, row.org_id);
  const result = selfResult(row, def);
  // Rounds, judgements and the frozen reviewed result (issue 13): review-outcome.ts.
  const { round, reviewers, reviews, reviewedResult } = await reviewView(db, def, row, relation);
  const decided = (await decidedOf(db, defs, [row])).get(row.id) ?? null;
  const decider = row.decided_by ? await findUser(db, row.decided_by) : undefined;
  return {
    ...summaryFrom(row, def, result, org?.name ?? ''),
    definitionHash: row.definition_hash,
    answers: withStoredNames(row.answers, await storedFileNames(db, row.id)),
    position: row.position,
    result,
    reviewedResult,
    submissionHash: row.submission_hash,
    round,
    reviewed: decided,
    reviewers,
    reviews,
    decision:
      row.decision && row.decided_at
        ? {
            outcome: row.decision,
            comment: row.decision_comment ?? '',
            reviewer: decider
              ? { id: decider.id, name: decider.name }
              : { id: row.decided_by ?? '', name: '' },
            at: row.decided_at,
          }
        : null,
    can: allowedActions(row.status, relation),
  };
}
