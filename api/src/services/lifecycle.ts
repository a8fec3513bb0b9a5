import { type Action, type AssessmentStatus, guard, type Relation } from '@zhiping/forms';
import type { Actor } from '../auth/session.ts';
import { DomainError } from '../domain/errors.ts';

/*
 * The services' side of the lifecycle (`@zhiping/forms` lifecycle/): how
 * an actor relates to an assessment, and the domain error for a refusal.
 * Which action is allowed in which state, and by whom, is decided there.
 */

/** How `actor` relates to an assessment of `orgId`; `assigned` when they are one of its reviewers. */
export const relationOf = (actor: Actor, orgId: string, assigned: boolean): Relation => ({
  role: actor.role,
  owner: actor.orgId === orgId,
  assigned,
});

/** The 409 for an action the assessment's state does not allow. */
export function stateError(action: Action, status: AssessmentStatus): DomainError {
  return action === 'edit' || action === 'submit'
    ? new DomainError('not_editable', { assessmentStatus: status })
    : new DomainError('wrong_state', { assessmentStatus: status, action });
}

/** Throws unless `relation` may take `action` on an assessment in `status` now. */
export function ensureAllowed(action: Action, status: AssessmentStatus, relation: Relation): void {
  const refusal = guard(action, status, relation);
  if (refusal === 'not_permitted') throw new DomainError('not_permitted', { action });
  if (refusal === 'wrong_state') throw stateError(action, status);
}
