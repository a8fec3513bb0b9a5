import { applicationsFor, findProgramme } from '../db/repositories/programmes.ts';
import type { Deps } from '../deps.ts';
import { assignAs } from './review.ts';

/**
 * Submission to a programme: when an applicant's assessment is submitted
 * (or a submitted one applies), the call's reviewers are assigned on behalf
 * of the office that runs it — the first as lead. Assigning is idempotent,
 * so a resubmission after a return changes nothing. A reviewer who cannot
 * take this applicant (say, from its own organisation) is skipped and
 * logged: the submission stands, and the office can assign another.
 */
export async function programmeSubmitted(deps: Deps, assessmentId: string): Promise<void> {
  const db = deps.db.kysely;
  const [live] = await applicationsFor(db, assessmentId);
  if (!live) return;
  const p = await findProgramme(db, live.programmeId);
  if (!p) return;
  for (const reviewer of p.reviewers) {
    try {
      await assignAs(deps, p.createdBy, assessmentId, reviewer);
    } catch (err) {
      deps.log.error(
        `programme ${p.id}: reviewer ${reviewer} not assigned to ${assessmentId}`,
        err,
      );
    }
  }
}
