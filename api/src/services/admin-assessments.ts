import type { Actor } from '../auth/session.ts';
import type { AdminAssessmentPage, AdminAssessmentQuery } from '../contract/index.ts';
import { findUser } from '../db/repositories/accounts.ts';
import { removeAssignment, reviewersOfMany } from '../db/repositories/admin-assessments.ts';
import { appendAdminAudit } from '../db/repositories/admin-audit.ts';
import { assessmentPage } from '../db/repositories/assessment-pages.ts';
import { findAssessment } from '../db/repositories/assessments.ts';
import { type Person, reviewersOf } from '../db/repositories/reviews.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { summariesOf } from './assessment-list.ts';
import { ensureAllowed, relationOf } from './lifecycle.ts';
import { commonFilter } from './list-filters.ts';
import { assign } from './review.ts';

/*
 * Every assessment of every organisation, for the admin: summaries only (an
 * admin never opens one), and who reviews it. Drafts are listed so the admin
 * sees the whole picture; they still cannot be opened or assigned.
 */
export async function adminAssessments(
  deps: Deps,
  q: AdminAssessmentQuery,
): Promise<AdminAssessmentPage> {
  const db = deps.db.kysely;
  const { rows, total } = await assessmentPage(
    db,
    deps.db.dialect,
    {
      scope: 'all',
      ...(await commonFilter(deps, q, 'updated_at')),
      qInOrganisation: true,
      statuses: q.status ? [q.status] : undefined,
      organisationId: q.organisationId,
      region: q.region,
      reviewerId: q.reviewerId,
    },
    q,
    { page: q.page, pageSize: q.pageSize },
  );
  const [summaries, reviewers] = await Promise.all([
    summariesOf(deps, rows),
    reviewersOfMany(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  const items = summaries.map((s) => ({ ...s, reviewers: reviewers.get(s.id) ?? [] }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Makes the assessment's reviewers exactly `wanted`: assigns the new ones
 * (through the review service, which moves a submitted assessment into
 * review) and unassigns the others. Sending the same list again changes
 * nothing and logs nothing. An assessment under review keeps at least one.
 */
export async function setReviewers(
  deps: Deps,
  actor: Actor,
  id: string,
  wanted: string[],
): Promise<Person[]> {
  const db = deps.db.kysely;
  const row = await findAssessment(db, id, 'all');
  // Drafts are private to their organisation, as for a single assignment.
  if (!row || row.status === 'draft') throw new DomainError('not_found', { what: 'assessment' });
  const before = await reviewersOf(db, id);
  const had = before.map((p) => p.id);
  if (same(had, wanted)) return before.map(person);
  ensureAllowed('assign', row.status, relationOf(actor, row.org_id, false));
  if (wanted.length === 0) throw new DomainError('reviewer_required');
  const added = wanted.filter((r) => !had.includes(r));
  const removed = had.filter((r) => !wanted.includes(r));
  // Check every newcomer before changing anything: no half-applied reassignment.
  for (const r of added) {
    const u = await findUser(db, r);
    if (u?.role !== 'reviewer') throw new DomainError('not_a_reviewer');
    // The review service refuses this too; checked here so nothing is half-applied.
    if (u.organisation.id === row.org_id)
      throw new DomainError('conflict_of_interest', { organisation: u.organisation.name });
  }
  for (const r of added) await assign(deps, actor, id, r);
  const at = deps.now();
  await db.transaction().execute(async (trx) => {
    for (const r of removed) await removeAssignment(trx, id, r);
    await appendAdminAudit(trx, {
      actor: actor.id,
      action: 'reviewers_changed',
      target: { kind: 'assessment', id },
      detail: { before: had, after: wanted, added, removed },
      at,
    });
  });
  return (await reviewersOf(db, id)).map(person);
}

const person = (p: Person): Person => ({ id: p.id, name: p.name });
