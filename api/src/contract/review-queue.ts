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
