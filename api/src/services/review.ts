import {
  AssessmentStatus,
  type JudgedStatus,
  nextStatus,
  type ReviewVerdict,
  statesFor,
} from '@zhiping/forms';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/session.ts';
import type { Judgement as JudgementBody, Reply } from '../contract/index.ts';
import { findUser } from '../db/repositories/accounts.ts';
import {
  type Assessment,
  currentState,
  findAssessment,
  updateAssessmentIf,
} from '../db/repositories/assessments.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import {
  addAssignment,
  type Judgement,
  judgementsOf,
  reviewersOf,
  saveJudgement,
  setLead,
} from '../db/repositories/reviews.ts';
import { finishesOf, markFinished, repliesOf, saveReply } from '../db/repositories/rounds.ts';
import type { Database } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { ensureAllowed, relationOf, stateError } from './lifecycle.ts';
import { announce } from './notifications.ts';
import { ensureStep, type ReviewContext, reviewContext, roundOf } from './review-context.ts';
import { itemHash } from './review-rounds.ts';

/*
 * The review's writes: assignment, judgements (a reviewer's own, or the
 * lead's settlement), finishing a review, and the respondent's replies.
 * Every write is conditional on the state it starts from; the decision is
 * in review-decision.ts.
 */

/** Every state past editing: drafts are private to their organisation. */
export const SUBMITTED_STATES: readonly AssessmentStatus[] = AssessmentStatus.options.filter(
  (s) => !statesFor('edit').includes(s),
);

/** Why a conditional write did not land: the state moved on meanwhile. */
export async function movedOn(deps: Deps, id: string, action: 'assign' | 'judge' | 'decide') {
  const now = await currentState(deps.db.kysely, id);
  return now
    ? stateError(action, now.status)
    : new DomainError('not_found', { what: 'assessment' });
}

/**
 * Assigns a reviewer (admin). The first one assigned leads; `lead: true`
 * hands the lead to this one. A reviewer of the respondent's own
 * organisation is refused; assigning the same reviewer again changes
 * nothing and logs nothing.
 */
export async function assign(
  deps: Deps,
  actor: Actor,
  id: string,
  reviewerId: string,
  opts: { lead?: boolean | undefined } = {},
) {
  const row = await findAssessment(deps.db.kysely, id, 'all');
  // Drafts are private to their organisation: an admin cannot tell one exists.
  if (!row || row.status === 'draft') throw new DomainError('not_found', { what: 'assessment' });
  ensureAllowed('assign', row.status, relationOf(actor, row.org_id, false));
  await assignReviewer(deps, actor.id, row, reviewerId, opts);
}

/**
 * Assigns on behalf of `byUserId` without the admin check: a programme's
 * office assigns its call's reviewers when an application is submitted.
 * The same rules hold (no draft, a reviewer, not of the respondent's organisation).
 */
export async function assignAs(deps: Deps, byUserId: string, id: string, reviewerId: string) {
  const row = await findAssessment(deps.db.kysely, id, 'all');
  if (!row || row.status === 'draft') throw new DomainError('not_found', { what: 'assessment' });
  await assignReviewer(deps, byUserId, row, reviewerId, {});
}

async function assignReviewer(
  deps: Deps,
  by: string,
  row: Assessment,
  reviewerId: string,
  opts: { lead?: boolean | undefined },
) {
  const db = deps.db.kysely;
  const id = row.id;
  const reviewer = await findUser(db, reviewerId);
  if (reviewer?.role !== 'reviewer') throw new DomainError('not_a_reviewer');
  if (reviewer.organisation.id === row.org_id)
    throw new DomainError('conflict_of_interest', { organisation: reviewer.organisation.name });
  const before = await reviewersOf(db, id);
  const already = before.find((r) => r.id === reviewerId);
  if (already && (!opts.lead || already.lead)) return; // nothing would change
  const now = deps.now();
  const at = now.toISOString();
  const ok = await db.transaction().execute(async (trx) => {
    const changed = await updateAssessmentIf(
      trx,
      id,
      { states: statesFor('assign') },
      { status: nextStatus('assign') ?? row.status, updated_at: at },
    );
    if (!changed) return false;
    const added = await addAssignment(trx, {
      assessmentId: id,
      reviewerId,
      by,
      at,
      lead: before.length === 0 || opts.lead === true,
    });
    const leadMoved = opts.lead === true && (await setLead(trx, id, reviewerId));
    if (added) {
      await appendAudit(trx, {
        assessment: id,
        actor: by,
        action: 'assigned',
        detail: {
          reviewer: reviewerId,
          name: reviewer.name,
          lead: before.length === 0 || !!opts.lead,
        },
        at: now,
      });
      await announce(trx, {
        kind: 'assigned',
        assessment: { id, orgId: row.org_id },
        actorId: by,
        to: reviewerId,
        detail: { lead: before.length === 0 || !!opts.lead },
        at,
      });
    } else if (leadMoved) {
      const old = before.find((r) => r.lead);
      await appendAudit(trx, {
        assessment: id,
        actor: by,
        action: 'lead_changed',
        detail: { from: old?.id ?? null, to: reviewerId },
        at: now,
      });
    }
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

/** A stored judgement as the contract shows it. */
export const judgementOut = (j: Judgement): JudgementBody => ({
  item: j.item,
  verdict: j.verdict,
  status: j.status,
  points: j.points,
  reason: j.reason,
  comment: j.comment,
  reviewer: j.reviewer,
  kind: j.kind,
  round: j.round,
  judgedRound: j.judgedRound,
  state: j.state,
  updatedAt: j.updatedAt,
});

/** Checks the item and the points against the definition. */
async function checkItem(deps: Deps, ctx: ReviewContext, itemId: string, j: ItemJudgement) {
  const { row } = ctx;
  const { compiled } = await deps.definitions.get(`${row.definition_id}@${row.definition_version}`);
  const index = compiled.itemIndex.get(itemId);
  const item = index === undefined ? undefined : compiled.items[index];
  if (!item) throw new DomainError('not_found', { what: 'item', id: itemId });
  const max = item.scorer.max;
  if (j.points !== undefined && j.points > max) throw new DomainError('points_too_high', { max });
}

const summary = (j: Judgement | undefined) =>
  j ? { verdict: j.verdict, status: j.status, points: j.points, state: j.state } : null;

/** Saves one judgement inside the state-conditional transaction; false when the review closed meanwhile. */
async function writeJudgement(
  deps: Deps,
  actor: Actor,
  ctx: ReviewContext,
  itemId: string,
  kind: 'own' | 'final',
  j: ItemJudgement,
): Promise<Judgement> {
  const db = deps.db.kysely;
  const round = roundOf(ctx);
  const id = ctx.row.id;
  const [previous] = await judgementsOf(db, id, round.number, {
    item: itemId,
    reviewerId: actor.id,
    kind,
  });
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
    await saveJudgement(trx, {
      assessmentId: id,
      round: round.number,
      item: itemId,
      reviewerId: actor.id,
      kind,
      verdict: j.verdict,
      status: override ? (j.status ?? null) : null,
      points: override && j.status === 'partial' ? (j.points ?? null) : null,
      reason: override ? (j.reason ?? null) : null,
      comment: j.comment || null,
      answerHash: itemHash(round.answers, itemId),
      state: 'current',
      judgedRound: round.number,
      at: now.toISOString(),
    });
    await appendAudit(trx, {
      assessment: id,
      actor: actor.id,
      action: kind === 'final' ? 'settled' : 'reviewed',
      detail: { round: round.number, item: itemId, ...j, previous: summary(previous) },
      at: now,
    });
    return true;
  });
  if (!ok) throw await movedOn(deps, id, 'judge');
  const [saved] = await judgementsOf(db, id, round.number, {
    item: itemId,
    reviewerId: actor.id,
    kind,
  });
  if (!saved) throw new DomainError('not_found', { what: 'item', id: itemId });
  return saved;
}

/** A reviewer agrees with an item's self-assessment, or overrides it with a status and a reason. */
export async function reviewItem(
  deps: Deps,
  actor: Actor,
  id: string,
  itemId: string,
  j: ItemJudgement,
): Promise<JudgementBody> {
  const ctx = await reviewContext(deps, actor, id);
  ensureAllowed('judge', ctx.row.status, ctx.relation);
  const round = roundOf(ctx);
  if ((await finishesOf(deps.db.kysely, id, round.number)).has(actor.id))
    throw new DomainError('review_finished');
  await checkItem(deps, ctx, itemId, j);
  return judgementOut(await writeJudgement(deps, actor, ctx, itemId, 'own', j));
}

/**
 * 批量同意: agrees with each listed item the reviewer has no current
 * judgement of (a judgement already given, or one to re-judge that was
 * overridden, is left for the reviewer to look at). One audit entry.
 */
export async function agreeItems(deps: Deps, actor: Actor, id: string, items: string[]) {
  const db = deps.db.kysely;
  const ctx = await reviewContext(deps, actor, id);
  ensureAllowed('judge', ctx.row.status, ctx.relation);
  const round = roundOf(ctx);
  if ((await finishesOf(db, id, round.number)).has(actor.id))
    throw new DomainError('review_finished');
  const { compiled } = await deps.definitions.get(
    `${ctx.row.definition_id}@${ctx.row.definition_version}`,
  );
  const unknown = items.find((i) => !compiled.itemIndex.has(i));
  if (unknown !== undefined) throw new DomainError('not_found', { what: 'item', id: unknown });
  const mine = new Map(
    (await judgementsOf(db, id, round.number, { reviewerId: actor.id, kind: 'own' })).map((j) => [
      j.item,
      j,
    ]),
  );
  const todo = [...new Set(items)].filter((i) => mine.get(i)?.state !== 'current');
  const now = deps.now();
  const ok = await db.transaction().execute(async (trx) => {
    const open = await updateAssessmentIf(
      trx,
      id,
      { states: statesFor('judge') },
      { updated_at: now.toISOString() },
    );
    if (!open) return false;
    for (const item of todo)
      await saveJudgement(trx, {
        assessmentId: id,
        round: round.number,
        item,
        reviewerId: actor.id,
        kind: 'own',
        verdict: 'agree',
        status: null,
        points: null,
        reason: null,
        comment: mine.get(item)?.comment ?? null,
        answerHash: itemHash(round.answers, item),
        state: 'current',
        judgedRound: round.number,
        at: now.toISOString(),
      });
    if (todo.length > 0)
      await appendAudit(trx, {
        assessment: id,
        actor: actor.id,
        action: 'reviewed',
        detail: { round: round.number, items: todo, verdict: 'agree', bulk: true },
        at: now,
      });
    return true;
  });
  if (!ok) throw await movedOn(deps, id, 'judge');
  return { saved: todo.length };
}

/** A reviewer marks their independent review of this round finished (their judgements lock). */
export async function finishReview(deps: Deps, actor: Actor, id: string) {
  const db = deps.db.kysely;
  const ctx = await reviewContext(deps, actor, id);
  ensureStep('finish', ctx.row, ctx);
  const round = roundOf(ctx);
  const now = deps.now();
  await db.transaction().execute(async (trx) => {
    const fresh = await markFinished(trx, {
      assessmentId: id,
      round: round.number,
      reviewerId: actor.id,
      at: now.toISOString(),
    });
    if (fresh) {
      await touch(trx, id, now);
      await appendAudit(trx, {
        assessment: id,
        actor: actor.id,
        action: 'finished',
        detail: { round: round.number },
        at: now,
      });
    }
  });
}

/** Marks the assessment changed (its ETag) without changing its state. */
const touch = (trx: Kysely<Database>, id: string, now: Date) =>
  trx
    .updateTable('assessments')
    .set({ updated_at: now.toISOString() })
    .where('id', '=', id)
    .execute();

/**
 * The lead settles an item's final judgement, once every reviewer has
 * finished judging independently (with one reviewer there is nothing to
 * wait for).
 */
export async function settleItem(
  deps: Deps,
  actor: Actor,
  id: string,
  itemId: string,
  j: ItemJudgement,
): Promise<JudgementBody> {
  const ctx = await reviewContext(deps, actor, id);
  ensureStep('settle', ctx.row, ctx);
  const round = roundOf(ctx);
  const finished = await finishesOf(deps.db.kysely, id, round.number);
  const waiting = ctx.reviewers.filter((r) => r.id !== actor.id && !finished.has(r.id));
  if (waiting.length > 0)
    throw new DomainError('reviews_unfinished', { reviewers: waiting.map((r) => r.name) });
  await checkItem(deps, ctx, itemId, j);
  return judgementOut(await writeJudgement(deps, actor, ctx, itemId, 'final', j));
}

/**
 * The respondent answers a reviewer's comment on an item of the last
 * round, while the assessment is back with them (returned or reopened).
 */
export async function reply(
  deps: Deps,
  actor: Actor,
  id: string,
  itemId: string,
  text: string,
): Promise<Reply> {
  const db = deps.db.kysely;
  const ctx = await reviewContext(deps, actor, id);
  ensureStep('reply', ctx.row, ctx);
  const round = roundOf(ctx);
  if (round.decision?.outcome !== 'return')
    throw new DomainError('step_wrong_state', { assessmentStatus: ctx.row.status, step: 'reply' });
  const commented = (await judgementsOf(db, id, round.number, { item: itemId })).some(
    (j) => j.comment,
  );
  if (!commented) throw new DomainError('nothing_to_reply', { item: itemId });
  const now = deps.now();
  await db.transaction().execute(async (trx) => {
    await saveReply(trx, {
      assessmentId: id,
      round: round.number,
      item: itemId,
      authorId: actor.id,
      text,
      at: now.toISOString(),
    });
    await touch(trx, id, now);
    await appendAudit(trx, {
      assessment: id,
      actor: actor.id,
      action: 'replied',
      detail: { round: round.number, item: itemId, text },
      at: now,
    });
  });
  const saved = (await repliesOf(db, id)).find(
    (r) => r.round === round.number && r.item === itemId,
  );
  if (!saved) throw new DomainError('not_found', { what: 'item', id: itemId });
  return saved;
}
