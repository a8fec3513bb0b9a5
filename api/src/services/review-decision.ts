import {
  type DecisionOutcome,
  nextStatus,
  type ScoreResult,
  score,
  statesFor,
} from '@zhiping/forms';
import type { Actor } from '../auth/session.ts';
import type { DecisionPreview } from '../contract/index.ts';
import { updateAssessmentIf } from '../db/repositories/assessments.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import { judgementsOf } from '../db/repositories/reviews.ts';
import { decideRoundIf, latestRound, type Round } from '../db/repositories/rounds.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { ensureAllowed } from './lifecycle.ts';
import { announce } from './notifications.ts';
import { type ReviewContext, reviewContext } from './review-context.ts';
import { effectiveJudgements, judgeableItems, overridesOf, reviewedSeal } from './review-rounds.ts';

/*
 * The decision: deliberate (approval needs every applicable item judged,
 * or 其余各项均同意 said explicitly), idempotent (the same decision again
 * answers as the first did, logging nothing), and final (the reviewed
 * result is computed once, here, and frozen and sealed with the round).
 */

interface Outcome {
  round: Round;
  reviewed: ScoreResult;
  seal: string;
  unjudged: string[];
  /** Items judged 观察项 that count (see `ItemResult.observation`). */
  observations: string[];
  judged: number;
  applicable: number;
}

async function outcomeOf(deps: Deps, ctx: ReviewContext, round: Round): Promise<Outcome> {
  const { row } = ctx;
  const { compiled } = await deps.definitions.get(`${row.definition_id}@${row.definition_version}`);
  const effective = effectiveJudgements(
    await judgementsOf(deps.db.kysely, row.id, round.number),
    ctx.lead?.id,
  );
  const reviewed = score(compiled, round.answers, {
    asOf: round.asOf,
    overrides: overridesOf(effective),
  });
  const applicable = judgeableItems(round.result);
  const unjudged = applicable.filter((i) => !effective.has(i));
  return {
    round,
    reviewed,
    observations: reviewed.items.filter((i) => i.observation === true).map((i) => i.id),
    seal: reviewedSeal(round.seal, effective, reviewed),
    unjudged,
    judged: applicable.length - unjudged.length,
    applicable: applicable.length,
  };
}

async function openRoundOf(deps: Deps, actor: Actor, id: string) {
  const ctx = await reviewContext(deps, actor, id);
  if (!ctx.round) throw new DomainError('not_found', { what: 'assessment' });
  return { ctx, round: ctx.round };
}

/** What a decision would freeze: the reviewed total and tier, for the confirmation dialog. */
export async function previewDecision(
  deps: Deps,
  actor: Actor,
  id: string,
  q: { outcome: DecisionOutcome; agreeRest: boolean },
): Promise<DecisionPreview> {
  const { ctx, round } = await openRoundOf(deps, actor, id);
  ensureAllowed('decide', ctx.row.status, ctx.relation);
  const o = await outcomeOf(deps, ctx, round);
  return {
    outcome: q.outcome,
    agreeRest: q.agreeRest,
    round: round.number,
    score: o.reviewed.total.score,
    verdict: o.reviewed.verdict.label,
    selfScore: round.result.total.score,
    selfVerdict: round.result.verdict.label,
    judged: o.judged,
    applicable: o.applicable,
    unjudged: o.unjudged,
    observations: o.observations,
    allowed: q.outcome === 'return' || q.agreeRest || o.unjudged.length === 0,
  };
}

/** The same decision again is answered as the first; a different one loses with 409. */
async function settledAlready(deps: Deps, id: string, round: number, outcome: DecisionOutcome) {
  const now = await latestRound(deps.db.kysely, id);
  const landed = now?.number === round ? now.decision : null;
  if (!landed) return null;
  if (landed.outcome === outcome) return landed;
  throw new DomainError('already_decided', { decision: landed.outcome });
}

/** The review's decision: approve, or return to the respondent with a comment. */
export async function decide(
  deps: Deps,
  actor: Actor,
  id: string,
  d: { outcome: DecisionOutcome; comment: string; agreeRest?: boolean | undefined },
): Promise<void> {
  const { ctx, round } = await openRoundOf(deps, actor, id);
  const { row } = ctx;
  // Only the lead decides, whatever the state (a repeat included).
  ensureAllowed('decide', 'in_review', ctx.relation);
  // A decision already taken on this round: the same one is a repeat, not an error.
  if (row.status !== 'in_review' && (await settledAlready(deps, id, round.number, d.outcome)))
    return;
  ensureAllowed('decide', row.status, ctx.relation);
  const agreeRest = d.agreeRest === true;
  const o = await outcomeOf(deps, ctx, round);
  if (d.outcome === 'approve' && !agreeRest && o.unjudged.length > 0)
    throw new DomainError('unjudged_items', { items: o.unjudged });
  const now = deps.now();
  const at = now.toISOString();
  const approved = d.outcome === 'approve';
  const ok = await deps.db.kysely.transaction().execute(async (trx) => {
    const first = await decideRoundIf(trx, id, round.number, {
      outcome: d.outcome,
      comment: d.comment,
      agreeRest: approved && agreeRest,
      by: actor.id,
      at,
      reviewed: o.reviewed,
      reviewedSeal: o.seal,
    });
    if (!first) return false;
    const changed = await updateAssessmentIf(
      trx,
      id,
      { states: statesFor('decide') },
      {
        status: nextStatus('decide', { outcome: d.outcome }) ?? row.status,
        decision: d.outcome,
        decision_comment: d.comment,
        decided_by: actor.id,
        decided_at: at,
        updated_at: at,
        // Lists show the decided figures from now on (read model, issue 15).
        ...(approved
          ? {
              list_score: o.reviewed.total.score,
              list_verdict:
                o.reviewed.verdict.label === null ? null : JSON.stringify(o.reviewed.verdict.label),
            }
          : {}),
      },
    );
    if (!changed) throw new DomainError('already_decided', { decision: d.outcome });
    await appendAudit(trx, {
      assessment: id,
      actor: actor.id,
      action: 'decided',
      detail: {
        round: round.number,
        outcome: d.outcome,
        comment: d.comment,
        agreeRest: approved && agreeRest,
        // 其余各项均同意: which items the decision agreed with unjudged.
        ...(approved && agreeRest && o.unjudged.length > 0 ? { agreedUnjudged: o.unjudged } : {}),
        ...(o.observations.length > 0 ? { observations: o.observations } : {}),
        selfScore: round.result.total.score,
        score: o.reviewed.total.score,
        verdict: o.reviewed.verdict.tier,
        seal: o.seal,
      },
      at: now,
    });
    await announce(trx, {
      kind: approved ? 'decided' : 'returned',
      assessment: { id, orgId: row.org_id },
      actorId: actor.id,
      detail: { round: round.number, outcome: d.outcome, score: o.reviewed.total.score },
      at,
    });
    return true;
  });
  if (!ok && !(await settledAlready(deps, id, round.number, d.outcome)))
    throw new DomainError('already_decided', { decision: d.outcome });
}
