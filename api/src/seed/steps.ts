import type { Actor } from '../auth/session.ts';
import { revisionOf } from '../db/repositories/history.ts';
import type { Deps } from '../deps.ts';
import { autosave, reopen, submit } from '../services/assessments.ts';
import { assign, reviewItem } from '../services/review.ts';
import { decide } from '../services/review-decision.ts';
import type { Step } from './demo-file.ts';

export interface Cast {
  respondent: Actor;
  reviewer: Actor;
  admin: Actor;
}

/**
 * Plays one demo assessment's story through the services, each step at its
 * own date: the audit log, the rounds and the history read as if it had
 * happened then.
 */
export async function playSteps(deps: Deps, id: string, steps: readonly Step[], cast: Cast) {
  for (const step of steps) {
    const then: Deps = { ...deps, now: () => new Date(step.at) };
    const revision = () => revisionOf(deps.db.kysely, id);
    switch (step.do) {
      case 'submit':
        await submit(then, cast.respondent, id, await revision());
        break;
      case 'assign':
        await assign(then, cast.admin, id, cast.reviewer.id);
        break;
      case 'judge':
        await reviewItem(then, cast.reviewer, id, step.item, {
          verdict: 'override',
          status: step.status,
          points: step.points,
          reason: step.reason,
        });
        break;
      case 'approve': {
        // Every item not judged is agreed with, recorded as such (其余各项均同意).
        const d = { outcome: 'approve' as const, comment: step.comment, agreeRest: true };
        await decide(then, cast.reviewer, id, d);
        break;
      }
      case 'return':
        await decide(then, cast.reviewer, id, { outcome: 'return', comment: step.comment });
        break;
      case 'reopen':
        await reopen(then, cast.respondent, id, await revision());
        break;
      case 'save':
        await autosave(then, cast.respondent, id, {
          revision: await revision(),
          answers: step.set,
          asOf: step.asOf,
        });
        break;
    }
  }
}
