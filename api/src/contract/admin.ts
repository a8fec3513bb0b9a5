import { z } from '@hono/zod-openapi';
import * as forms from '@zhiping/forms';
import { AssessmentSummary } from './assessments.ts';
import { AssessmentStatus, fromEngine, Id, OrgKind, orNull, Role, Timestamp } from './common.ts';
import { listFields, listRules } from './lists.ts';

/*
 * The admin's workspace: organisations, accounts, every assessment, and the
 * admin audit log. Lists are pages (Ant Design Pro's table: page, pageSize,
 * total) in a stable order, filtered on the server.
 */

export const RegionLevel = fromEngine(forms.RegionLevel).openapi('RegionLevel');
export type RegionLevel = z.infer<typeof RegionLevel>;
export const UserStatus = fromEngine(forms.UserStatus).openapi('UserStatus');
export type UserStatus = z.infer<typeof UserStatus>;

const MAX_PAGE_SIZE = 100;

/** Paging and a search text, common to every admin list. Bad values are a 400, never clamped. */
export const PageQuery = z.object({
  page: z.coerce
    .number('页码应为数字')
    .int('页码应为整数')
    .min(1, '页码从 1 开始')
    .default(1)
    .openapi({ param: { name: 'page', in: 'query' }, example: 1 }),
  pageSize: z.coerce
    .number('每页条数应为数字')
    .int('每页条数应为整数')
    .min(1, '每页至少 1 条')
    .max(MAX_PAGE_SIZE, `每页最多 ${MAX_PAGE_SIZE} 条`)
    .default(20)
    .openapi({ param: { name: 'pageSize', in: 'query' }, example: 20 }),
  q: z
    .string()
    .trim()
    .max(100, '搜索词最多 100 个字符')
    .optional()
    .openapi({ param: { name: 'q', in: 'query' }, description: '名称、邮箱或标题中包含的文字' }),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** One page of a list: the rows, and how many match in all. */
export const pageOf = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      items: z.array(item),
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
    })
    .openapi(name);

export const AdminOrganisation = z
  .object({
    id: Id,
    name: z.string(),
    /** The short name new assessments' titles begin with; null → derived from the name. */
    shortName: z.string().nullable(),
    kind: OrgKind,
    /** The region's name, e.g. 宁波市 (free text, as before migration 0009). */
    region: z.string().nullable(),
    regionLevel: orNull(RegionLevel),
    users: z.number().int(),
    createdAt: Timestamp,
  })
  .openapi('AdminOrganisation');
export type AdminOrganisation = z.infer<typeof AdminOrganisation>;

export const OrganisationPage = pageOf(AdminOrganisation, 'OrganisationPage');
export type OrganisationPage = z.infer<typeof OrganisationPage>;

export const OrganisationQuery = PageQuery.extend({
  kind: OrgKind.optional().openapi({ param: { name: 'kind', in: 'query' } }),
  regionLevel: RegionLevel.optional().openapi({ param: { name: 'regionLevel', in: 'query' } }),
});
export type OrganisationQuery = z.infer<typeof OrganisationQuery>;

const OrgName = z.string().trim().min(1, '请填写机构名称').max(100, '机构名称最多 100 个字符');
const ShortName = z.string().trim().min(1, '简称不能为空').max(20, '简称最多 20 个字符');
const RegionName = z.string().trim().min(1, '请填写地区名称').max(50, '地区名称最多 50 个字符');

/**
 * A region is named together with its level, or not at all: a 强市 rule
 * cannot use a region whose level is unknown.
 */
const regionRule = (
  o: { region?: string | null; regionLevel?: RegionLevel | null },
  ctx: z.RefinementCtx,
) => {
  const hasRegion = o.region !== undefined && o.region !== null;
  const hasLevel = o.regionLevel !== undefined && o.regionLevel !== null;
  if (hasRegion && !hasLevel)
    ctx.addIssue({
      code: 'custom',
      path: ['regionLevel'],
      message: '请选择地区的行政级别（省、市或区县）',
    });
  if (hasLevel && !hasRegion)
    ctx.addIssue({
      code: 'custom',
      path: ['region'],
      message: '选择了行政级别，请同时填写地区名称',
    });
};

export const NewOrganisationBody = z
  .object({
    name: OrgName,
    shortName: ShortName.nullable().default(null),
    kind: OrgKind,
    region: RegionName.nullable().default(null),
    regionLevel: RegionLevel.nullable().default(null),
  })
  .superRefine(regionRule)
  .openapi('NewOrganisationBody');
export type NewOrganisationBody = z.infer<typeof NewOrganisationBody>;

/** Both region fields are sent together (or neither), so the rule above holds after the change. */
export const OrganisationChangeBody = z
  .object({
    name: OrgName.optional(),
    shortName: ShortName.nullable().optional(),
    kind: OrgKind.optional(),
    region: RegionName.nullable().optional(),
    regionLevel: RegionLevel.nullable().optional(),
  })
  .superRefine((o, ctx) => {
    if ((o.region === undefined) !== (o.regionLevel === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['regionLevel'],
        message: '地区名称和行政级别须一起修改',
      });
    else regionRule(o, ctx);
  })
  .openapi('OrganisationChangeBody');
export type OrganisationChangeBody = z.infer<typeof OrganisationChangeBody>;

export const AdminUser = z
  .object({
    id: Id,
    email: z.string(),
    name: z.string(),
    role: Role,
    status: UserStatus,
    organisation: z.object({ id: Id, name: z.string(), kind: OrgKind }),
    createdAt: Timestamp,
  })
  .openapi('AdminUser');
export type AdminUser = z.infer<typeof AdminUser>;

export const UserPage = pageOf(AdminUser, 'UserPage');
export type UserPage = z.infer<typeof UserPage>;

export const UserQuery = PageQuery.extend({
  role: Role.optional().openapi({ param: { name: 'role', in: 'query' } }),
  status: UserStatus.optional().openapi({ param: { name: 'status', in: 'query' } }),
  organisationId: Id.optional().openapi({ param: { name: 'organisationId', in: 'query' } }),
});
export type UserQuery = z.infer<typeof UserQuery>;

export const UserChangeBody = z
  .object({
    name: z.string().trim().min(1, '请填写姓名').max(100).optional(),
    role: Role.optional(),
  })
  .openapi('UserChangeBody');
export type UserChangeBody = z.infer<typeof UserChangeBody>;

export const LinkPurpose = z.enum(['invite', 'reset']).openapi('LinkPurpose');
export type LinkPurpose = z.infer<typeof LinkPurpose>;

export const NewLinkBody = z.object({ purpose: LinkPurpose }).openapi('NewLinkBody');

/** A one-time link, shown to the admin once: only its digest is stored. */
export const OneTimeLink = z
  .object({
    /** The path to open in the web app, e.g. /welcome/<token>; add the site's origin. */
    path: z.string(),
    token: z.string(),
    purpose: LinkPurpose,
    expiresAt: Timestamp,
  })
  .openapi('OneTimeLink');
export type OneTimeLink = z.infer<typeof OneTimeLink>;

/** What the holder of a valid link sees before choosing a password. */
export const LinkInfo = z
  .object({ purpose: LinkPurpose, email: z.string(), name: z.string(), expiresAt: Timestamp })
  .openapi('LinkInfo');
export type LinkInfo = z.infer<typeof LinkInfo>;

export const SetPasswordBody = z
  .object({ password: z.string().min(1, '请输入密码').max(200) })
  .openapi('SetPasswordBody');

export const TokenParams = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,100}$/, '链接无效')
    .openapi({ param: { name: 'token', in: 'path' } }),
});

const Person = z.object({ id: Id, name: z.string() });

export const AdminAssessment = AssessmentSummary.extend({ reviewers: z.array(Person) }).openapi(
  'AdminAssessment',
);
export type AdminAssessment = z.infer<typeof AdminAssessment>;

export const AdminAssessmentPage = pageOf(AdminAssessment, 'AdminAssessmentPage');
export type AdminAssessmentPage = z.infer<typeof AdminAssessmentPage>;

/** Every assessment: the shared list filters, and who owns or reviews it. */
export const AdminAssessmentQuery = z
  .object({
    ...listFields(MAX_PAGE_SIZE, 20),
    status: AssessmentStatus.optional().openapi({ param: { name: 'status', in: 'query' } }),
    organisationId: Id.optional().openapi({ param: { name: 'organisationId', in: 'query' } }),
    region: z
      .string()
      .trim()
      .min(1, '地区名称不能为空')
      .max(50, '地区名称最多 50 个字符')
      .optional()
      .openapi({
        param: { name: 'region', in: 'query' },
        description: '机构所在地区，按前缀匹配（江苏省 含 江苏省青澜市）',
      }),
    reviewerId: Id.optional().openapi({ param: { name: 'reviewerId', in: 'query' } }),
  })
  .superRefine(listRules);
export type AdminAssessmentQuery = z.infer<typeof AdminAssessmentQuery>;

/** The reviewers an assessment should have: assigning, unassigning and reassigning in one idempotent call. */
export const ReviewersBody = z
  .object({
    reviewerIds: z
      .array(Id)
      .max(10, '最多 10 名评审员')
      .refine((ids) => new Set(ids).size === ids.length, '评审员不能重复'),
  })
  .openapi('ReviewersBody');
export type ReviewersBody = z.infer<typeof ReviewersBody>;

export const AdminAuditEntry = z
  .object({
    id: z.number().int(),
    action: z.string(),
    actor: Person,
    targetKind: z.enum(['user', 'organisation', 'assessment']),
    targetId: z.string(),
    detail: z.record(z.string(), z.unknown()),
    at: Timestamp,
  })
  .openapi('AdminAuditEntry');
export type AdminAuditEntry = z.infer<typeof AdminAuditEntry>;

export const AdminAuditPage = pageOf(AdminAuditEntry, 'AdminAuditPage');
export type AdminAuditPage = z.infer<typeof AdminAuditPage>;

export const AuditQuery = PageQuery.extend({
  targetId: Id.optional().openapi({ param: { name: 'targetId', in: 'query' } }),
});
