import { createRoute, z } from '@hono/zod-openapi';
import { AssessmentSummary, NewUserBody, Organisation, User } from '../contract/index.ts';
import type { Deps } from '../deps.ts';
import { actorWithRole } from '../http/context.ts';
import { body, errors, jsonContent, router } from '../http/route-kit.ts';
import { createUser, organisations, users } from '../services/admin.ts';
import { assessmentsToAssign } from '../services/review.ts';

const tags = ['管理'];
const adminOnly = { 401: errors[401], 403: errors[403] };

export function adminRoutes(deps: Deps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/users',
      tags,
      summary: '用户列表',
      responses: { 200: jsonContent(z.array(User), '用户'), ...adminOnly },
    }),
    async (c) => {
      actorWithRole(c, 'admin');
      return c.json(await users(deps), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/admin/users',
      tags,
      summary: '新建用户（密码至少 10 个字符，含字母和数字）',
      request: body(NewUserBody),
      responses: {
        201: jsonContent(User, '已创建'),
        400: errors[400],
        ...adminOnly,
        409: errors[409],
        422: errors[422],
      },
    }),
    async (c) => {
      actorWithRole(c, 'admin');
      return c.json(await createUser(deps, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/organisations',
      tags,
      summary: '机构列表',
      responses: { 200: jsonContent(z.array(Organisation), '机构'), ...adminOnly },
    }),
    async (c) => {
      actorWithRole(c, 'admin');
      return c.json(await organisations(deps), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/assessments',
      tags,
      summary: '已提交的评估（用于分配评审；不含草稿）',
      responses: { 200: jsonContent(z.array(AssessmentSummary), '评估'), ...adminOnly },
    }),
    async (c) => {
      actorWithRole(c, 'admin');
      return c.json(await assessmentsToAssign(deps), 200);
    },
  );

  return app;
}
