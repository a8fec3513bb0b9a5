import { randomUUID } from 'node:crypto';
import {
  type Answers,
  contentHash,
  nextStatus,
  refOf,
  score,
  statesFor,
  validateAnswers,
} from '@zhiping/forms';
import type { Actor } from '../auth/session.ts';
import type { AssessmentDetail, AssessmentListQuery, AssessmentPage } from '../contract/index.ts';
import {
  type Assessment,
  insertAssessment,
  updateAssessmentIf,
} from '../db/repositories/assessments.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import { hasReviewers } from '../db/repositories/reviews.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { assessmentFor } from './access.ts';
import { listSummaries } from './assessment-list.ts';
import { defaultAsOf } from './dates.ts';
import { draftCacheFor } from './draft-cache.ts';
import { unknownFileRefs } from './files.ts';
import { ensureAllowed } from './lifecycle.ts';
import { lostRace } from './lost-race.ts';
import { newTitle } from './names.ts';
import { detailOf } from './present.ts';
import { programmeSubmitted } from './programme-submitted.ts';
import { computeSelf, readModelColumns, selfModel } from './read-model.ts';
import { openRound } from './review-rounds.ts';

export { autosave } from './autosave.ts';

const pinnedRef = (row: Assessment) => `${row.definition_id}@${row.definition_version}`;

/** Starts a draft pinned to the definition's exact version and content hash. */
export async function createAssessment(
  deps: Deps,
  actor: Actor,
  input: {
    definition: string;
    title?: string | undefined;
    asOf?: string | undefined;
    answers?: Answers | undefined;
  },
): Promise<Assessment> {
  const { row: def, definition, compiled } = await deps.definitions.get(input.definition);
  const audience: readonly string[] = definition.audience;
  if (!audience.includes(actor.orgKind))
    throw new DomainError('wrong_audience', {
      title: definition.title,
      audience: definition.audience,
    });
  const answers = input.answers ?? {};
  const now = deps.now();
  const today = defaultAsOf(now, deps.config.TIME_ZONE);
  const asOf = input.asOf ?? today;
  const issues = validateAnswers(compiled, answers, { mode: 'draft', asOf });
  if (issues.length > 0) throw new DomainError('invalid_answers', { issues, stage: 'create' });
  const strays = await unknownFileRefs(deps, '', answers);
  if (strays.length > 0) throw new DomainError('unknown_files', { refs: strays });
  const self = computeSelf(compiled, answers, asOf);
  const row: Assessment = {
    id: randomUUID(),
    org_id: actor.orgId,
    definition_id: def.id,
    definition_version: def.version,
    definition_hash: def.hash,
    title: input.title ?? (await newTitle(deps.db.kysely, actor.orgId, definition, today)),
    status: 'draft',
    revision: 1,
    answers,
    as_of: asOf,
    position: null,
    result: null,
    submission_hash: null,
    submitted_at: null,
    decision: null,
    decision_comment: null,
    decided_by: null,
    decided_at: null,
    created_by: actor.id,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    ...readModelColumns(self, 1),
  };
  await deps.db.kysely.transaction().execute(async (trx) => {
    await insertAssessment(trx, row);
    await appendAudit(trx, {
      assessment: row.id,
      actor: actor.id,
      action: 'created',
      detail: { definition: refOf(def), hash: def.hash },
      at: now,
    });
  });
  // Opened next, then saved: both find the draft and its result here.
  draftCacheFor(deps.db).put(row.id, {
    orgId: row.org_id,
    status: row.status,
    revision: row.revision,
    definitionRef: refOf(def),
    asOf,
    answers,
    self,
  });
  return row;
}

/** The respondent's organisation's assessments, most recently changed first, a page at a time. */
export function listAssessments(
  deps: Deps,
  actor: Actor,
  query: AssessmentListQuery,
): Promise<AssessmentPage> {
  return listSummaries(deps, { orgId: actor.orgId }, query);
}

/**
 * Freezes the answers, scores them on the server and seals them with a
 * SHA-256. Validation and scoring see the same assessment date, so what is
 * required is the same for both.
 */
export async function submit(deps: Deps, actor: Actor, id: string, revision: number) {
  const { row, relation } = await assessmentFor(deps.db.kysely, actor, id);
  ensureAllowed('submit', row.status, relation);
  if (row.revision !== revision)
    throw new DomainError('stale_revision', { currentRevision: row.revision });
  const { row: def, compiled } = await deps.definitions.get(pinnedRef(row));
  const { answers, as_of: asOf } = row;
  const issues = validateAnswers(compiled, answers, { mode: 'submit', asOf });
  if (issues.length > 0) throw new DomainError('invalid_answers', { issues, stage: 'submit' });
  const result = score(compiled, answers, { asOf });
  const now = deps.now();
  const seal = contentHash({
    assessment: row.id,
    definition: refOf(def),
    definitionHash: def.hash,
    asOf,
    answers,
  });
  const ok = await deps.db.kysely.transaction().execute(async (trx) => {
    // A resubmission after a return keeps its reviewers: straight back into review.
    const status = nextStatus('submit', { hasReviewers: await hasReviewers(trx, id) });
    const changed = await updateAssessmentIf(
      trx,
      id,
      { states: statesFor('submit'), revision },
      {
        status: status ?? row.status,
        revision: revision + 1,
        result,
        // The self result is the frozen one from now on.
        ...readModelColumns(selfModel(result), revision + 1, true),
        submission_hash: seal,
        submitted_at: now.toISOString(),
        updated_at: now.toISOString(),
      },
    );
    if (!changed) return false;
    // Each submission is a numbered round (issue 13): review-rounds.ts.
    await openRound(trx, {
      assessmentId: id,
      orgId: row.org_id,
      answers,
      asOf,
      result,
      seal,
      by: actor.id,
      at: now.toISOString(),
    });
    await appendAudit(trx, {
      assessment: id,
      actor: actor.id,
      action: 'submitted',
      detail: {
        revision: revision + 1,
        seal,
        score: result.total.score,
        verdict: result.verdict.tier,
      },
      at: now,
    });
    return true;
  });
  if (!ok) throw await lostRace(deps, id, 'submit');
  await programmeSubmitted(deps, id);
}

/** A returned assessment goes back to draft, keeping its answers and the review so far. */
export async function reopen(deps: Deps, actor: Actor, id: string, revision: number) {
  const { row, relation } = await assessmentFor(deps.db.kysely, actor, id);
  ensureAllowed('reopen', row.status, relation);
  if (row.revision !== revision)
    throw new DomainError('stale_revision', { currentRevision: row.revision });
  const now = deps.now();
  const ok = await deps.db.kysely.transaction().execute(async (trx) => {
    const changed = await updateAssessmentIf(
      trx,
      id,
      { states: statesFor('reopen'), revision },
      {
        status: nextStatus('reopen') ?? row.status,
        revision: revision + 1,
        result: null,
        submission_hash: null,
        submitted_at: null,
        decision: null,
        decision_comment: null,
        decided_by: null,
        decided_at: null,
        updated_at: now.toISOString(),
        // Lists show the self figures again; the next read recomputes them.
        model_revision: null,
      },
    );
    if (!changed) return false;
    await appendAudit(trx, {
      assessment: id,
      actor: actor.id,
      action: 'reopened',
      detail: { revision: revision + 1, previousSeal: row.submission_hash },
      at: now,
    });
    return true;
  });
  if (!ok) throw await lostRace(deps, id, 'reopen');
}

/** One assessment as the caller may see it, with what they may do now. */
export async function assessmentDetail(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<AssessmentDetail> {
  const { row, relation } = await assessmentFor(deps.db.kysely, actor, id);
  return detailOf(deps.db.kysely, deps.definitions, row, relation);
}
