import { z } from '@hono/zod-openapi';
import { DecisionOutcome, Id, JudgedStatus, ReviewVerdict, Timestamp } from './common.ts';

export const AssignBody = z.object({ reviewerId: Id }).openapi('AssignBody');
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

export const DecisionBody = z
  .object({ outcome: DecisionOutcome, comment: z.string().trim().max(4000).default('') })
  .superRefine((b, ctx) => {
    if (b.outcome === 'return' && b.comment.length === 0)
      ctx.addIssue({ code: 'custom', path: ['comment'], message: '退回时请说明需要修改什么' });
  })
  .openapi('DecisionBody');
export type DecisionBody = z.infer<typeof DecisionBody>;

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
