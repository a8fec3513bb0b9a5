import { z } from '@hono/zod-openapi';
import { AssessmentSummary } from './assessments.ts';
import { AssessmentStatus, Id, IsoDate, Text } from './common.ts';

/*
 * Each role's home (issue 17): where the respondent stands per definition
 * and what to do next; the reviewer's queue by state and throughput; the
 * admin's assessments by state and definition and the reviewers' load.
 * Figures come from the stored read model and rounds, never re-scored.
 */

/** What the respondent should do next about one definition. */
export const NextStep = z
  .enum(['continue', 'answer-return', 'await-review', 'start-next'])
  .openapi('NextStep');
export type NextStep = z.infer<typeof NextStep>;

export const StandingLine = z
  .object({
    definition: z.object({ id: z.string(), title: Text }),
    assessments: z.number().int(),
    /** The most recently changed assessment under this definition. */
    latest: AssessmentSummary,
    /** The most recently decided one (its frozen outcome), when there is one. */
    decided: AssessmentSummary.nullable(),
    next: NextStep,
  })
  .openapi('StandingLine');
export type StandingLine = z.infer<typeof StandingLine>;

const StatusCounts = z.record(AssessmentStatus, z.number().int());

export const RespondentDashboard = z
  .object({ lines: z.array(StandingLine), byStatus: StatusCounts })
  .openapi('RespondentDashboard');
export type RespondentDashboard = z.infer<typeof RespondentDashboard>;

/** One week (Monday to Sunday, in the service's time zone). */
export const WeekCount = z
  .object({ week: IsoDate, finished: z.number().int(), decided: z.number().int() })
  .openapi('WeekCount');
export type WeekCount = z.infer<typeof WeekCount>;

export const ReviewerDashboard = z
  .object({
    /** The queue by where each stands for me. */
    queue: z.object({
      pending: z.number().int(),
      finished: z.number().int(),
      returned: z.number().int(),
      decided: z.number().int(),
    }),
    /** Reviews I finished and decisions I made, per week, oldest first (the last 8 weeks). */
    weeks: z.array(WeekCount),
  })
  .openapi('ReviewerDashboard');
export type ReviewerDashboard = z.infer<typeof ReviewerDashboard>;

export const ReviewerLoad = z
  .object({
    id: Id,
    name: z.string(),
    /** Assigned and still to decide (submitted or in review). */
    open: z.number().int(),
    /** Reviews finished in the last 28 days. */
    finished: z.number().int(),
  })
  .openapi('ReviewerLoad');
export type ReviewerLoad = z.infer<typeof ReviewerLoad>;

export const AdminDashboard = z
  .object({
    byStatus: StatusCounts,
    byDefinition: z.array(
      z.object({
        definition: z.object({ id: z.string(), title: Text }),
        byStatus: StatusCounts,
        total: z.number().int(),
      }),
    ),
    /** Active reviewers, most open work first. */
    reviewers: z.array(ReviewerLoad),
    /** Submitted and not yet assigned to anyone. */
    unassigned: z.number().int(),
  })
  .openapi('AdminDashboard');
export type AdminDashboard = z.infer<typeof AdminDashboard>;
