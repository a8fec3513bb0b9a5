import { createRoute } from '@hono/zod-openapi';
import { AdminDashboard, RespondentDashboard, ReviewerDashboard } from '../contract/index.ts';
import type { Deps } from '../deps.ts';
import { actorWithRole } from '../http/context.ts';
import { errors, jsonContent, router } from '../http/route-kit.ts';
import { adminDashboard, respondentDashboard, reviewerDashboard } from '../services/dashboards.ts';

const tags = ['工作台'];
const refused = { 401: errors[401], 403: errors[403] };

/** The figures on each role's home page; each role reads only its own. */
export function dashboardRoutes(deps: Deps) {
  const app = router();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/dashboard/respondent',
      tags,
      summary: '企业工作台：各评估表最近一次的得分与等级、最近一次评审结论，下一步做什么',
      responses: { 200: jsonContent(RespondentDashboard, '企业工作台'), ...refused },
    }),
    async (c) => c.json(await respondentDashboard(deps, actorWithRole(c, 'respondent')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/dashboard/reviewer',
      tags,
      summary: '评审工作台：队列按状态计数，近 8 周每周完成的评审与作出的决定',
      responses: { 200: jsonContent(ReviewerDashboard, '评审工作台'), ...refused },
    }),
    async (c) => c.json(await reviewerDashboard(deps, actorWithRole(c, 'reviewer')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/dashboard/admin',
      tags,
      summary: '管理工作台：评估按状态与评估表计数，评审员工作量，待分配数',
      responses: { 200: jsonContent(AdminDashboard, '管理工作台'), ...refused },
    }),
    async (c) => {
      actorWithRole(c, 'admin');
      return c.json(await adminDashboard(deps), 200);
    },
  );
  return app;
}
