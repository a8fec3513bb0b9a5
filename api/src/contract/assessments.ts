import { z } from '@hono/zod-openapi';
import { ItemStatus as EngineItemStatus } from '@zhiping/forms';
import {
  Action,
  AssessmentStatus,
  DecisionOutcome,
  DefinitionRefParam,
  fromEngine,
  Id,
  IsoDate,
  orNull,
  Text,
  Timestamp,
} from './common.ts';
import { Answers, AnswerValue, ScoreResult } from './definitions.ts';
import { DecidedOutcome, Judgement, ReviewerState } from './review.ts';

const ItemStatus = fromEngine(EngineItemStatus).openapi('ItemStatus');

const Title = z.string().trim().min(1).max(200);
const Person = z.object({ id: Id, name: z.string() });

export const NewAssessmentBody = z
  .object({
    definition: DefinitionRefParam,
    title: Title.optional(),
    /** The assessment date; today in the service's time zone when absent. */
    asOf: IsoDate.optional(),
    /** Answers to start from, e.g. carried over from the guided start or a mapping. */
    answers: Answers.optional(),
  })
  .openapi('NewAssessmentBody');
export type NewAssessmentBody = z.infer<typeof NewAssessmentBody>;

export const AutosaveBody = z
  .object({
    revision: z.number().int().min(0),
    /** Changed answers by item id; null clears an answer (the engine's answer patch). */
    answers: z.record(z.string().max(100), AnswerValue.nullable()).default({}),
    title: Title.optional(),
    asOf: IsoDate.optional(),
    position: z.string().max(100).nullable().optional(),
  })
  .openapi('AutosaveBody');
export type AutosaveBody = z.infer<typeof AutosaveBody>;

export const RevisionBody = z.object({ revision: z.number().int().min(0) }).openapi('RevisionBody');

export const AssessmentSummary = z
  .object({
    id: Id,
    title: z.string(),
    status: AssessmentStatus,
    revision: z.number().int(),
    definition: z.object({ id: z.string(), version: z.string(), ref: z.string(), title: Text }),
    organisation: z.object({ id: Id, name: z.string() }),
    asOf: IsoDate,
    score: z.number().nullable(),
    /** The label of the tier reached (definition text); null when none is. */
    verdict: orNull(Text),
    progress: z.object({ answered: z.number(), applicable: z.number() }).nullable(),
    submittedAt: orNull(Timestamp),
    updatedAt: Timestamp,
    /**
     * Once approved: the decided (frozen) score and tier with the self ones
     * beside them — `score`/`verdict` above then show the decided figures.
     * Lists fill it; absent where a list does not know.
     */
    reviewed: orNull(DecidedOutcome).optional(),
  })
  .openapi('AssessmentSummary');
export type AssessmentSummary = z.infer<typeof AssessmentSummary>;

/** One page of a list, with how many match in all. */
export const AssessmentPage = z
  .object({
    items: z.array(AssessmentSummary),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .openapi('AssessmentPage');
export type AssessmentPage = z.infer<typeof AssessmentPage>;

/** A judgement of one item (issue 13: per round, with its state; see contract/review.ts). */
export const ItemReview = Judgement;
export type ItemReview = Judgement;

export const Decision = z
  .object({ outcome: DecisionOutcome, comment: z.string(), reviewer: Person, at: Timestamp })
  .openapi('Decision');
export type Decision = z.infer<typeof Decision>;

/** What the caller may do now, one flag per lifecycle action. */
export const Can = z.record(Action, z.boolean()).openapi('Can', { required: [...Action.options] });
export type Can = z.infer<typeof Can>;

export const AssessmentDetail = AssessmentSummary.extend({
  definitionHash: z.string(),
  answers: Answers,
  position: z.string().nullable(),
  /** The self-assessed result: live for a draft (at its asOf), frozen once submitted. */
  result: ScoreResult,
  /**
   * The result with the judgements that count applied: once the round is
   * decided, the one frozen at the decision (never re-scored); while the
   * review runs, a preview for the lead.
   */
  reviewedResult: orNull(ScoreResult),
  submissionHash: z.string().nullable(),
  /** The latest round (0 before the first submission). */
  round: z.number().int(),
  /** The approved, frozen outcome beside the self figures; null until approved. */
  reviewed: orNull(DecidedOutcome),
  reviewers: z.array(ReviewerState),
  reviews: z.array(ItemReview),
  decision: orNull(Decision),
  can: Can,
}).openapi('AssessmentDetail');
export type AssessmentDetail = z.infer<typeof AssessmentDetail>;

/**
 * What a save answers: the small delta the questionnaire needs (new
 * revision, the score and the items whose status or visibility changed),
 * not the whole assessment.
 */
export const Saved = z
  .object({
    revision: z.number().int(),
    updatedAt: Timestamp,
    status: AssessmentStatus,
    score: z.number(),
    verdict: orNull(Text),
    progress: z.object({ answered: z.number(), applicable: z.number() }),
    /** Items whose status or visibility differs from the revision saved over. */
    statuses: z.array(z.object({ id: z.string(), status: ItemStatus, visible: z.boolean() })),
  })
  .openapi('Saved');
export type Saved = z.infer<typeof Saved>;

export const AuditEntry = z
  .object({
    id: z.number().int(),
    action: z.string(),
    actor: Person,
    detail: z.record(z.string(), z.unknown()),
    at: Timestamp,
    /** What the entry changed, old → new, where the log knows both (judgements, decisions, states). */
    changes: z
      .array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() }))
      .optional(),
  })
  .openapi('AuditEntry');
export type AuditEntry = z.infer<typeof AuditEntry>;

export const StoredFile = z
  .object({
    id: Id,
    name: z.string(),
    type: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    uploadedAt: Timestamp,
  })
  .openapi('StoredFile');
export type StoredFile = z.infer<typeof StoredFile>;
