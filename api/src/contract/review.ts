import { z } from '@hono/zod-openapi';
import * as forms from '@zhiping/forms';
import {
  DecisionOutcome,
  fromEngine,
  Id,
  IsoDate,
  JudgedStatus,
  orNull,
  ReviewVerdict,
  Text,
  Timestamp,
} from './common.ts';
import { AnswerValue } from './definitions.ts';

const Person = z.object({ id: Id, name: z.string() });

export const AssignBody = z
  .object({
    reviewerId: Id,
    /** Make this reviewer the lead (the first one assigned leads otherwise). */
    lead: z.boolean().optional(),
  })
  .openapi('AssignBody');
export type AssignBody = z.infer<typeof AssignBody>;

/** A reviewer's judgement of one item: agree, or override with a status (the engine's item override) and a reason. */
export const ItemReviewBody = z
  .object({
    verdict: ReviewVerdict,
    status: JudgedStatus.optional(),
    points: z.number().min(0).optional(),
    reason: z.string().trim().max(2000).optional(),
    comment: z.string().trim().max(2000).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.verdict !== 'override') return;
    if (!b.status) ctx.addIssue({ code: 'custom', path: ['status'], message: '改判时须给出状态' });
    if (!b.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '改判时须写明理由' });
    if (b.status === 'partial' && b.points === undefined)
      ctx.addIssue({ code: 'custom', path: ['points'], message: '判为部分符合时须给出得分' });
  })
  .openapi('ItemReviewBody');
export type ItemReviewBody = z.infer<typeof ItemReviewBody>;

export const BulkAgreeBody = z
  .object({ items: z.array(z.string().min(1).max(100)).min(1).max(2000) })
  .openapi('BulkAgreeBody');
export type BulkAgreeBody = z.infer<typeof BulkAgreeBody>;

export const DecisionBody = z
  .object({
    outcome: DecisionOutcome,
    comment: z.string().trim().max(4000).default(''),
    /** 其余各项均同意: approve agreeing with every item left unjudged (recorded as such). */
    agreeRest: z.boolean().default(false),
  })
  .superRefine((b, ctx) => {
    if (b.outcome === 'return' && b.comment.length === 0)
      ctx.addIssue({ code: 'custom', path: ['comment'], message: '退回时请说明需要修改什么' });
  })
  .openapi('DecisionBody');
export type DecisionBody = z.infer<typeof DecisionBody>;

export const DecisionPreviewQuery = z.object({
  outcome: DecisionOutcome.default('approve'),
  agreeRest: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

/** What a decision would freeze, for the confirmation dialog. */
export const DecisionPreview = z
  .object({
    outcome: DecisionOutcome,
    agreeRest: z.boolean(),
    round: z.number().int(),
    /** The reviewed total and tier the decision would freeze. */
    score: z.number(),
    verdict: orNull(Text),
    selfScore: z.number(),
    selfVerdict: orNull(Text),
    judged: z.number().int(),
    applicable: z.number().int(),
    /** Applicable items without a current judgement (needs-recheck counts as unjudged). */
    unjudged: z.array(z.string()),
    /** Items the decision would record as 观察项: scored as met, listed in the reports to watch. */
    observations: z.array(z.string()),
    /** Whether the decision would be accepted now. */
    allowed: z.boolean(),
  })
  .openapi('DecisionPreview');
export type DecisionPreview = z.infer<typeof DecisionPreview>;

/** current, or 待复核: judged in an earlier round, the answer changed since; it applies to nothing. */
export const JudgementState = z.enum(['current', 'needs-recheck']).openapi('JudgementState');
export type JudgementState = z.infer<typeof JudgementState>;

export const Judgement = z
  .object({
    item: z.string(),
    verdict: ReviewVerdict,
    status: orNull(JudgedStatus),
    points: z.number().nullable(),
    reason: z.string().nullable(),
    comment: z.string().nullable(),
    reviewer: Person,
    /** own: a reviewer's independent judgement; final: the lead's settlement. */
    kind: z.enum(['own', 'final']),
    round: z.number().int(),
    /** The round in which it was made (a carried judgement keeps it). */
    judgedRound: z.number().int(),
    state: JudgementState,
    updatedAt: Timestamp,
  })
  .openapi('Judgement');
export type Judgement = z.infer<typeof Judgement>;

export const ReviewerState = z
  .object({ id: Id, name: z.string(), lead: z.boolean(), finishedAt: orNull(Timestamp) })
  .openapi('ReviewerState');
export type ReviewerState = z.infer<typeof ReviewerState>;

const FileRef = z.object({ id: z.string(), name: z.string() });

export const ItemChange = z
  .object({
    before: AnswerValue.nullable(),
    after: AnswerValue.nullable(),
    evidenceAdded: z.array(FileRef),
    evidenceRemoved: z.array(FileRef),
  })
  .openapi('ItemChange');

export const Reply = z
  .object({
    round: z.number().int(),
    item: z.string(),
    text: z.string(),
    author: Person,
    at: Timestamp,
  })
  .openapi('Reply');
export type Reply = z.infer<typeof Reply>;

export const ReplyBody = z
  .object({ text: z.string().trim().min(1).max(2000) })
  .openapi('ReplyBody');

const ItemStatus = fromEngine(forms.ItemStatus);

export const ConsoleItem = z
  .object({
    item: z.string(),
    section: z.string(),
    /** Applicable and scored in this round's self result: needs a judgement before approval. */
    applicable: z.boolean(),
    selfStatus: ItemStatus,
    selfPoints: z.number(),
    max: z.number(),
    /** What changed since the previous round; null when nothing did (or round 1). */
    changed: orNull(ItemChange),
    mine: orNull(Judgement),
    /** Other reviewers' own judgements; [] while the review is blind. */
    others: z.array(Judgement),
    /** The judgement that counts (lead's settlement, else the lead's own); null when none. */
    final: orNull(Judgement),
    /** Reviewers' own current judgements differ (shown once blindness ends). */
    disagreement: z.boolean(),
    /** Comments made on this item in earlier rounds, each with the respondent's reply. */
    thread: z.array(
      z.object({
        round: z.number().int(),
        reviewer: Person,
        comment: z.string(),
        reply: orNull(Reply),
      }),
    ),
  })
  .openapi('ConsoleItem');
export type ConsoleItem = z.infer<typeof ConsoleItem>;

export const ReviewConsole = z
  .object({
    round: z.number().int(),
    reviewers: z.array(ReviewerState),
    me: orNull(z.object({ lead: z.boolean(), finishedAt: orNull(Timestamp) })),
    /** Every reviewer finished: judgements are no longer blind. */
    othersVisible: z.boolean(),
    progress: z.object({
      judged: z.number().int(),
      applicable: z.number().int(),
      needsRecheck: z.number().int(),
    }),
    items: z.array(ConsoleItem),
  })
  .openapi('ReviewConsole');
export type ReviewConsole = z.infer<typeof ReviewConsole>;

export const RoundDecision = z
  .object({
    outcome: DecisionOutcome,
    comment: z.string(),
    reviewer: Person,
    at: Timestamp,
    /** Approved with 其余各项均同意. */
    agreeRest: z.boolean(),
  })
  .openapi('RoundDecision');

export const RoundSummary = z
  .object({
    number: z.number().int(),
    submittedAt: Timestamp,
    seal: z.string(),
    asOf: IsoDate,
    selfScore: z.number(),
    selfVerdict: orNull(Text),
    decision: orNull(RoundDecision),
    /** Frozen at the decision, never re-scored. */
    reviewed: orNull(z.object({ score: z.number(), verdict: orNull(Text), seal: z.string() })),
  })
  .openapi('RoundSummary');
export type RoundSummary = z.infer<typeof RoundSummary>;
/** The name the web imports for a row of GET /rounds. */
export const Round = RoundSummary;
export type Round = RoundSummary;

/** The approved, frozen outcome of the latest round, with the self figures beside it. */
export const DecidedOutcome = z
  .object({
    round: z.number().int(),
    score: z.number(),
    verdict: orNull(Text),
    selfScore: z.number().nullable(),
    selfVerdict: orNull(Text),
    decidedAt: Timestamp,
  })
  .openapi('DecidedOutcome');
export type DecidedOutcome = z.infer<typeof DecidedOutcome>;

/** Where an assessment stands for the reviewer asking (their queue). */
export const QueueState = z
  .enum(['pending', 'finished', 'returned', 'decided'])
  .openapi('QueueState');
export type QueueState = z.infer<typeof QueueState>;

export const QueueQuery = z.object({
  /** pending 待评审 (includes finished-awaiting-lead), returned 已退回, decided 已决定. */
  status: z.enum(['pending', 'returned', 'decided']).optional(),
});

export const ReviewAgreement = fromEngine(forms.ReviewAgreement).openapi('ReviewAgreement');

export const AssessmentAgreement = z
  .object({
    round: z.number().int(),
    reviewers: z.array(Person),
    /** Reviewers' own judgements compared once every one finished; null before. */
    agreement: orNull(ReviewAgreement),
  })
  .openapi('AssessmentAgreement');

export const ReviewerAgreement = z
  .object({
    reviewer: Person,
    rounds: z.array(
      z.object({
        assessment: z.object({ id: Id, title: z.string() }),
        round: z.number().int(),
        at: Timestamp,
        /** This reviewer against the others on that round. */
        agreement: ReviewAgreement,
      }),
    ),
  })
  .openapi('ReviewerAgreement');

export const SealCheck = z
  .object({
    hash: z.string(),
    matches: z.boolean(),
    /** The submission was later reopened and replaced: the report is not the current one. */
    superseded: z.boolean(),
    assessment: z
      .object({ title: z.string(), organisation: z.string(), submittedAt: Timestamp })
      .nullable(),
  })
  .openapi('SealCheck');
export type SealCheck = z.infer<typeof SealCheck>;
