import type {
  AssessmentAgreement as AssessmentAgreementSchema,
  AssessmentSummary,
  ConsoleItem,
  DecidedOutcome,
  ItemChange as ItemChangeSchema,
  ItemReviewBody,
  NotificationKind as NotificationKindSchema,
  QueueEntry,
  ReviewerAgreement as ReviewerAgreementSchema,
} from '@zhiping/api/contract';
import type { z } from 'zod';

/*
 * The review's HTTP shapes, from the contract (`@zhiping/api/contract`,
 * types only): nothing here restates a field. The few schemas the contract
 * exports without a type are inferred here.
 */
export type {
  AuditEntry,
  ConsoleItem,
  DecidedOutcome,
  DecisionPreview,
  Judgement,
  Notification,
  NotificationList,
  QueueEntry,
  QueueState,
  Reply,
  ReviewConsole,
  ReviewerState,
  Round,
} from '@zhiping/api/contract';

export type ItemChange = z.infer<typeof ItemChangeSchema>;
export type NotificationKind = z.infer<typeof NotificationKindSchema>;
export type AssessmentAgreement = z.infer<typeof AssessmentAgreementSchema>;
export type ReviewerAgreement = z.infer<typeof ReviewerAgreementSchema>;
/** What a judgement form sends (before the contract's defaults apply). */
export type JudgementBody = z.input<typeof ItemReviewBody>;
/** One comment on an item with the respondent's reply (null: none yet). */
export type ThreadEntry = ConsoleItem['thread'][number];

/**
 * A list row that may carry the decided outcome: the queue's entries do,
 * and so does the detail; a plain summary shows its own score.
 */
export type ScoredRow = AssessmentSummary & { reviewed?: DecidedOutcome | null };
export type { AssessmentSummary };
export type QueueRow = QueueEntry;
