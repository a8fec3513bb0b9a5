import { z } from '@hono/zod-openapi';

/*
 * The HTTP contract: request and response bodies as zod schemas. They
 * validate at the edge, generate the OpenAPI document and are the types the
 * web app uses (import type from '@zhiping/api/contract').
 */

export const Id = z.string().min(1).max(100).openapi({ example: 'b3f5c2d4-…' });
export const DefinitionRefParam = z
  .string()
  .regex(
    /^[a-z][a-z0-9_.-]*(@\d+\.\d+\.\d+)?$/,
    '应为定义编号，或 编号@版本，如 gbt29490-2023@1.0.0',
  )
  .openapi({ example: 'gbt29490-2023' });
// A real calendar date, not just the shape: 2026-13-45 is refused.
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= '1900-01-01';
    },
    { message: '不是有效的日期' },
  );
const Timestamp = z.string().openapi({ example: '2026-11-21T08:00:00.000Z' });

export const Role = z.enum(['respondent', 'reviewer', 'admin']);
export const OrgKind = z.enum(['enterprise', 'city', 'review-body', 'platform']);
export const AssessmentStatus = z.enum(['draft', 'submitted', 'in_review', 'returned', 'decided']);
export type AssessmentStatus = z.infer<typeof AssessmentStatus>;

export const FieldError = z.object({
  path: z.string(),
  message: z.string(),
  code: z.string().optional(),
});
export const ProblemBody = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(FieldError).optional(),
  })
  .openapi('Problem');

// ── accounts ───────────────────────────────────────────────────────────
export const LoginBody = z
  .object({
    email: z.string().trim().toLowerCase().email('请输入有效的邮箱地址').max(200),
    password: z.string().min(1, '请输入密码').max(200),
  })
  .openapi('LoginBody');
export const Organisation = z
  .object({ id: Id, name: z.string(), kind: OrgKind, region: z.string().nullable() })
  .openapi('Organisation');
export const User = z
  .object({
    id: Id,
    email: z.string(),
    name: z.string(),
    role: Role,
    organisation: Organisation,
  })
  .openapi('User');
export type User = z.infer<typeof User>;
export const NewUserBody = z
  .object({
    email: z.string().trim().toLowerCase().email('请输入有效的邮箱地址').max(200),
    name: z.string().trim().min(1, '请填写姓名').max(100),
    role: Role,
    organisationId: Id,
    password: z
      .string()
      .min(10, '密码至少 10 个字符')
      .max(200)
      .refine((p) => /\p{L}/u.test(p) && /\p{N}/u.test(p), '密码须同时包含字母和数字'),
  })
  .openapi('NewUserBody');

// ── definitions ────────────────────────────────────────────────────────
export const DefinitionSummary = z
  .object({
    id: z.string(),
    version: z.string(),
    ref: z.string().openapi({ example: 'gbt29490-2023@1.0.0' }),
    family: z.string(),
    title: z.string(),
    summary: z.string().nullable(),
    audience: z.array(z.string()),
    hash: z.string(),
    items: z.number().int(),
    builtin: z.boolean(),
    publishedAt: Timestamp,
    /** Every published version, newest first. */
    versions: z.array(z.string()),
  })
  .openapi('DefinitionSummary');
export type DefinitionSummary = z.infer<typeof DefinitionSummary>;
export const DefinitionBody = z
  .record(z.string(), z.unknown())
  .openapi('Definition', { description: '定义（结构见 GET /api/meta-schema）' });
export const DefinitionDetail = z
  .object({ summary: DefinitionSummary, definition: DefinitionBody })
  .openapi('DefinitionDetail');

export const Answers = z
  .record(z.string(), z.unknown())
  .openapi('Answers', { description: '按题目编号给出的答案' });
export const ScoreBody = z
  .object({ answers: Answers, asOf: IsoDate.optional() })
  .openapi('ScoreBody');
export const ScoreResultBody = z.record(z.string(), z.unknown()).openapi('ScoreResult', {
  description: '评分结果：总分、分节得分、条目状态、门槛、结论、差距和下一档',
});

// ── assessments ────────────────────────────────────────────────────────
export const NewAssessmentBody = z
  .object({
    definition: DefinitionRefParam,
    title: z.string().trim().min(1).max(200).optional(),
    asOf: IsoDate.optional(),
    /** Answers to start from, e.g. carried over from the guided start or a mapping. */
    answers: Answers.optional(),
  })
  .openapi('NewAssessmentBody');
export const AutosaveBody = z
  .object({
    revision: z.number().int().min(0),
    /** Changed answers by item id; null clears an answer. */
    answers: z.record(z.string().max(100), z.unknown()).default({}),
    title: z.string().trim().min(1).max(200).optional(),
    asOf: IsoDate.optional(),
    position: z.string().max(100).nullable().optional(),
  })
  .openapi('AutosaveBody');
export const RevisionBody = z.object({ revision: z.number().int().min(0) }).openapi('RevisionBody');

export const AssessmentSummary = z
  .object({
    id: Id,
    title: z.string(),
    status: AssessmentStatus,
    revision: z.number().int(),
    definition: z.object({
      id: z.string(),
      version: z.string(),
      ref: z.string(),
      title: z.string(),
    }),
    organisation: z.object({ id: Id, name: z.string() }),
    asOf: IsoDate,
    score: z.number().nullable(),
    verdict: z.string().nullable(),
    progress: z.object({ answered: z.number(), applicable: z.number() }).nullable(),
    submittedAt: Timestamp.nullable(),
    updatedAt: Timestamp,
  })
  .openapi('AssessmentSummary');
export type AssessmentSummary = z.infer<typeof AssessmentSummary>;

export const ItemReview = z
  .object({
    item: z.string(),
    verdict: z.enum(['agree', 'override']),
    status: z.enum(['met', 'partial', 'unmet', 'not_applicable']).nullable(),
    points: z.number().nullable(),
    reason: z.string().nullable(),
    comment: z.string().nullable(),
    reviewer: z.object({ id: Id, name: z.string() }),
    updatedAt: Timestamp,
  })
  .openapi('ItemReview');
export const Decision = z
  .object({
    outcome: z.enum(['approve', 'return']),
    comment: z.string(),
    reviewer: z.object({ id: Id, name: z.string() }),
    at: Timestamp,
  })
  .openapi('Decision');

export const AssessmentDetail = AssessmentSummary.extend({
  definitionHash: z.string(),
  answers: Answers,
  position: z.string().nullable(),
  /** The self-assessed result: live for a draft, frozen once submitted. */
  result: ScoreResultBody,
  /** The result with the reviewer's overrides applied, once anything is reviewed. */
  reviewedResult: ScoreResultBody.nullable(),
  submissionHash: z.string().nullable(),
  reviewers: z.array(z.object({ id: Id, name: z.string() })),
  reviews: z.array(ItemReview),
  decision: Decision.nullable(),
  /** What the caller may do now. */
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    reopen: z.boolean(),
    review: z.boolean(),
    assign: z.boolean(),
  }),
}).openapi('AssessmentDetail');
export type AssessmentDetail = z.infer<typeof AssessmentDetail>;

export const Saved = z
  .object({ revision: z.number().int(), updatedAt: Timestamp, status: AssessmentStatus })
  .openapi('Saved');

export const AuditEntry = z
  .object({
    id: z.number().int(),
    action: z.string(),
    actor: z.object({ id: Id, name: z.string() }),
    detail: z.record(z.string(), z.unknown()),
    at: Timestamp,
  })
  .openapi('AuditEntry');

// ── review ─────────────────────────────────────────────────────────────
export const AssignBody = z.object({ reviewerId: Id }).openapi('AssignBody');
export const ItemReviewBody = z
  .object({
    verdict: z.enum(['agree', 'override']),
    status: z.enum(['met', 'partial', 'unmet', 'not_applicable']).optional(),
    points: z.number().min(0).optional(),
    reason: z.string().trim().max(2000).optional(),
    comment: z.string().trim().max(2000).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.verdict !== 'override') return;
    if (!b.status) ctx.addIssue({ code: 'custom', path: ['status'], message: '改判时须给出状态' });
    if (!b.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '改判时须写明理由' });
    if (b.status === 'partial' && b.points === undefined)
      ctx.addIssue({ code: 'custom', path: ['points'], message: '判为部分符合时须给出得分' });
  })
  .openapi('ItemReviewBody');
export const DecisionBody = z
  .object({
    outcome: z.enum(['approve', 'return']),
    comment: z.string().trim().max(4000).default(''),
  })
  .superRefine((b, ctx) => {
    if (b.outcome === 'return' && b.comment.length === 0)
      ctx.addIssue({ code: 'custom', path: ['comment'], message: '退回时请说明需要修改什么' });
  })
  .openapi('DecisionBody');

export const SealCheck = z
  .object({
    hash: z.string(),
    matches: z.boolean(),
    /** The submission was later reopened and replaced: the report is not the current one. */
    superseded: z.boolean(),
    assessment: z
      .object({ title: z.string(), organisation: z.string(), submittedAt: Timestamp })
      .nullable(),
  })
  .openapi('SealCheck');
