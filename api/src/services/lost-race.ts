import { statesFor } from '@zhiping/forms';
import { currentState } from '../db/repositories/assessments.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { stateError } from './lifecycle.ts';

/**
 * Why a conditional write on `id` did not land: the state moved on (the
 * action is no longer possible) or someone else wrote first.
 */
export async function lostRace(deps: Deps, id: string, action: 'edit' | 'submit' | 'reopen') {
  const now = await currentState(deps.db.kysely, id);
  if (!now) return new DomainError('not_found', { what: 'assessment' });
  return statesFor(action).includes(now.status)
    ? new DomainError('stale_revision', { currentRevision: now.revision })
    : stateError(action, now.status);
}
