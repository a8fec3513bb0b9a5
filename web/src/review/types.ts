import type {
  DecisionOutcome,
  ItemReviewBody,
  JudgedStatus,
  ReviewVerdict,
} from '@zhiping/api/contract';
import type { ItemStatus, ReviewAgreement, Text } from '@zhiping/forms';

/*
 * The review's HTTP shapes as the web reads them.
 * INTERIM: the contract (`@zhiping/api/contract`) does not export the
 * round/console/notification schemas yet (issue 13's backend adds them,
 * see /tmp/coord/review-api.md). These mirror that published shape field by
 * field and are replaced by type re-exports from the contract once it lands
 * — nothing else in web/ declares them.
 */
type Person = { id: string; name: string };

export interface Judgement {
  item: string;
  verdict: ReviewVerdict;
  status: JudgedStatus | null;
  points: number | null;
  reason: string | null;
  comment: string | null;
  reviewer: Person;
  updatedAt: string;
  round: number;
  /** 'needs-recheck' (待复核): judged in an earlier round, answer changed since; applies to no score. */
  state: 'current' | 'needs-recheck';
}

export interface ItemChange {
  /** Answers as stored (the engine's `Answers` values); null: not answered. */
  before: unknown;
  after: unknown;
  evidenceAdded: Person[];
  evidenceRemoved: Person[];
}

export interface Reply {
  round: number;
  comment: string;
  reply: { text: string; at: string; author: Person } | null;
}

export interface ConsoleItem {
  item: string;
  applicable: boolean;
  selfStatus: ItemStatus;
  selfPoints: number;
  max: number;
  changed: ItemChange | null;
  mine: Judgement | null;
  others: Judgement[];
  final: Judgement | null;
  disagreement: boolean;
  replies: Reply[];
}

export interface ConsoleReviewer extends Person {
  lead: boolean;
  finishedAt: string | null;
}

export interface ReviewConsole {
  round: number;
  lead: Person | null;
  me: { lead: boolean; finishedAt: string | null } | null;
  othersVisible: boolean;
  progress: { judged: number; applicable: number; needsRecheck: number };
  reviewers: ConsoleReviewer[];
  items: ConsoleItem[];
}

export type JudgementBody = ItemReviewBody;

export interface DecisionPreview {
  outcome: DecisionOutcome;
  agreeRest: boolean;
  score: number;
  verdict: Text | null;
  selfScore: number;
  selfVerdict: Text | null;
  judged: number;
  applicable: number;
  unjudged: string[];
  allowed: boolean;
}

export type QueueState = 'pending' | 'finished' | 'returned' | 'decided';

export interface Round {
  number: number;
  submittedAt: string;
  seal: string;
  selfScore: number;
  selfVerdict: Text | null;
  decision: {
    outcome: DecisionOutcome;
    comment: string;
    reviewer: Person;
    at: string;
    agreeRest: boolean;
  } | null;
  reviewed: { score: number; verdict: Text | null; seal: string } | null;
}

export interface AuditChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface AuditEvent {
  id: number;
  action: string;
  actor: Person;
  detail: Record<string, unknown>;
  at: string;
  changes?: AuditChange[];
}

export type NotificationKind = 'assigned' | 'returned' | 'resubmitted' | 'decided';

export interface Notification {
  id: number;
  kind: NotificationKind;
  assessment: { id: string; title: string };
  actor: Person;
  at: string;
  readAt: string | null;
  detail: Record<string, unknown> | null;
}

export interface NotificationList {
  unread: number;
  items: Notification[];
}

export interface AssessmentAgreement {
  round: number;
  reviewers: Person[];
  agreement: ReviewAgreement;
}

export interface ReviewerAgreement {
  reviewer: Person;
  rounds: {
    assessment: { id: string; title: string };
    round: number;
    decidedAt: string;
    agreement: ReviewAgreement;
  }[];
  overall: ReviewAgreement;
}

/** A list row with the review's fields (the contract's summary gains them with issue 13). */
export type ReviewedSummary = import('../api/types.ts').AssessmentSummary & {
  round?: number;
  reviewed?: { score: number; verdict: Text | null; round: number; decidedAt: string } | null;
  review?: { state: QueueState; lead: boolean };
};
