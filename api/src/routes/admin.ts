import { createRoute } from '@hono/zod-openapi';
import {
  AdminAuditPage,
  AdminOrganisation,
  AuditQuery,
  NewOrganisationBody,
  OrganisationChangeBody,
  OrganisationPage,
  OrganisationQuery,
} from '../contract/index.ts';
import type { Deps } from '../deps.ts';
import { actorWithRole } from '../http/context.ts';
import { body, errors, jsonContent, router } from '../http/route-kit.ts';
import { adminAudit } from '../services/admin.ts';
import {
  changeOrganisation,
  createOrganisation,
  organisations,
} from '../services/admin-organisations.ts';
import { adminAssessmentRoutes } from './admin-assessments.ts';
import { adminLinkRoutes } from './admin-links.ts';
import { adminUserRoutes } from './admin-users.ts';
import { IdParams } from './assessments.ts';

const tags = ['管理'];
const adminOnly = { 401: errors[401], 403: errors[403] };

/** The admin's workspace: organisations and the audit log here, the rest in admin-*.ts. */
export function adminRoutes(deps: Deps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/organisations',
      tags,
      summary: '机构列表（搜索名称或地区，按类型、行政级别筛选，分页）',
      request: { query: OrganisationQuery },
      responses: { 200: jsonContent(OrganisationPage, '一页机构'), 400: errors[400], ...adminOnly },
    }),
    async (c) => {
      actorWithRole(c, 'admin');
      return c.json(await organisations(deps, c.req.valid('query')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/admin/organisations',
      tags,
      summary: '新建机构（地区须与行政级别一起填写）',
      request: body(NewOrganisationBody),
      responses: {
        201: jsonContent(AdminOrganisation, '已创建'),
        400: errors[400],
        ...adminOnly,
      },
    }),
    async (c) => {
      const actor = actorWithRole(c, 'admin');
      return c.json(await createOrganisation(deps, actor, c.req.valid('json')), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/admin/organisations/{id}',
      tags,
      summary: '修改机构（名称、类型、地区及其行政级别）',
      request: { params: IdParams, ...body(OrganisationChangeBody) },
      responses: {
        200: jsonContent(AdminOrganisation, '已修改'),
        400: errors[400],
        ...adminOnly,
        404: errors[404],
      },
    }),
    async (c) => {
      const actor = actorWithRole(c, 'admin');
      const { id } = c.req.valid('param');
      return c.json(await changeOrganisation(deps, actor, id, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/audit',
      tags,
      summary: '管理操作日志（最新在前；可按对象筛选）',
      request: { query: AuditQuery },
      responses: { 200: jsonContent(AdminAuditPage, '一页日志'), 400: errors[400], ...adminOnly },
    }),
    async (c) => {
      actorWithRole(c, 'admin');
      return c.json(await adminAudit(deps, c.req.valid('query')), 200);
    },
  );

  app.route('/', adminUserRoutes(deps));
  app.route('/', adminLinkRoutes(deps));
  app.route('/', adminAssessmentRoutes(deps));
  return app;
}
