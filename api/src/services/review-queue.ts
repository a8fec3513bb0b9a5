import type { Actor } from '../auth/session.ts';
import type { QueueEntry, QueueState, RoundSummary } from '../contract/index.ts';
import { findUser } from '../db/repositories/accounts.ts';
import { listAssessments } from '../db/repositories/assessments.ts';
import { reviewersOf } from '../db/repositories/reviews.ts';
import { finishesOf, latestRound, roundsOf } from '../db/repositories/rounds.ts';
import type { Deps } from '../deps.ts';
import { assessmentFor } from './access.ts';
import { summaryOf } from './present.ts';
import { SUBMITTED_STATES } from './review.ts';
import { decidedOf } from './review-outcome.ts';
import { leadOf } from './review-rounds.ts';

/* The reviewer's queue (待评审 / 已退回 / 已决定) and an assessment's rounds. */

const FILTER: Record<'pending' | 'returned' | 'decided', readonly QueueState[]> = {
  pending: ['pending', 'finished'],
  returned: ['returned'],
  decided: ['decided'],
};

/**
 * Reviewer: the assessments assigned to me, each with where it stands for
 * me — to judge (pending), judged and waiting for the lead (finished),
 * returned, or decided — and the decided outcome beside the self score.
 */
export async function queue(
  deps: Deps,
  actor: Actor,
  status?: 'pending' | 'returned' | 'decided' | undefined,
): Promise<QueueEntry[]> {
  const db = deps.db.kysely;
  const rows = await listAssessments(
    db,
    { reviewerId: actor.id },
    { states: SUBMITTED_STATES, order: 'submitted' },
  );
  const decided = await decidedOf(db, deps.definitions, rows);
  const out: QueueEntry[] = [];
  for (const r of rows) {
    const round = await latestRound(db, r.id);
    const lead = leadOf(await reviewersOf(db, r.id));
    const finished = round ? (await finishesOf(db, r.id, round.number)).has(actor.id) : false;
    const state: QueueState =
      r.status === 'decided'
        ? 'decided'
        : r.status === 'returned'
          ? 'returned'
          : finished
            ? 'finished'
            : 'pending';
    if (status && !FILTER[status].includes(state)) continue;
    out.push({
      ...(await summaryOf(deps.definitions, r, r.orgName)),
      review: { state, lead: lead?.id === actor.id, round: round?.number ?? 0 },
      reviewed: decided.get(r.id) ?? null,
    });
  }
  return out;
}

/** Every round of an assessment: what was submitted, sealed and decided. */
export async function roundList(deps: Deps, actor: Actor, id: string): Promise<RoundSummary[]> {
  const db = deps.db.kysely;
  await assessmentFor(db, actor, id);
  const rounds = await roundsOf(db, id);
  const names = new Map<string, string>();
  for (const r of rounds)
    if (r.decision && !names.has(r.decision.by))
      names.set(r.decision.by, (await findUser(db, r.decision.by))?.name ?? '');
  // While a round is under review its judgements are not the respondent's to see.
  return rounds.map((r) => ({
    number: r.number,
    submittedAt: r.submittedAt,
    seal: r.seal,
    asOf: r.asOf,
    selfScore: r.result.total.score,
    selfVerdict: r.result.verdict.label,
    decision: r.decision
      ? {
          outcome: r.decision.outcome,
          comment: r.decision.comment,
          reviewer: { id: r.decision.by, name: names.get(r.decision.by) ?? '' },
          at: r.decision.at,
          agreeRest: r.decision.agreeRest,
        }
      : null,
    reviewed: r.reviewed
      ? {
          score: r.reviewed.result.total.score,
          verdict: r.reviewed.result.verdict.label,
          seal: r.reviewed.seal,
        }
      : null,
  }));
}
