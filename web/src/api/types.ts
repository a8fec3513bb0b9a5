import type {
  AuditEntry as AuditEntrySchema,
  Decision as DecisionSchema,
  DefinitionSummary as DefinitionSummarySchema,
  ItemReviewBody as ItemReviewBodySchema,
  ItemReview as ItemReviewSchema,
  Organisation as OrganisationSchema,
  ProblemBody as ProblemBodySchema,
  Role as RoleSchema,
  Saved as SavedSchema,
} from '@zhiping/api/contract';
import type { Definition, ScoreResult } from '@zhiping/forms';
import type { z } from 'zod';

// The contract exports some inferred types; the rest are aliased here so the
// web app never restates a shape the API already defines.
export type {
  AssessmentDetail,
  AssessmentStatus,
  AssessmentSummary,
  User,
} from '@zhiping/api/contract';
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type Decision = z.infer<typeof DecisionSchema>;
export type DefinitionSummary = z.infer<typeof DefinitionSummarySchema>;
export type ItemReview = z.infer<typeof ItemReviewSchema>;
export type ItemReviewBody = z.input<typeof ItemReviewBodySchema>;
export type Organisation = z.infer<typeof OrganisationSchema>;
export type Problem = z.infer<typeof ProblemBodySchema>;
export type Role = z.infer<typeof RoleSchema>;
export type Saved = z.infer<typeof SavedSchema>;

/** GET /api/forms/{ref}: the contract types `definition` loosely; it is a resolved Definition. */
export interface DefinitionDetail {
  summary: DefinitionSummary;
  definition: Definition;
}

/** `result`/`reviewedResult` are typed as records by the contract; they are ScoreResults. */
export function asResult(r: unknown): ScoreResult | null {
  return r && typeof r === 'object' && 'total' in r ? (r as ScoreResult) : null;
}
