import type { ItemReviewBody as ItemReviewBodySchema } from '@zhiping/api/contract';
import type { z } from 'zod';

/*
 * The HTTP contract's types, imported as types only (the contract's zod
 * schemas stay on the server): the web app never restates a shape, an enum
 * or a result the API already defines — results are the engine's own
 * `ScoreResult`, definitions its `Definition`.
 */
export type {
  AssessmentDetail,
  AssessmentPage,
  AssessmentStatus,
  AssessmentSummary,
  AuditEntry,
  Can,
  Decision,
  DefinitionDetail,
  DefinitionSummary,
  ItemReview,
  Organisation,
  ProblemBody as Problem,
  ProblemType,
  Role,
  Saved,
  User,
} from '@zhiping/api/contract';
/** What the form sends (before the contract's defaults apply). */
export type ItemReviewBody = z.input<typeof ItemReviewBodySchema>;
