import type { ReviewStep } from '@zhiping/forms';
import { guard } from '@zhiping/forms';
import type { Actor } from '../auth/session.ts';
import type { Assessment } from '../db/repositories/assessments.ts';
import { type Assigned, reviewersOf } from '../db/repositories/reviews.ts';
import { latestRound, type Round } from '../db/repositories/rounds.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { assessmentFor, type Visible } from './access.ts';
import { leadOf } from './review-rounds.ts';

/* What every review step starts from: the assessment as the caller sees it, its reviewers and round. */

export interface ReviewContext extends Visible {
  reviewers: Assigned[];
  lead: Assigned | undefined;
  /** The latest round; undefined when never submitted. */
  round: Round | undefined;
}

export async function reviewContext(deps: Deps, actor: Actor, id: string): Promise<ReviewContext> {
  const db = deps.db.kysely;
  const { row, relation } = await assessmentFor(db, actor, id);
  const reviewers = await reviewersOf(db, id);
  const lead = leadOf(reviewers);
  return {
    row,
    relation: { ...relation, lead: relation.assigned ? lead?.id === actor.id : false },
    reviewers,
    lead,
    round: await latestRound(db, id),
  };
}

/** The latest round, which a review step needs. */
export function roundOf(ctx: ReviewContext) {
  if (!ctx.round) throw new DomainError('not_found', { what: 'assessment' });
  return ctx.round;
}

/** Throws unless the caller may take this review step now (the lifecycle decides). */
export function ensureStep(step: ReviewStep, row: Assessment, ctx: ReviewContext): void {
  const refusal = guard(step, row.status, ctx.relation);
  if (refusal === 'not_permitted')
    throw ctx.relation.assigned
      ? new DomainError('not_lead')
      : new DomainError('not_permitted', {});
  if (refusal === 'wrong_state')
    throw new DomainError('step_wrong_state', { assessmentStatus: row.status, step });
}

export type { Round };
