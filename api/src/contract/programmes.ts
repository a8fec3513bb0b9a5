import { z } from '@hono/zod-openapi';
import * as forms from '@zhiping/forms';
import {
  AssessmentStatus,
  DefinitionRefParam,
  Id,
  IsoDate,
  OrgKind,
  orNull,
  Text,
  Timestamp,
} from './common.ts';

/* Programmes (calls) an office runs, applications to them, ranking and roll-up (issue 18). */

const TierId = z.string().min(1).max(100);

/** A previous title a tier asks for: a tier id and the whole years held on the closing day. */
export const TitleRule = z
  .object({ title: TierId, years: z.number().int().min(0).max(50) })
  .openapi('TitleRule');

/** Why an organisation may not apply: region, kind, or a previous title every tier asks for. */
export const IneligibleReason = z.enum(['region', 'kind', 'title']).openapi('IneligibleReason');

/** The applicant's standing against one tier's title rule, on the call's closing day. */
export const TitleCheck = z
  .object({
    tier: z.string(),
    title: z.string(),
    years: z.number().int(),
    met: z.boolean(),
    heldSince: IsoDate.nullable().describe('最早获得该称号的日期'),
    metFrom: IsoDate.nullable().describe('自该日起满足年限'),
  })
  .openapi('TitleCheck');

export const ProgrammeInput = z
  .object({
    title: z.string().trim().min(1, '请填写申报名称').max(200),
    definition: DefinitionRefParam,
    opensOn: IsoDate,
    closesOn: IsoDate,
    region: z
      .string()
      .trim()
      .max(100)
      .optional()
      .describe('申报范围（地区名称前缀，如 江苏省）；省略则为本机构所辖地区'),
    eligibleKinds: z.array(OrgKind).min(1, '至少选择一种可申报的机构类型'),
    quotas: z
      .record(TierId, z.number().int().min(0).max(100_000))
      .default({})
      .describe('各等级名额；未列出的等级不限名额'),
    excellentShare: z
      .number()
      .gt(0)
      .max(1)
      .nullable()
      .optional()
      .describe('评为“优秀”的比例（如 0.15 即前 15%）'),
    reviewers: z.array(Id).max(50).default([]),
    recurrence: z.enum(['yearly']).nullable().optional(),
    previousId: Id.nullable().optional(),
    titleRules: z
      .record(TierId, TitleRule)
      .default({})
      .describe('各等级要求的已获称号及年限（如 示范 须已获评 优势 满 2 年，截至申报截止日）'),
  })
  .openapi('ProgrammeInput');

export const Programme = z
  .object({
    id: Id,
    ownerOrgId: Id,
    ownerName: z.string(),
    title: z.string(),
    definitionId: z.string(),
    definitionVersion: z.string(),
    region: z.string(),
    eligibleKinds: z.array(OrgKind),
    opensOn: IsoDate,
    closesOn: IsoDate,
    quotas: z.record(z.string(), z.number()),
    excellentShare: z.number().nullable(),
    recurrence: z.enum(['yearly']).nullable(),
    previousId: Id.nullable(),
    reviewers: z.array(Id),
    createdAt: Timestamp,
    closedAt: Timestamp.nullable().describe('发起机构提前截止的时间'),
    titleRules: z.record(z.string(), TitleRule),
  })
  .openapi('Programme');

export const ProgrammeWindow = z.enum(['upcoming', 'open', 'closed']).openapi('ProgrammeWindow');

export const ProgrammeView = z
  .object({
    programme: Programme,
    window: ProgrammeWindow,
    as: z.enum(['office', 'applicant']),
    application: orNull(
      z.object({
        id: Id,
        assessmentId: Id,
        appliedAt: Timestamp,
        withdrawnAt: Timestamp.nullable(),
      }),
    ),
    ineligible: z.array(IneligibleReason),
    /** The applicant's organisation against each tier's title rule (empty for the office). */
    titleChecks: z.array(TitleCheck),
  })
  .openapi('ProgrammeView');

export const ApplyInput = z
  .object({
    assessment: Id.optional().describe('已有的同版本自评；省略则新建一份'),
    title: z.string().trim().min(1).max(200).optional(),
  })
  .openapi('ApplyInput');

export const Applied = z.object({ application: Id, assessment: Id }).openapi('Applied');

export const CohortReason = z
  .object({
    code: z.enum(forms.COHORT_REASONS),
    tier: z.string().optional(),
    quota: z.number().optional(),
    awardedAhead: z.number().optional(),
    title: z.string().optional(),
    years: z.number().optional(),
  })
  .openapi('CohortReason');

export const ApplicantRow = z
  .object({
    application: Id,
    assessment: Id,
    organisation: z.object({ id: Id, name: z.string() }),
    title: z.string(),
    status: AssessmentStatus,
    appliedAt: Timestamp,
    reviewed: orNull(
      z.object({
        score: z.number(),
        tier: z.string().nullable(),
        round: z.number().int(),
        decidedAt: Timestamp,
      }),
    ),
    selfScore: z.number().nullable(),
    rank: z.number().int().nullable(),
    grade: z.enum(forms.COHORT_GRADES).nullable(),
    awarded: z.string().nullable(),
    reasons: z.array(CohortReason),
  })
  .openapi('ApplicantRow');

export const ApplicantsView = z
  .object({
    window: ProgrammeWindow,
    tiers: z.array(
      z.object({
        id: z.string(),
        label: Text,
        passLine: z.number(),
        quota: z.number().nullable(),
        titleRule: TitleRule.nullable(),
      }),
    ),
    rows: z.array(ApplicantRow),
    withdrawn: z.number().int(),
    ranking: orNull(
      z.object({
        ranked: z.number().int(),
        excellentPlaces: z.number().int(),
        excellent: z.number().int(),
        awarded: z.record(z.string(), z.number()),
        quotaTies: z.array(z.string()),
      }),
    ),
  })
  .openapi('ApplicantsView');

export const Rollup = z
  .object({
    programme: z.object({ id: Id, title: z.string(), definition: z.string() }),
    window: ProgrammeWindow,
    applied: z.number().int(),
    withdrawn: z.number().int(),
    submitted: z.number().int(),
    decided: z.number().int(),
    reached: z.record(z.string(), z.number()),
    awarded: z.record(z.string(), z.number()).nullable(),
    excellent: z.number().int().nullable(),
    sections: z.array(
      z.object({
        id: z.string(),
        title: Text,
        values: z.array(
          z.object({ assessment: Id, organisation: z.string(), percent: z.number().nullable() }),
        ),
      }),
    ),
  })
  .openapi('Rollup');

export const ReviewerChoice = z
  .object({ id: Id, name: z.string(), organisation: z.string() })
  .openapi('ReviewerChoice');

export const FillInput = z
  .object({
    assessment: Id.describe('本机构自己的评估（草稿）'),
    item: z.string().min(1).max(100).describe('要填入的数字题'),
    measure: z
      .string()
      .regex(
        /^(applied|submitted|decided|awarded|excellent|awarded:[\w.-]+|reached:[\w.-]+)$/,
        '应为 applied、submitted、decided、awarded、excellent，或 awarded:等级、reached:等级',
      )
      .describe('汇总数：申报、已提交、已评审、获评（可指定等级）、优秀、达到某等级'),
    revision: z.number().int().min(1),
  })
  .openapi('FillInput');

export const Fill = z
  .object({
    item: z.string(),
    programme: z.object({ id: Id, title: z.string() }),
    measure: z.string(),
    value: z.number(),
    filledAt: Timestamp,
    overridden: z.boolean(),
    overrideReason: z.string().nullable(),
  })
  .openapi('Fill');

export const OverrideInput = z
  .object({ reason: z.string().trim().min(1, '请说明为什么与汇总数不同').max(500) })
  .openapi('OverrideInput');

export const CultivationLine = z
  .object({
    organisation: z.object({ id: Id, name: z.string() }),
    awarded: z.object({ programme: Id, title: z.string(), tier: z.string() }),
    missed: z.array(z.object({ programme: Id, title: z.string() })),
    flagged: z.boolean().describe('连续或累计漏报年度复核两次及以上'),
  })
  .openapi('CultivationLine');

export const TitleRecord = z
  .object({
    title: z.string(),
    since: IsoDate,
    source: z.enum(['call', 'declared']),
    programme: orNull(z.object({ id: Id, title: z.string(), office: z.string() })),
    declared: orNull(z.object({ id: Id, source: z.string(), by: z.string(), office: z.string() })),
  })
  .openapi('TitleRecord');

export const DeclaredTitle = z
  .object({
    id: Id,
    orgId: Id,
    title: z.string(),
    since: IsoDate,
    source: z.string(),
    declaredBy: z.object({ id: Id, name: z.string() }),
    declaredOrg: z.object({ id: Id, name: z.string() }),
    declaredAt: Timestamp,
    revoked: orNull(z.object({ at: Timestamp, by: Id, reason: z.string() })),
  })
  .openapi('DeclaredTitle');

export const OrganisationTitles = z
  .object({
    organisation: z.object({ id: Id, name: z.string() }),
    /** What counts today: live declarations and titles from closed calls. */
    held: z.array(TitleRecord),
    /** Every declaration, revoked ones with who, when and why. */
    declarations: z.array(DeclaredTitle),
  })
  .openapi('OrganisationTitles');

export const DeclareTitleInput = z
  .object({
    title: TierId.describe('称号（评估表等级，如 advantage 即优势企业）'),
    since: IsoDate.describe('获得称号的日期（认定文件的日期）'),
    source: z.string().trim().min(2, '请写明依据（文件文号或认定名单）').max(300),
  })
  .openapi('DeclareTitleInput');

export const RevokeTitleInput = z
  .object({ reason: z.string().trim().min(2, '请说明撤销的原因').max(500) })
  .openapi('RevokeTitleInput');

export const DashboardCall = z
  .object({
    programme: z.object({
      id: Id,
      title: z.string(),
      opensOn: IsoDate,
      closesOn: IsoDate,
      closedAt: Timestamp.nullable(),
      recurrence: z.enum(['yearly']).nullable(),
      previousId: Id.nullable(),
      definition: z.string(),
    }),
    window: ProgrammeWindow,
    tiers: z.array(z.object({ id: z.string(), label: Text })),
    applied: z.number().int(),
    withdrawn: z.number().int(),
    submitted: z.number().int(),
    decided: z.number().int(),
    passed: z.number().int().describe('已评审且达到最低合格线'),
    awarded: z.record(z.string(), z.number()).nullable().describe('截止后按名额与称号要求获评'),
    excellent: z.number().int().nullable(),
  })
  .openapi('DashboardCall');

export const OfficeDashboard = z
  .object({
    calls: z.array(DashboardCall),
    totals: z.object({
      calls: z.number().int(),
      open: z.number().int(),
      upcoming: z.number().int(),
      closed: z.number().int(),
      applied: z.number().int(),
      decided: z.number().int(),
      passed: z.number().int(),
      awarded: z.record(z.string(), z.number()),
      flagged: z.number().int(),
    }),
    cultivation: z.array(
      CultivationLine.extend({ chain: z.object({ id: Id, title: z.string() }) }),
    ),
  })
  .openapi('OfficeDashboard');
