import { createRoute } from '@hono/zod-openapi';
import {
  AdminUser,
  NewLinkBody,
  NewUserBody,
  OneTimeLink,
  UserChangeBody,
  UserPage,
  UserQuery,
} from '../contract/index.ts';
import type { Deps } from '../deps.ts';
import { actorWithRole } from '../http/context.ts';
import { body, errors, jsonContent, router } from '../http/route-kit.ts';
import { issueLink } from '../services/admin-links.ts';
import { changeUser, createUser, setUserDisabled, users } from '../services/admin-users.ts';
import { IdParams } from './assessments.ts';

const tags = ['管理'];
const adminOnly = { 401: errors[401], 403: errors[403] };

/** Accounts: list, create or invite, change role, disable/enable, one-time links. */
export function adminUserRoutes(deps: Deps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/users',
      tags,
      summary: '用户列表（搜索姓名、邮箱或机构，按角色、机构、状态筛选，分页）',
      request: { query: UserQuery },
      responses: { 200: jsonContent(UserPage, '一页用户'), 400: errors[400], ...adminOnly },
    }),
    async (c) => {
      actorWithRole(c, 'admin');
      return c.json(await users(deps, c.req.valid('query')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/admin/users',
      tags,
      summary: '新建用户：带密码即可登录；不带密码为“已邀请”，再生成邀请链接',
      request: body(NewUserBody),
      responses: {
        201: jsonContent(AdminUser, '已创建'),
        400: errors[400],
        ...adminOnly,
        409: errors[409],
        422: errors[422],
      },
    }),
    async (c) => {
      const actor = actorWithRole(c, 'admin');
      return c.json(await createUser(deps, actor, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/admin/users/{id}',
      tags,
      summary: '修改姓名或角色（不能取消自己或最后一位管理员的管理员角色）',
      request: { params: IdParams, ...body(UserChangeBody) },
      responses: {
        200: jsonContent(AdminUser, '已修改'),
        400: errors[400],
        ...adminOnly,
        404: errors[404],
        409: errors[409],
      },
    }),
    async (c) => {
      const actor = actorWithRole(c, 'admin');
      const { id } = c.req.valid('param');
      return c.json(await changeUser(deps, actor, id, c.req.valid('json')), 200);
    },
  );

  for (const [verb, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const)
    app.openapi(
      createRoute({
        method: 'post',
        path: `/admin/users/{id}/${verb}`,
        tags,
        summary: disabled
          ? '停用账号：其会话立即失效，不能再登录（不能停用自己或最后一位管理员）'
          : '启用账号',
        request: { params: IdParams },
        responses: {
          200: jsonContent(AdminUser, disabled ? '已停用' : '已启用'),
          ...adminOnly,
          404: errors[404],
          409: errors[409],
        },
      }),
      async (c) => {
        const actor = actorWithRole(c, 'admin');
        return c.json(await setUserDisabled(deps, actor, c.req.valid('param').id, disabled), 200);
      },
    );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/admin/users/{id}/links',
      tags,
      summary: '生成一次性链接（邀请：72 小时；重置密码：24 小时）；旧链接随即失效',
      request: { params: IdParams, ...body(NewLinkBody) },
      responses: {
        201: jsonContent(OneTimeLink, '链接（只显示这一次）'),
        400: errors[400],
        ...adminOnly,
        404: errors[404],
      },
    }),
    async (c) => {
      const actor = actorWithRole(c, 'admin');
      const { id } = c.req.valid('param');
      const link = await issueLink(deps, actor, id, c.req.valid('json').purpose);
      c.header('Cache-Control', 'no-store');
      return c.json(link, 201);
    },
  );

  return app;
}
