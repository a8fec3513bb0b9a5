import {
  AssessmentStatus,
  type DecisionOutcome,
  type JudgedStatus,
  nextStatus,
  type ReviewVerdict,
  statesFor,
} from '@zhiping/forms';
import type { Actor } from '../auth/session.ts';
import type { AssessmentSummary } from '../contract/index.ts';
import { findUser } from '../db/repositories/accounts.ts';
import {
  currentState,
  findAssessment,
  listAssessments,
  updateAssessmentIf,
} from '../db/repositories/assessments.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import {
  addAssignment,
  type ItemReview,
  itemReviewsOf,
  saveItemReview,
} from '../db/repositories/reviews.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { assessmentFor } from './access.ts';
import { ensureAllowed, relationOf, stateError } from './lifecycle.ts';
import { summaryOf } from './present.ts';

/** Every state past editing: drafts are private to their organisation. */
const SUBMITTED_STATES: readonly AssessmentStatus[] = AssessmentStatus.options.filter(
  (s) => !statesFor('edit').includes(s),
);

/** Admin: submitted assessments across organisations (summaries only), to assign reviewers. */
export async function assessmentsToAssign(deps: Deps): Promise<AssessmentSummary[]> {
  const rows = await listAssessments(deps.db.kysely, 'all', {
    states: SUBMITTED_STATES,
    order: 'submitted',
  });
  return Promise.all(rows.map((r) => summaryOf(deps.definitions, r, r.orgName)));
}

/** Reviewer: the assessments assigned to me. */
export async function queue(deps: Deps, actor: Actor): Promise<AssessmentSummary[]> {
  const rows = await listAssessments(
    deps.db.kysely,
    { reviewerId: actor.id },
    { states: SUBMITTED_STATES, order: 'submitted' },
  );
  return Promise.all(rows.map((r) => summaryOf(deps.definitions, r, r.orgName)));
}

/** Why a conditional write did not land: the state moved on meanwhile. */
async function movedOn(deps: Deps, id: string, action: 'assign' | 'judge' | 'decide') {
  const now = await currentState(deps.db.kysely, id);
  return now
    ? stateError(action, now.status)
    : new DomainError('not_found', { what: 'assessment' });
}

export async function assign(deps: Deps, actor: Actor, id: string, reviewerId: string) {
  const db = deps.db.kysely;
  const row = await findAssessment(db, id, 'all');
  // Drafts are private to their organisation: an admin cannot tell one exists.
  if (!row || row.status === 'draft') throw new DomainError('not_found', { what: 'assessment' });
  ensureAllowed('assign', row.status, relationOf(actor, row.org_id, false));
  const reviewer = await findUser(db, reviewerId);
  if (reviewer?.role !== 'reviewer') throw new DomainError('not_a_reviewer');
  const now = deps.now();
  const ok = await db.transaction().execute(async (trx) => {
    const changed = await updateAssessmentIf(
      trx,
      id,
      { states: statesFor('assign') },
      { status: nextStatus('assign') ?? row.status, updated_at: now.toISOString() },
    );
    if (!changed) return false;
    await addAssignment(trx, {
      assessmentId: id,
      reviewerId,
      by: actor.id,
      at: now.toISOString(),
    });
    await appendAudit(trx, {
      assessment: id,
      actor: actor.id,
      action: 'assigned',
      detail: { reviewer: reviewerId, name: reviewer.name },
      at: now,
    });
    return true;
  });
  if (!ok) throw await movedOn(deps, id, 'assign');
}

export interface ItemJudgement {
  verdict: ReviewVerdict;
  status?: JudgedStatus | undefined;
  points?: number | undefined;
  reason?: string | undefined;
  comment?: string | undefined;
}

/** A reviewer agrees with an item's self-assessment, or overrides it with a status and a reason. */
export async function reviewItem(
  deps: Deps,
  actor: Actor,
  id: string,
  itemId: string,
  j: ItemJudgement,
): Promise<ItemReview> {
  const db = deps.db.kysely;
  const { row, relation } = await assessmentFor(db, actor, id);
  ensureAllowed('judge', row.status, relation);
  const { compiled } = await deps.definitions.get(`${row.definition_id}@${row.definition_version}`);
  const index = compiled.itemIndex.get(itemId);
  const item = index === undefined ? undefined : compiled.items[index];
  if (!item) throw new DomainError('not_found', { what: 'item', id: itemId });
  const max = item.scorer.max;
  if (j.points !== undefined && j.points > max) throw new DomainError('points_too_high', { max });
  const now = deps.now();
  const override = j.verdict === 'override';
  const ok = await db.transaction().execute(async (trx) => {
    // Judging is possible only while the review runs: a decision taken meanwhile wins.
    const open = await updateAssessmentIf(
      trx,
      id,
      { states: statesFor('judge') },
      { updated_at: now.toISOString() },
    );
    if (!open) return false;
    await saveItemReview(trx, {
      assessmentId: id,
      itemId,
      reviewerId: actor.id,
      verdict: j.verdict,
      status: override ? (j.status ?? null) : null,
      points: override && j.status === 'partial' ? (j.points ?? null) : null,
      reason: override ? (j.reason ?? null) : null,
      comment: j.comment || null,
      at: now.toISOString(),
    });
    await appendAudit(trx, {
      assessment: id,
      actor: actor.id,
      action: 'reviewed',
      detail: { item: itemId, ...j },
      at: now,
    });
    return true;
  });
  if (!ok) throw await movedOn(deps, id, 'judge');
  const [saved] = await itemReviewsOf(db, id, itemId);
  if (!saved) throw new DomainError('not_found', { what: 'item', id: itemId });
  return saved;
}

/** The review's decision: approve, or return to the respondent with a comment. */
export async function decide(
  deps: Deps,
  actor: Actor,
  id: string,
  d: { outcome: DecisionOutcome; comment: string },
) {
  const db = deps.db.kysely;
  const { row, relation } = await assessmentFor(db, actor, id);
  ensureAllowed('decide', row.status, relation);
  const now = deps.now();
  const ok = await db.transaction().execute(async (trx) => {
    const changed = await updateAssessmentIf(
      trx,
      id,
      { states: statesFor('decide') },
      {
        status: nextStatus('decide', { outcome: d.outcome }) ?? row.status,
        decision: d.outcome,
        decision_comment: d.comment,
        decided_by: actor.id,
        decided_at: now.toISOString(),
        updated_at: now.toISOString(),
      },
    );
    if (!changed) return false;
    await appendAudit(trx, {
      assessment: id,
      actor: actor.id,
      action: 'decided',
      detail: d,
      at: now,
    });
    return true;
  });
  if (!ok) throw await movedOn(deps, id, 'decide');
}
