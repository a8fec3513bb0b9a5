import { createRoute, z } from '@hono/zod-openapi';
import { AdminAssessmentPage, AdminAssessmentQuery, ReviewersBody } from '../contract/index.ts';
import type { Deps } from '../deps.ts';
import { actorWithRole } from '../http/context.ts';
import { body, errors, jsonContent, router } from '../http/route-kit.ts';
import { adminAssessments, setReviewers } from '../services/admin-assessments.ts';
import { IdParams } from './assessments.ts';

const tags = ['管理'];
const adminOnly = { 401: errors[401], 403: errors[403] };
const Reviewers = z.array(z.object({ id: z.string(), name: z.string() }));

/** Every assessment in every state, and who reviews it. */
export function adminAssessmentRoutes(deps: Deps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/assessments',
      tags,
      summary: '全部评估（任何状态；搜索标题或机构，按状态、问卷、机构筛选，分页）',
      request: { query: AdminAssessmentQuery },
      responses: {
        200: jsonContent(AdminAssessmentPage, '一页评估'),
        400: errors[400],
        ...adminOnly,
      },
    }),
    async (c) => {
      actorWithRole(c, 'admin');
      return c.json(await adminAssessments(deps, c.req.valid('query')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/admin/assessments/{id}/reviewers',
      tags,
      summary: '设定评审员（分配、取消、改派；同一名单重复提交不作更改）',
      request: { params: IdParams, ...body(ReviewersBody) },
      responses: {
        200: jsonContent(Reviewers, '现在的评审员'),
        400: errors[400],
        ...adminOnly,
        404: errors[404],
        409: errors[409],
        422: errors[422],
      },
    }),
    async (c) => {
      const actor = actorWithRole(c, 'admin');
      const { id } = c.req.valid('param');
      return c.json(await setReviewers(deps, actor, id, c.req.valid('json').reviewerIds), 200);
    },
  );

  return app;
}
