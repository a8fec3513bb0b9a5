import { z } from '@hono/zod-openapi';
import { Action, AssessmentStatus, DecisionOutcome } from './common.ts';

/**
 * Every kind of problem the API answers with; the body's `type` is
 * `urn:zhiping:problem:<slug>`. Clients tell errors apart by this, never by
 * the words: the three 409s about an assessment are `stale-revision` (someone
 * saved meanwhile: reload, re-apply; carries `currentRevision`),
 * `not-editable` (edit or submit after submission; carries
 * `assessmentStatus`) and `wrong-state` (any other action the current state
 * does not allow; carries `assessmentStatus` and `action`).
 */
export const PROBLEM_TYPES = [
  'invalid-request',
  'unauthenticated',
  'bad-credentials',
  'forbidden',
  'not-found',
  'stale-revision',
  'not-editable',
  'wrong-state',
  'version-exists',
  'email-taken',
  'unprocessable',
  'body-too-large',
  'unsupported-media-type',
  'unsupported-file-type',
  'too-many-requests',
  'unavailable',
  'storage-full',
  'quota-exceeded',
  'file-in-use',
  'conflict-of-interest',
  'unjudged-items',
  'already-decided',
  'review-finished',
  'reviews-unfinished',
  'not-lead',
  'account-disabled',
  'last-admin',
  'own-account',
  'link-invalid',
  'programme-window',
  'not-eligible',
  'already-applied',
  'definition-mismatch',
  'programme-open',
  'conflict',
  'http-error',
  'internal',
] as const;
export const ProblemType = z.enum(PROBLEM_TYPES).openapi('ProblemType');
export type ProblemType = z.infer<typeof ProblemType>;

const URN = 'urn:zhiping:problem:';

/** The `type` URI of a problem. */
export const problemUri = (t: ProblemType) => `${URN}${t}` as const;

/**
 * The problem type of a response body's `type`, or null for anything else.
 *
 * @example problemTypeOf('urn:zhiping:problem:stale-revision') // 'stale-revision'
 */
export function problemTypeOf(uri: unknown): ProblemType | null {
  if (typeof uri !== 'string' || !uri.startsWith(URN)) return null;
  const r = ProblemType.safeParse(uri.slice(URN.length));
  return r.success ? r.data : null;
}

/** One invalid field: where (a dotted path), what (a stable code and its parameters), and words. */
export const FieldError = z
  .object({
    path: z.string(),
    /** In Chinese; the code and parameters let a client word it in its own language. */
    message: z.string(),
    code: z.string().optional().openapi({ example: 'answer.required' }),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  })
  .openapi('FieldError');
export type FieldError = z.infer<typeof FieldError>;

export const ProblemBody = z
  .object({
    type: z.string().openapi({
      example: problemUri('stale-revision'),
      description: `urn:zhiping:problem: followed by one of ${PROBLEM_TYPES.join(', ')}`,
    }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    /** 400 and 422: every invalid field. */
    errors: z.array(FieldError).optional(),
    /** stale-revision: the revision now stored. */
    currentRevision: z.number().int().optional(),
    /** not-editable, wrong-state: the assessment's state now. */
    assessmentStatus: AssessmentStatus.optional(),
    /** wrong-state: the action refused. */
    action: Action.optional(),
    /** too-many-requests, unavailable: seconds to wait (also in Retry-After). */
    retryAfter: z.number().int().optional(),
    /** already-decided: the decision that landed first. */
    decision: DecisionOutcome.optional(),
    /** unjudged-items: how many applicable items have no current judgement. */
    unjudged: z.number().int().optional(),
    /** internal: quote it to the administrator. */
    incident: z.string().optional(),
  })
  .openapi('Problem');
export type ProblemBody = z.infer<typeof ProblemBody>;
