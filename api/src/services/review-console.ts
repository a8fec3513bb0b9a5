import type { Actor } from '../auth/session.ts';
import type { ConsoleItem, ReviewConsole } from '../contract/index.ts';
import { judgementsOf } from '../db/repositories/reviews.ts';
import { finishesOf, repliesOf, roundsOf } from '../db/repositories/rounds.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { judgementOut } from './review.ts';
import { reviewContext } from './review-context.ts';
import { changeOf, effectiveJudgements, judgeableItems } from './review-rounds.ts';

/*
 * The review console's data, per item of the latest round: the self
 * status, what changed since the previous round, my judgement, the others'
 * (once the review is no longer blind), the one that counts, and the
 * comment thread with the respondent's replies.
 */
export async function reviewConsole(deps: Deps, actor: Actor, id: string): Promise<ReviewConsole> {
  const db = deps.db.kysely;
  const ctx = await reviewContext(deps, actor, id);
  const { relation, reviewers, lead } = ctx;
  const rounds = await roundsOf(db, id);
  const round = rounds.at(-1);
  if (!round) throw new DomainError('not_found', { what: 'assessment' });
  const isReviewer = relation.role === 'reviewer';
  // The respondent reads the review once it is back with them, as on the detail.
  if (!isReviewer && !round.decision) throw new DomainError('not_found', { what: 'assessment' });
  const previous = rounds.at(-2);
  const finished = await finishesOf(db, id, round.number);
  const everyoneDone = reviewers.length > 0 && reviewers.every((r) => finished.has(r.id));
  const all = await judgementsOf(db, id, round.number);
  const counted = effectiveJudgements(all, lead?.id);
  const mayReadCounted = !isReviewer || relation.lead !== false || everyoneDone;
  const othersVisible = isReviewer && everyoneDone;
  const replies = await repliesOf(db, id);
  // Comments of earlier rounds (carried judgements keep the round they were made in).
  const threads = new Map<string, ConsoleItem['thread']>();
  for (const r of rounds.slice(0, -1)) {
    for (const j of await judgementsOf(db, id, r.number)) {
      if (!j.comment || j.judgedRound !== r.number) continue;
      const list = threads.get(j.item) ?? [];
      list.push({
        round: r.number,
        reviewer: j.reviewer,
        comment: j.comment,
        reply: replies.find((x) => x.round === r.number && x.item === j.item) ?? null,
      });
      threads.set(j.item, list);
    }
  }
  // A returned round's own comments: the respondent answers them now.
  if (round.decision?.outcome === 'return')
    for (const j of counted.values())
      if (j.comment && j.judgedRound === round.number) {
        const list = threads.get(j.item) ?? [];
        list.push({
          round: round.number,
          reviewer: j.reviewer,
          comment: j.comment,
          reply: replies.find((x) => x.round === round.number && x.item === j.item) ?? null,
        });
        threads.set(j.item, list);
      }
  const judgeable = new Set(judgeableItems(round.result));
  const items: ConsoleItem[] = round.result.items.map((i) => {
    const own = all.filter((j) => j.item === i.id && j.kind === 'own');
    const mine = isReviewer ? own.find((j) => j.reviewer.id === actor.id) : undefined;
    const current = own.filter((j) => j.state === 'current');
    const statuses = new Set(current.map((j) => (j.verdict === 'agree' ? 'agree' : j.status)));
    const final = mayReadCounted ? counted.get(i.id) : undefined;
    return {
      item: i.id,
      section: i.section,
      applicable: judgeable.has(i.id),
      selfStatus: i.status,
      selfPoints: i.points,
      max: i.max,
      changed: previous ? changeOf(previous.answers, round.answers, i.id) : null,
      mine: mine ? judgementOut(mine) : null,
      others: othersVisible ? own.filter((j) => j.reviewer.id !== actor.id).map(judgementOut) : [],
      final: final ? judgementOut(final) : null,
      disagreement: othersVisible && statuses.size > 1,
      thread: threads.get(i.id) ?? [],
    };
  });
  // Progress: mine for a reviewer; the judgements that count for the respondent.
  const judgedBy = (item: string) =>
    isReviewer
      ? all.some(
          (j) =>
            j.item === item &&
            j.reviewer.id === actor.id &&
            j.kind === 'own' &&
            j.state === 'current',
        )
      : counted.has(item);
  const me = reviewers.find((r) => r.id === actor.id);
  return {
    round: round.number,
    reviewers: reviewers.map((r) => ({
      id: r.id,
      name: r.name,
      lead: r.id === lead?.id,
      finishedAt: finished.get(r.id) ?? null,
    })),
    me: me ? { lead: me.id === lead?.id, finishedAt: finished.get(me.id) ?? null } : null,
    othersVisible,
    progress: {
      judged: [...judgeable].filter(judgedBy).length,
      applicable: judgeable.size,
      needsRecheck: all.filter(
        (j) =>
          j.state === 'needs-recheck' &&
          (isReviewer ? j.reviewer.id === actor.id && j.kind === 'own' : counted.has(j.item)),
      ).length,
    },
    items,
  };
}
