import type {
  Answers,
  AssessmentStatus,
  DecisionOutcome,
  Definition,
  JudgedStatus,
  ReviewVerdict,
  ScoreResult,
} from '@zhiping/forms';

export type { AssessmentStatus };

/** One reviewer judgement of one item (the API keeps every one; the latest counts). */
export interface ReportReview {
  item: string;
  verdict: ReviewVerdict;
  status?: JudgedStatus | undefined;
  points?: number | undefined;
  reason?: string | undefined;
  comment?: string | undefined;
  reviewer: string;
  at: string;
}

export interface ReportDecision {
  outcome: DecisionOutcome;
  comment: string;
  reviewer: string;
  at: string;
}

/**
 * Everything a report shows, gathered by the caller: the renderers read no
 * clock, file or database, so the same input always gives the same report.
 */
export interface ReportInput {
  assessment: {
    id: string;
    title: string;
    status: AssessmentStatus;
    organisation: { name: string; region?: string | undefined };
    /** YYYY-MM-DD the assessment is scored at */
    asOf: string;
    /** ISO timestamp */
    submittedAt: string | null;
    /** SHA-256 seal of the frozen submission, "sha256:<64 hex>", null for a draft */
    submissionHash: string | null;
  };
  /** already resolved (no overlay) */
  definition: Definition;
  answers: Answers;
  /** the reviewed result when reviews exist (items carry overridden: true) */
  result: ScoreResult;
  /** the respondent's own result, when it differs from `result` */
  selfResult?: ScoreResult;
  reviews: ReportReview[];
  decision: ReportDecision | null;
  /** ISO timestamp, passed in (no clock reads inside) */
  generatedAt: string;
  /** The IANA time zone timestamps print in; Asia/Shanghai when absent. */
  timeZone?: string | undefined;
}

/** What a catalogue entry contributes to a printed citation. */
export interface SourceInfo {
  title: string;
  docNumber?: string | undefined;
}

/**
 * Optional context beyond the assessment. With the source catalogue
 * (`loadCatalogue().catalogue` fits), document citations print the
 * document's title and 文号 instead of its catalogue id.
 */
export interface ReportOptions {
  sources?: ReadonlyMap<string, SourceInfo> | undefined;
}
