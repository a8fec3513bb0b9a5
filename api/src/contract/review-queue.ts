import { z } from '@hono/zod-openapi';
import { AssessmentSummary } from './assessments.ts';
import { orNull } from './common.ts';
import { DecidedOutcome, QueueState } from './review.ts';

/** A reviewer's queue entry: the summary, where it stands for them, and the decided outcome. */
export const QueueEntry = AssessmentSummary.extend({
  review: z.object({
    state: QueueState,
    lead: z.boolean(),
    round: z.number().int(),
  }),
  reviewed: orNull(DecidedOutcome),
}).openapi('QueueEntry');
export type QueueEntry = z.infer<typeof QueueEntry>;

/**
 * One page of the reviewer's queue (one tab), with how many rows each tab
 * holds under the same search and filters — the tabs' counts.
 */
export const QueuePage = z
  .object({
    items: z.array(QueueEntry),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    counts: z.object({
      pending: z.number().int(),
      returned: z.number().int(),
      decided: z.number().int(),
    }),
  })
  .openapi('QueuePage');
export type QueuePage = z.infer<typeof QueuePage>;
