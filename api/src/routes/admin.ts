import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { hashPassword } from '../auth/password.ts';
import { actorWithRole, type Deps } from '../http/context.ts';
import { problems } from '../http/problem.ts';
import { body, errors, jsonContent, router } from '../http/route-kit.ts';
import { AssessmentSummary, NewUserBody, Organisation, User } from '../http/schemas.ts';
import { assessmentsToAssign } from '../services/review.ts';

const tags = ['管理'];
const adminOnly = { 401: errors[401], 403: errors[403] };

export function adminRoutes(deps: Deps) {
  const app = router();
  const db = deps.db.kysely;

  const users = () =>
    db
      .selectFrom('users as u')
      .innerJoin('organisations as o', 'o.id', 'u.org_id')
      .select([
        'u.id',
        'u.email',
        'u.name',
        'u.role',
        'o.id as orgId',
        'o.name as orgName',
        'o.kind as orgKind',
        'o.region as orgRegion',
      ])
      .orderBy('o.name')
      .orderBy('u.email');
  const present = (u: Awaited<ReturnType<ReturnType<typeof users>['execute']>>[number]) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    organisation: { id: u.orgId, name: u.orgName, kind: u.orgKind, region: u.orgRegion },
  });

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
      return c.json((await users().execute()).map(present), 200);
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
      const b = c.req.valid('json');
      const org = await db
        .selectFrom('organisations')
        .select('id')
        .where('id', '=', b.organisationId)
        .executeTakeFirst();
      if (!org)
        throw problems.unprocessable('所属机构不存在。', [
          { path: 'organisationId', message: '没有这个机构' },
        ]);
      const taken = await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', b.email)
        .executeTakeFirst();
      if (taken) throw problems.conflict('email-taken', '邮箱已被使用', `${b.email} 已有账号。`);
      const id = randomUUID();
      await db
        .insertInto('users')
        .values({
          id,
          org_id: b.organisationId,
          email: b.email,
          name: b.name,
          role: b.role,
          password_hash: await hashPassword(b.password),
          created_at: deps.now().toISOString(),
        })
        .execute();
      const u = await users().where('u.id', '=', id).executeTakeFirstOrThrow();
      return c.json(present(u), 201);
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
      const rows = await db
        .selectFrom('organisations')
        .select(['id', 'name', 'kind', 'region'])
        .orderBy('name')
        .execute();
      return c.json(rows, 200);
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
