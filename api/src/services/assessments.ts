import { randomUUID } from 'node:crypto';
import {
  type AnswerPatch,
  type Answers,
  applyPatch,
  contentHash,
  nextStatus,
  refOf,
  score,
  statesFor,
  validateAnswers,
} from '@zhiping/forms';
import type { Actor } from '../auth/session.ts';
import type { AssessmentDetail, AssessmentSummary } from '../contract/index.ts';
import {
  type Assessment,
  currentState,
  insertAssessment,
  listAssessments as listRows,
  updateAssessmentIf,
} from '../db/repositories/assessments.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import { hasReviewers } from '../db/repositories/reviews.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { assessmentFor } from './access.ts';
import { defaultAsOf } from './dates.ts';
import { unknownFileRefs } from './files.ts';
import { ensureAllowed, stateError } from './lifecycle.ts';
import { newTitle } from './names.ts';
import { detailOf, summaryOf } from './present.ts';

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
  return row;
}

/** The respondent's organisation's assessments, most recently changed first. */
export async function listAssessments(deps: Deps, actor: Actor): Promise<AssessmentSummary[]> {
  const rows = await listRows(deps.db.kysely, { orgId: actor.orgId }, { order: 'updated' });
  return Promise.all(rows.map((r) => summaryOf(deps.definitions, r, r.orgName)));
}

/**
 * Why a conditional write on `id` did not land: the state moved on (the
 * action is no longer possible) or someone else wrote first.
 */
async function lostRace(deps: Deps, id: string, action: 'edit' | 'submit' | 'reopen') {
  const now = await currentState(deps.db.kysely, id);
  if (!now) return new DomainError('not_found', { what: 'assessment' });
  return statesFor(action).includes(now.status)
    ? new DomainError('stale_revision', { currentRevision: now.revision })
    : stateError(action, now.status);
}

/**
 * Autosave: applies the answer patch (null clears one) to the revision the
 * client saw. The write is conditional on that revision and on a state that
 * may be edited, so of two saves made from the same revision exactly one
 * lands and the other gets 409.
 */
export async function autosave(
  deps: Deps,
  actor: Actor,
  id: string,
  body: {
    revision: number;
    answers: AnswerPatch;
    title?: string | undefined;
    asOf?: string | undefined;
    position?: string | null | undefined;
  },
) {
  const { row, relation } = await assessmentFor(deps.db.kysely, actor, id);
  ensureAllowed('edit', row.status, relation);
  if (row.revision !== body.revision)
    throw new DomainError('stale_revision', { currentRevision: row.revision });
  const { compiled } = await deps.definitions.get(pinnedRef(row));
  const answers = applyPatch(row.answers, body.answers);
  const asOf = body.asOf ?? row.as_of;
  const issues = validateAnswers(compiled, answers, { mode: 'draft', asOf });
  if (issues.length > 0) throw new DomainError('invalid_answers', { issues, stage: 'save' });
  const strays = await unknownFileRefs(deps, id, body.answers);
  if (strays.length > 0) throw new DomainError('unknown_files', { refs: strays });
  const now = deps.now();
  const revision = row.revision + 1;
  const saved = await deps.db.kysely.transaction().execute(async (trx) => {
    const ok = await updateAssessmentIf(
      trx,
      id,
      { states: statesFor('edit'), revision: body.revision },
      {
        answers,
        revision,
        updated_at: now.toISOString(),
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.asOf !== undefined ? { as_of: body.asOf } : {}),
        ...(body.position !== undefined ? { position: body.position } : {}),
      },
    );
    if (!ok) return false;
    await appendAudit(trx, {
      assessment: id,
      actor: actor.id,
      action: 'saved',
      detail: {
        revision,
        items: Object.keys(body.answers),
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.asOf !== undefined ? { asOf: body.asOf } : {}),
      },
      at: now,
    });
    return true;
  });
  if (!saved) throw await lostRace(deps, id, 'edit');
  return { revision, updatedAt: now.toISOString(), status: row.status };
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
        submission_hash: seal,
        submitted_at: now.toISOString(),
        updated_at: now.toISOString(),
      },
    );
    if (!changed) return false;
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
