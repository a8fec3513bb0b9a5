import type {
  Action,
  AnswerIssue,
  AssessmentStatus,
  DecisionOutcome,
  Problem as DefinitionProblem,
  ReviewStep,
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
  not_found: {
    what:
      | 'assessment'
      | 'definition'
      | 'item'
      | 'file'
      | 'user'
      | 'organisation'
      | 'programme'
      | 'application';
    id?: string | undefined;
  };
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
  /* Review (issue 13). */
  /** The reviewer belongs to the organisation under review. */
  conflict_of_interest: { organisation: string };
  /** Approval with applicable items left unjudged (or to re-judge), without 其余各项均同意. */
  unjudged_items: { items: string[] };
  /** Another, different decision on this round landed first. */
  already_decided: { decision: DecisionOutcome };
  /** The reviewer marked their review of this round finished: their judgements are locked. */
  review_finished: Record<string, never>;
  /** The lead settles only once every reviewer has finished judging independently. */
  reviews_unfinished: { reviewers: string[] };
  /** Only the lead reviewer settles disagreements and decides. */
  not_lead: Record<string, never>;
  /** A review step (finish, settle, reply) the assessment's state does not allow. */
  step_wrong_state: { assessmentStatus: AssessmentStatus; step: ReviewStep };
  /** A reply to an item no reviewer commented on in the last round. */
  nothing_to_reply: { item: string };
  /* Account administration (issue 17). */
  /** The account was disabled by an administrator: no login. */
  account_disabled: Record<string, never>;
  /** The change would leave no enabled administrator. */
  last_admin: Record<string, never>;
  /** An administrator may not disable or demote their own account. */
  own_account: Record<string, never>;
  /** A one-time link that was used, replaced, or has expired. */
  link_invalid: Record<string, never>;
  /** An assessment under review keeps at least one reviewer. */
  reviewer_required: Record<string, never>;
  /* Programmes (issue 18). */
  /** Applying or withdrawing outside the call's window (dates inclusive). */
  programme_window: {
    opensOn: string;
    closesOn: string;
    today: string;
    step: 'apply' | 'withdraw';
  };
  /** The organisation is not among those the call is for. */
  not_eligible: {
    reasons: ('region' | 'kind' | 'title')[];
    region: string;
    /** For 'title': each tier's rule the organisation fails on the closing day (forms' TitleCheck). */
    titles?: {
      tier: string;
      title: string;
      years: number;
      heldSince: string | null;
      metFrom: string | null;
      tierLabel: string;
      titleLabel: string;
    }[];
    closesOn?: string;
  };
  /** The organisation already has a live application to this call. */
  already_applied: { assessment: string };
  /** The assessment answers another definition or version than the call's. */
  definition_mismatch: { expected: string; actual: string };
  /** Ranking needs the window closed: applications may still change. */
  programme_open: { closesOn: string };
  /** A programme's settings contradict each other or the definition. */
  invalid_programme: { field: string; reason: string };
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
