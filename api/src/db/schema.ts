import type {
  AssessmentStatus,
  DecisionOutcome,
  Family,
  JudgedStatus,
  OrgKind,
  RegionLevel,
  ReviewVerdict,
  Role,
} from '@zhiping/forms';
import type { Generated, Insertable, Selectable } from 'kysely';

/*
 * The tables as Kysely sees them. JSON is stored as text and timestamps as
 * ISO strings so that SQLite and PostgreSQL share one set of migrations and
 * one set of queries. JSON columns are parsed (with zod) only in
 * `repositories/`; nothing else reads them.
 */

export interface OrganisationTable {
  id: string;
  name: string;
  kind: OrgKind;
  region: string | null;
  /** province / city / district (migration 0009); null for rows from before. */
  region_level: RegionLevel | null;
  created_at: string;
  /** For titles (migration 0010); null → derived from `name`. */
  short_name: string | null;
}

export interface UserTable {
  id: string;
  org_id: string;
  email: string;
  name: string;
  role: Role;
  /** '!' while an invited user has not set a password yet (no password matches it). */
  password_hash: string;
  created_at: string;
  /** Set while the account is disabled: no login, no session. */
  disabled_at: string | null;
}

/** A one-time link (invite or password reset); the token's SHA-256 is the id. */
export interface UserLinkTable {
  id: string;
  user_id: string;
  purpose: 'invite' | 'reset';
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** What an admin did to an account or an organisation; append-only. */
export interface AdminAuditTable {
  id: Generated<number>;
  actor_id: string;
  action: string;
  target_kind: 'user' | 'organisation' | 'assessment';
  target_id: string;
  /** What changed, as JSON. */
  detail: string;
  at: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token: a leaked table does not hand out sessions. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface DefinitionTable {
  id: string;
  version: string;
  family: Family;
  title: string;
  hash: string;
  /** The resolved definition as JSON. */
  body: string;
  /** The file as published (an overlay stays an overlay), as JSON. */
  source: string;
  builtin: number;
  published_at: string;
  published_by: string | null;
}

export interface AssessmentTable {
  id: string;
  org_id: string;
  definition_id: string;
  definition_version: string;
  definition_hash: string;
  title: string;
  status: AssessmentStatus;
  revision: number;
  answers: string;
  /** The assessment date the rules on elapsed time use (YYYY-MM-DD). */
  as_of: string;
  /** The section the respondent last worked on, to resume there. */
  position: string | null;
  /** Frozen at submission: the self-assessed ScoreResult as JSON. */
  result: string | null;
  submission_hash: string | null;
  submitted_at: string | null;
  decision: DecisionOutcome | null;
  decision_comment: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** Read model (0007): the self ScoreResult of the current answers, as JSON. */
  self_result: string | null;
  /** The revision the read model was computed for; trusted only when equal to `revision`. */
  model_revision: number | null;
  /** What lists show: the self result's figures, or the decided ones once decided. */
  list_score: number | null;
  /** The shown tier's label (definition Text) as JSON; null when none is reached. */
  list_verdict: string | null;
  list_answered: number | null;
  list_applicable: number | null;
}

export interface AssignmentTable {
  assessment_id: string;
  reviewer_id: string;
  assigned_by: string;
  assigned_at: string;
  /** 1 for the lead reviewer, who settles disagreements and decides. */
  lead: Generated<number>;
}

/** One submission: its frozen answers, self result and seal, and once decided the reviewed result. */
export interface RoundTable {
  assessment_id: string;
  number: number;
  answers: string;
  as_of: string;
  result: string;
  seal: string;
  self_score: number | null;
  self_tier: string | null;
  submitted_by: string;
  submitted_at: string;
  decision: DecisionOutcome | null;
  decision_comment: string | null;
  /** 1 when the decision agreed with every item left unjudged (其余各项均同意). */
  agree_rest: Generated<number>;
  decided_by: string | null;
  decided_at: string | null;
  /** Frozen at the decision: the reviewed ScoreResult as JSON, never re-scored. */
  reviewed_result: string | null;
  reviewed_score: number | null;
  reviewed_tier: string | null;
  reviewed_seal: string | null;
}

/** A judgement of one item in one round: a reviewer's own, or the lead's settlement ('final'). */
export interface JudgementTable {
  assessment_id: string;
  round: number;
  item_id: string;
  reviewer_id: string;
  kind: 'own' | 'final';
  verdict: ReviewVerdict;
  status: JudgedStatus | null;
  points: number | null;
  reason: string | null;
  comment: string | null;
  /** The hash of the answer (and evidence list) it judged. */
  answer_hash: string;
  state: 'current' | 'needs-recheck';
  /** The round in which it was made (carried judgements keep theirs). */
  judged_round: number;
  updated_at: string;
}

export interface ReviewFinishTable {
  assessment_id: string;
  round: number;
  reviewer_id: string;
  finished_at: string;
}

/** The respondent's reply to the comment on an item in a round. */
export interface ReplyTable {
  assessment_id: string;
  round: number;
  item_id: string;
  author_id: string;
  text: string;
  at: string;
}

export interface WebhookTable {
  org_id: string;
  url: string;
  /** The shared secret the body is signed with (HMAC-SHA256); never sent back. */
  secret: string;
  created_by: string;
  created_at: string;
}

export interface WebhookDeliveryTable {
  id: Generated<number>;
  org_id: string;
  event: string;
  body: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: Generated<number>;
  next_at: string;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: string;
  assessment_id: string;
  kind: 'assigned' | 'returned' | 'resubmitted' | 'decided';
  actor_id: string;
  detail: string;
  created_at: string;
  read_at: string | null;
}

export interface ItemReviewTable {
  assessment_id: string;
  item_id: string;
  reviewer_id: string;
  verdict: ReviewVerdict;
  status: JudgedStatus | null;
  points: number | null;
  reason: string | null;
  comment: string | null;
  updated_at: string;
}

export interface AuditTable {
  id: Generated<number>;
  assessment_id: string;
  actor_id: string;
  action: string;
  /** What changed, as JSON. */
  detail: string;
  at: string;
}

/** An evidence file: stored under DATA_DIR/files/<assessment>/<id>, never under its own name. */
export interface FileTable {
  id: string;
  assessment_id: string;
  /** The name the user gave it, cleaned; only ever shown, never used as a path. */
  name: string;
  type: string;
  size: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: string;
  /** Deleted from the draft but kept, because a submitted round may cite it. */
  deleted_at: string | null;
  deleted_by: string | null;
}

/** PostgreSQL only (0008): a file's bytes in pieces, in `seq` order; SQLite keeps them on disk. */
export interface EvidenceBlobTable {
  file_id: string;
  seq: number;
  data: Uint8Array;
}

/** Login attempts in the current window, per key (`account:…`, `address:…`, `global`). */
export interface LoginAttemptTable {
  key: string;
  /** When the window began (ISO); a window older than its length starts over. */
  window_start: string;
  count: number;
}

/** Where a draft started from another assessment came from, and what it still has to confirm. */
export interface CarryOverTable {
  assessment_id: string;
  source_id: string;
  /** The mapping used; null when started from an earlier assessment of the same definition. */
  mapping_id: string | null;
  /** Carried answers to be confirmed, by item id, as JSON. */
  pending: string;
  /** The carry-over report as shown before the draft opened, as JSON. */
  report: string;
  created_by: string;
  created_at: string;
}

/** A call an office runs (migration 0011); JSON columns parsed in repositories/programmes.ts. */
export interface ProgrammeTable {
  id: string;
  owner_org_id: string;
  title: string;
  definition_id: string;
  definition_version: string;
  /** Applicants' region must start with this (e.g. 江苏省 covers 江苏省青澜市). */
  region: string;
  /** JSON: OrgKind[] that may apply. */
  eligible_kinds: string;
  /** YYYY-MM-DD, inclusive, in the service's time zone. */
  opens_on: string;
  closes_on: string;
  /** JSON: { [tierId]: quota }. */
  quotas: string;
  excellent_share: number | null;
  /** 'yearly' for a recurring review of enterprises in cultivation. */
  recurrence: string | null;
  previous_id: string | null;
  created_by: string;
  created_at: string;
  /** Set when the office ended the call before its closing date (migration 0013). */
  closed_at: string | null;
  /** JSON: { [tierId]: { title, years } } previous titles a tier asks for (migration 0014); null = none. */
  title_rules: string | null;
}

/** A title an office or admin declared for an organisation (migration 0014); never deleted. */
export interface OrganisationTitleTable {
  id: string;
  org_id: string;
  /** A tier id, e.g. "advantage". */
  title: string;
  /** YYYY-MM-DD the title was awarded from. */
  since: string;
  /** The document the declaration rests on (文号, list). */
  source: string;
  declared_by: string;
  declared_org_id: string;
  declared_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

export interface ProgrammeReviewerTable {
  programme_id: string;
  user_id: string;
}

export interface ProgrammeApplicationTable {
  id: string;
  programme_id: string;
  assessment_id: string;
  org_id: string;
  applied_by: string;
  applied_at: string;
  withdrawn_at: string | null;
}

/** An answer filled from a call's roll-up (migration 0012). */
export interface RollupFillTable {
  assessment_id: string;
  item_id: string;
  programme_id: string;
  measure: string;
  value: number;
  filled_by: string;
  filled_at: string;
  override_reason: string | null;
  overridden_by: string | null;
  overridden_at: string | null;
}

export interface Database {
  organisations: OrganisationTable;
  users: UserTable;
  sessions: SessionTable;
  definitions: DefinitionTable;
  assessments: AssessmentTable;
  assignments: AssignmentTable;
  item_reviews: ItemReviewTable;
  rounds: RoundTable;
  judgements: JudgementTable;
  review_finishes: ReviewFinishTable;
  replies: ReplyTable;
  notifications: NotificationTable;
  webhooks: WebhookTable;
  webhook_deliveries: WebhookDeliveryTable;
  audit_log: AuditTable;
  files: FileTable;
  evidence_blobs: EvidenceBlobTable;
  login_attempts: LoginAttemptTable;
  carry_overs: CarryOverTable;
  user_links: UserLinkTable;
  admin_audit: AdminAuditTable;
  programmes: ProgrammeTable;
  programme_reviewers: ProgrammeReviewerTable;
  programme_applications: ProgrammeApplicationTable;
  rollup_fills: RollupFillTable;
  organisation_titles: OrganisationTitleTable;
}

export type UserRow = Selectable<UserTable>;
export type AssessmentRow = Selectable<AssessmentTable>;
export type NewAssessment = Insertable<AssessmentTable>;
export type FileRow = Selectable<FileTable>;
