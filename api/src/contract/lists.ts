import { z } from '@hono/zod-openapi';
import { AssessmentStatus, Family, IsoDate } from './common.ts';

/*
 * What every assessment list takes (Ant Design Pro's table on the server):
 * a search text, filters, a sort with its direction, and a page. Bad values
 * are a 400 problem naming the parameter, never clamped or ignored. The
 * order is total (ties broken on the id), so pages never repeat or skip a row.
 */

/** The columns a list sorts on. */
export const AssessmentSort = z
  .enum(['updatedAt', 'title', 'score', 'asOf', 'submittedAt'])
  .openapi('AssessmentSort');
export type AssessmentSort = z.infer<typeof AssessmentSort>;

export const SortOrder = z.enum(['asc', 'desc']).openapi('SortOrder');
export type SortOrder = z.infer<typeof SortOrder>;

const param = (name: string, description?: string) => ({
  param: { name, in: 'query' as const },
  ...(description ? { description } : {}),
});

/** A definition id without version (every version of it matches). */
export const DefinitionIdParam = z
  .string()
  .max(100)
  .regex(/^[a-z][a-z0-9_.-]*$/, '应为评估表编号，如 gbt29490-2023');

/** The filters and paging shared by the respondent's list, the reviewer's queue and the admin's list. */
export const listFields = (
  maxPageSize: number,
  defaultPageSize: number,
  defaultSort: AssessmentSort = 'updatedAt',
) => ({
  q: z
    .string()
    .trim()
    .max(100, '搜索词最多 100 个字符')
    .optional()
    .openapi(param('q', '标题（管理员：或机构名称）中包含的文字')),
  definition: DefinitionIdParam.optional().openapi(param('definition', '评估表编号（任何版本）')),
  family: Family.optional().openapi(param('family', '评估表类别')),
  tier: z
    .string()
    .max(60)
    .regex(/^[A-Za-z0-9_.-]+$/, '应为等级编号')
    .optional()
    .openapi(param('tier', '达到的等级编号（须同时指定评估表）；列表显示的等级：决定后为评审等级')),
  from: IsoDate.optional().openapi(param('from', '起始日（含），服务时区')),
  to: IsoDate.optional().openapi(param('to', '截止日（含），服务时区')),
  sort: AssessmentSort.default(defaultSort).openapi(param('sort')),
  order: SortOrder.default('desc').openapi(param('order')),
  page: z.coerce
    .number('页码应为数字')
    .int('页码应为整数')
    .min(1, '页码从 1 开始')
    .max(100_000, '页码过大')
    .default(1)
    .openapi(param('page')),
  pageSize: z.coerce
    .number('每页条数应为数字')
    .int('每页条数应为整数')
    .min(1, '每页至少 1 条')
    .max(maxPageSize, `每页最多 ${maxPageSize} 条`)
    .default(defaultPageSize)
    .openapi(param('pageSize')),
});

/** Rules across parameters: a tier belongs to one definition; a range runs forwards. */
export const listRules = (
  o: {
    tier?: string | undefined;
    definition?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
  },
  ctx: z.RefinementCtx,
) => {
  if (o.tier && !o.definition)
    ctx.addIssue({ code: 'custom', path: ['tier'], message: '按等级筛选须同时指定评估表' });
  if (o.from && o.to && o.from > o.to)
    ctx.addIssue({ code: 'custom', path: ['to'], message: '截止日不能早于起始日' });
};

/** The respondent's own assessments (the organisation is the caller's). */
export const AssessmentListQuery = z
  .object({
    ...listFields(1000, 100),
    status: AssessmentStatus.optional().openapi(param('status')),
  })
  .superRefine(listRules);
export type AssessmentListQuery = z.infer<typeof AssessmentListQuery>;

/** The reviewer's queue tabs: 待评审 (including finished, awaiting the lead), 已退回, 已决定. */
export const QueueTab = z.enum(['pending', 'returned', 'decided']).openapi('QueueTab');
export type QueueTab = z.infer<typeof QueueTab>;

export const QueuePageQuery = z
  .object({
    ...listFields(100, 20, 'submittedAt'),
    tab: QueueTab.default('pending').openapi(param('tab')),
    organisationId: z.string().min(1).max(100).optional().openapi(param('organisationId')),
  })
  .superRefine(listRules);
export type QueuePageQuery = z.infer<typeof QueuePageQuery>;
