import {
  type Answers,
  contentHash,
  EvidenceFile,
  type ItemOverride,
  type ScoreResult,
} from '@zhiping/forms';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { answerHash } from '../db/migrations/0005-review-rounds.ts';
import {
  type Assigned,
  insertJudgements,
  type Judgement,
  judgementsOf,
} from '../db/repositories/reviews.ts';
import { insertRound, latestRound } from '../db/repositories/rounds.ts';
import type { Database } from '../db/schema.ts';
import { announce } from './notifications.ts';

/*
 * Rounds and what a judgement applies to. A judgement judged one answer
 * (its hash); when a resubmission changes that answer the judgement is
 * carried into the new round as 待复核 (`needs-recheck`) and stops
 * applying until a reviewer judges the item again.
 */

export { answerHash };

/** The hash of an item's answer in a set of answers (own keys only). */
export const itemHash = (answers: Answers, item: string) =>
  answerHash(Object.hasOwn(answers, item) ? answers[item] : null);

/**
 * Opens the next round inside the submission's transaction and carries
 * the previous round's judgements into it: those whose answer is unchanged
 * stay current, the others need judging again. Returns the round's number.
 */
export async function openRound(
  trx: Kysely<Database>,
  r: {
    assessmentId: string;
    orgId: string;
    answers: Answers;
    asOf: string;
    result: ScoreResult;
    seal: string;
    by: string;
    at: string;
  },
): Promise<number> {
  const prev = await latestRound(trx, r.assessmentId);
  const number = (prev?.number ?? 0) + 1;
  await insertRound(trx, {
    assessmentId: r.assessmentId,
    number,
    answers: r.answers,
    asOf: r.asOf,
    result: r.result,
    seal: r.seal,
    submittedBy: r.by,
    submittedAt: r.at,
  });
  if (prev) {
    const carried = await judgementsOf(trx, r.assessmentId, prev.number);
    await insertJudgements(
      trx,
      carried.map((j) => ({
        assessmentId: r.assessmentId,
        round: number,
        item: j.item,
        reviewerId: j.reviewer.id,
        kind: j.kind,
        verdict: j.verdict,
        status: j.status,
        points: j.points,
        reason: j.reason,
        comment: j.comment,
        answerHash: j.answerHash,
        state:
          j.state === 'current' && j.answerHash === itemHash(r.answers, j.item)
            ? 'current'
            : 'needs-recheck',
        judgedRound: j.judgedRound,
        at: j.updatedAt,
      })),
    );
    await announce(trx, {
      kind: 'resubmitted',
      assessment: { id: r.assessmentId, orgId: r.orgId },
      actorId: r.by,
      detail: { round: number },
      at: r.at,
    });
  }
  return number;
}

/** The lead among the assigned reviewers (the first assigned if none is marked). */
export const leadOf = (reviewers: readonly Assigned[]): Assigned | undefined =>
  reviewers.find((r) => r.lead) ?? reviewers[0];

/**
 * The judgement that counts per item: the lead's settlement, else the
 * lead's own judgement — and only while current. With one reviewer that is
 * simply their judgement.
 */
export function effectiveJudgements(
  judgements: readonly Judgement[],
  leadId: string | undefined,
): Map<string, Judgement> {
  const out = new Map<string, Judgement>();
  for (const j of judgements) {
    if (j.state !== 'current') continue;
    if (j.kind === 'final') out.set(j.item, j);
    else if (j.reviewer.id === leadId && out.get(j.item)?.kind !== 'final') out.set(j.item, j);
  }
  return out;
}

/** Judgements as the engine's item overrides (agreeing changes nothing). */
export function overridesOf(effective: ReadonlyMap<string, Judgement>) {
  const overrides: Record<string, ItemOverride> = {};
  for (const [item, j] of effective)
    if (j.verdict === 'override' && j.status)
      overrides[item] = { status: j.status, points: j.points ?? undefined };
  return overrides;
}

/** Items a reviewer must judge: applicable and scored in the round's self result. */
export const judgeableItems = (result: ScoreResult) =>
  result.items
    .filter((i) => i.visible && i.status !== 'not_applicable' && i.max > 0)
    .map((i) => i.id);

/** The seal of a decided round's reviewed result: the round's seal, the judgements, the outcome. */
export function reviewedSeal(
  roundSeal: string,
  effective: ReadonlyMap<string, Judgement>,
  reviewed: ScoreResult,
): string {
  return contentHash({
    round: roundSeal,
    judgements: [...effective.values()]
      .map((j) => ({
        item: j.item,
        verdict: j.verdict,
        status: j.status,
        points: j.points,
        answer: j.answerHash,
      }))
      .sort((a, b) => (a.item < b.item ? -1 : a.item > b.item ? 1 : 0)),
    score: reviewed.total.score,
    tier: reviewed.verdict.tier,
  });
}

type FileRef = z.infer<typeof EvidenceFile>;
const WithFiles = z.object({ files: z.array(EvidenceFile) });

const filesOf = (v: unknown): FileRef[] => {
  const r = WithFiles.safeParse(v);
  return r.success ? r.data.files : [];
};

export interface ItemChange {
  before: unknown;
  after: unknown;
  evidenceAdded: FileRef[];
  evidenceRemoved: FileRef[];
}

/** What changed in an item's answer between two rounds, or null when nothing did. */
export function changeOf(before: Answers, after: Answers, item: string): ItemChange | null {
  if (itemHash(before, item) === itemHash(after, item)) return null;
  const b = Object.hasOwn(before, item) ? before[item] : undefined;
  const a = Object.hasOwn(after, item) ? after[item] : undefined;
  const bIds = new Set(filesOf(b).map((f) => f.id));
  const aIds = new Set(filesOf(a).map((f) => f.id));
  return {
    before: b ?? null,
    after: a ?? null,
    evidenceAdded: filesOf(a).filter((f) => !bIds.has(f.id)),
    evidenceRemoved: filesOf(b).filter((f) => !aIds.has(f.id)),
  };
}
