import {
  type AgreementRating,
  type ReviewAgreement,
  ratingOf,
  reviewAgreement,
} from '@zhiping/forms';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/session.ts';
import { findUser } from '../db/repositories/accounts.ts';
import {
  type Judgement,
  judgementsOf,
  reviewersOf,
  roundsJudgedBy,
} from '../db/repositories/reviews.ts';
import { finishesOf, type Round, roundsOf } from '../db/repositories/rounds.ts';
import type { Database } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { reviewContext } from './review-context.ts';
import { judgeableItems } from './review-rounds.ts';

/*
 * How far independent reviewers agree (the maths is the engine's,
 * `@zhiping/forms` agreement/): each reviewer's own current judgements of
 * a round, read as ratings on the ordinal status scale. Only finished
 * reviews count — a review half done would look like disagreement.
 */

function ratingsOf(round: Round, own: readonly Judgement[], reviewerIds: readonly string[]) {
  const self = new Map(round.result.items.map((i) => [i.id, i.status]));
  const ratings: Record<string, Record<string, AgreementRating | null>> = {};
  for (const r of reviewerIds) ratings[r] = {};
  for (const j of own) {
    const by = ratings[j.reviewer.id];
    const status = self.get(j.item);
    if (!by || status === undefined || j.state !== 'current') continue;
    by[j.item] =
      j.verdict === 'override' && j.status
        ? ratingOf(status, { verdict: 'override', status: j.status })
        : ratingOf(status, { verdict: 'agree' });
  }
  return ratings;
}

async function agreementOfRound(db: Kysely<Database>, round: Round, reviewerIds: string[]) {
  const finished = await finishesOf(db, round.assessmentId, round.number);
  const done = reviewerIds.filter((r) => finished.has(r));
  if (done.length < 2) return null;
  const own = await judgementsOf(db, round.assessmentId, round.number, { kind: 'own' });
  return reviewAgreement(ratingsOf(round, own, done), { items: judgeableItems(round.result) });
}

/** Agreement on one round of an assessment (the latest by default), once its reviewers finished. */
export async function assessmentAgreement(
  deps: Deps,
  actor: Actor,
  id: string,
  roundNumber: number | undefined,
) {
  const db = deps.db.kysely;
  const ctx = await reviewContext(deps, actor, id);
  const rounds = await roundsOf(db, id);
  const round =
    roundNumber === undefined ? rounds.at(-1) : rounds.find((r) => r.number === roundNumber);
  if (!round) throw new DomainError('not_found', { what: 'assessment' });
  // The respondent sees it once the round is back with them; reviewers once every one finished.
  if (actor.role === 'respondent' && !round.decision)
    throw new DomainError('not_found', { what: 'assessment' });
  const ids = ctx.reviewers.map((r) => r.id);
  const finished = await finishesOf(db, id, round.number);
  const allDone = ids.every((r) => finished.has(r));
  return {
    round: round.number,
    reviewers: ctx.reviewers.map((r) => ({ id: r.id, name: r.name })),
    agreement: allDone || round.decision ? await agreementOfRound(db, round, ids) : null,
  };
}

/** A reviewer's agreement with their co-reviewers, round by round (their own page, or an admin's view). */
export async function reviewerAgreement(deps: Deps, actor: Actor, reviewerId: string) {
  if (actor.role !== 'admin' && actor.id !== reviewerId)
    throw new DomainError('not_permitted', { roles: ['admin'] });
  const db = deps.db.kysely;
  const reviewer = await findUser(db, reviewerId);
  if (reviewer?.role !== 'reviewer') throw new DomainError('not_found', { what: 'user' });
  const out: {
    assessment: { id: string; title: string };
    round: number;
    at: string;
    agreement: ReviewAgreement;
  }[] = [];
  for (const r of await roundsJudgedBy(db, reviewerId)) {
    const round = (await roundsOf(db, r.assessmentId)).find((x) => x.number === r.round);
    if (!round) continue;
    const ids = (await reviewersOf(db, r.assessmentId)).map((x) => x.id);
    if (!ids.includes(reviewerId)) ids.push(reviewerId);
    const agreement = await agreementOfRound(db, round, ids);
    if (!agreement || agreement.raters < 2) continue;
    out.push({
      assessment: { id: r.assessmentId, title: r.title },
      round: round.number,
      at: round.decision?.at ?? round.submittedAt,
      agreement,
    });
  }
  out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { reviewer: { id: reviewer.id, name: reviewer.name }, rounds: out };
}
