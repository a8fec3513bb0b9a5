import type {
  Action,
  AnswerIssue,
  AssessmentStatus,
  Problem as DefinitionProblem,
  Role,
  Text,
} from '@zhiping/forms';

/*
 * What can go wrong in the domain, as codes with the parameters a message
 * needs. Services and repositories throw these; they know nothing of HTTP.
 * The one boundary (`http/domain-problems.ts`) turns each code into a
 * problem+json response with its status, type and Chinese words.
 */
export interface DomainErrorParams {
  unauthenticated: Record<string, never>;
  bad_credentials: Record<string, never>;
  /** Too many failed logins: try again after `retryAfter` seconds. */
  rate_limited: { retryAfter: number };
  /** The caller may never do this (the lifecycle's `not_permitted`, or a role check). */
  not_permitted: { action?: Action | undefined; roles?: Role[] | undefined };
  /** Absent, or not visible to the caller: the same answer either way. */
  not_found: { what: 'assessment' | 'definition' | 'item' | 'file'; id?: string | undefined };
  /** Someone saved meanwhile: reload and re-apply. */
  stale_revision: { currentRevision: number };
  /** Edit or submit on an assessment that is no longer a draft. */
  not_editable: { assessmentStatus: AssessmentStatus };
  /** Any other action the assessment's current state does not allow. */
  wrong_state: { assessmentStatus: AssessmentStatus; action: Action };
  invalid_answers: { issues: AnswerIssue[]; stage: 'create' | 'save' | 'submit' | 'score' };
  /** Answers cite evidence files never uploaded to this assessment. */
  unknown_files: { refs: { item: string; file: string }[] };
  /** The definition is not written for the caller's kind of organisation. */
  wrong_audience: { title: Text; audience: string[] };
  invalid_definition: { problems: DefinitionProblem[] };
  version_exists: { ref: string };
  email_taken: { email: string };
  unknown_organisation: Record<string, never>;
  not_a_reviewer: Record<string, never>;
  points_too_high: { max: number };
  missing_file_name: Record<string, never>;
  empty_file: Record<string, never>;
  unsupported_file_type: { accepted: readonly string[] };
  /** The database cannot be reached or is busy for now: retry after `retryAfter` seconds. */
  unavailable: { retryAfter: number };
  /** The disk (or the database's) is full: nothing was stored. */
  storage_full: Record<string, never>;
  /** An upload larger than `limit` bytes. */
  file_too_large: { limit: number };
  /** The assessment already holds as many evidence files or bytes as allowed. */
  evidence_quota: { maxFiles: number; maxBytes: number; files: number; bytes: number };
  /** A file the current answers still cite cannot be deleted. */
  file_in_use: { items: string[] };
  /** A new password fails the policy; `reasons` are stable codes. */
  weak_password: { reasons: string[] };
}

export type DomainErrorCode = keyof DomainErrorParams;

type Args<C extends DomainErrorCode> =
  Record<string, never> extends DomainErrorParams[C]
    ? [params?: DomainErrorParams[C]]
    : [params: DomainErrorParams[C]];

/**
 * A rule of the domain refused: `new DomainError('stale_revision', { currentRevision: 4 })`.
 */
export class DomainError<C extends DomainErrorCode = DomainErrorCode> extends Error {
  readonly params: DomainErrorParams[C];

  constructor(
    readonly code: C,
    ...[params]: Args<C>
  ) {
    super(code);
    this.name = 'DomainError';
    this.params = params ?? ({} as DomainErrorParams[C]);
  }
}
