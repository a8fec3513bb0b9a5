import type { Relation } from '@zhiping/forms';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/session.ts';
import { type Assessment, findAssessment, type Scope } from '../db/repositories/assessments.ts';
import { reviewersOf } from '../db/repositories/reviews.ts';
import type { Database } from '../db/schema.ts';
import { DomainError } from '../domain/errors.ts';
import { relationOf } from './lifecycle.ts';
import { leadOf } from './review-rounds.ts';

/**
 * The one place that decides who sees an assessment: respondents see their
 * organisation's, reviewers those assigned to them. Anyone else gets the
 * same 404 as for an id that does not exist, so ids cannot be probed.
 * Admins manage assignments through their own list, not through this door:
 * an admin never reads an assessment, whatever organisation the admin's
 * account is placed in.
 */
export const scopeOf = (actor: Actor): Scope =>
  actor.role === 'reviewer' ? { reviewerId: actor.id } : { orgId: actor.orgId };

export interface Visible {
  row: Assessment;
  relation: Relation;
}

/** The assessment as the actor may see it, with how they relate to it; 404 otherwise. */
export async function assessmentFor(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
): Promise<Visible> {
  if (actor.role === 'admin') throw new DomainError('not_found', { what: 'assessment' });
  const row = await findAssessment(db, id, scopeOf(actor));
  if (!row) throw new DomainError('not_found', { what: 'assessment' });
  return { row, relation: await visibleRelation(db, actor, row) };
}

/**
 * How an actor who found `row` in their scope relates to it — or the 404
 * when a reviewer finds a draft: reviewers see submitted rounds only; a
 * draft reopened after a return is the respondent's again (answers, audit,
 * reports, files), as if absent. Of several reviewers, one leads (decides).
 */
export async function visibleRelation(
  db: Kysely<Database>,
  actor: Actor,
  row: { id: string; org_id: string; status: string },
): Promise<Relation> {
  if (actor.role !== 'reviewer') return relationOf(actor, row.org_id, false);
  if (row.status === 'draft') throw new DomainError('not_found', { what: 'assessment' });
  // Found through the reviewer scope means assigned.
  const lead = leadOf(await reviewersOf(db, row.id));
  return { ...relationOf(actor, row.org_id, true), lead: lead?.id === actor.id };
}
