import type { AssessmentStatus } from '@zhiping/forms';
import type { Actor } from '../auth/session.ts';
import type {
  QueueEntry,
  QueuePage,
  QueuePageQuery,
  QueueState,
  QueueTab,
  RoundSummary,
} from '../contract/index.ts';
import { findUser } from '../db/repositories/accounts.ts';
import {
  type AssessmentFilter,
  assessmentPage,
  countOf,
} from '../db/repositories/assessment-pages.ts';
import { listAssessments } from '../db/repositories/assessments.ts';
import { reviewersOf } from '../db/repositories/reviews.ts';
import { finishesOf, latestRound, roundsOf } from '../db/repositories/rounds.ts';
import type { Deps } from '../deps.ts';
import { assessmentFor } from './access.ts';
import { summariesOf } from './assessment-list.ts';
import { commonFilter } from './list-filters.ts';
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

/** The assessment states under each tab: a review waiting for the lead stays under 待评审. */
const TAB_STATES: Record<QueueTab, readonly AssessmentStatus[]> = {
  pending: SUBMITTED_STATES.filter((s) => s !== 'returned' && s !== 'decided'),
  returned: ['returned'],
  decided: ['decided'],
};

/**
 * Reviewer: one page of one tab of my queue, searched, filtered (the date
 * range is the submission's) and sorted on the server, with each tab's
 * count under the same filters.
 */
export async function queuePage(deps: Deps, actor: Actor, q: QueuePageQuery): Promise<QueuePage> {
  const db = deps.db.kysely;
  const base: AssessmentFilter = {
    scope: { reviewerId: actor.id },
    ...(await commonFilter(deps, q, 'submitted_at')),
    organisationId: q.organisationId,
  };
  const of = (tab: QueueTab): AssessmentFilter => ({ ...base, statuses: TAB_STATES[tab] });
  const [{ rows, total }, pending, returned, decided] = await Promise.all([
    assessmentPage(db, deps.db.dialect, of(q.tab), q, q),
    countOf(db, of('pending')),
    countOf(db, of('returned')),
    countOf(db, of('decided')),
  ]);
  const summaries = await summariesOf(deps, rows);
  const items: QueueEntry[] = [];
  for (const s of summaries)
    items.push({
      ...s,
      review: await reviewStateOf(deps, actor, s.id, s.status),
      reviewed: s.reviewed ?? null,
    });
  return {
    items,
    total,
    page: q.page,
    pageSize: q.pageSize,
    counts: { pending, returned, decided },
  };
}

/** Where an assessment stands for me: to judge, judged (waiting for the lead), returned, decided. */
async function reviewStateOf(
  deps: Deps,
  actor: Actor,
  id: string,
  status: AssessmentStatus,
): Promise<QueueEntry['review']> {
  const db = deps.db.kysely;
  const round = await latestRound(db, id);
  const lead = leadOf(await reviewersOf(db, id));
  const finished = round ? (await finishesOf(db, id, round.number)).has(actor.id) : false;
  const state: QueueState =
    status === 'decided'
      ? 'decided'
      : status === 'returned'
        ? 'returned'
        : finished
          ? 'finished'
          : 'pending';
  return { state, lead: lead?.id === actor.id, round: round?.number ?? 0 };
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
