import { createRoute, z } from '@hono/zod-openapi';
import {
  AssessmentAuditQuery,
  AuditEntry,
  Inbox,
  InboxQuery,
  MarkReadBody,
  UnreadCount,
} from '../contract/index.ts';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/context.ts';
import { body, errors, jsonContent, router } from '../http/route-kit.ts';
import { auditCsv, auditOf } from '../services/audit.ts';
import { inbox, readNotifications } from '../services/notifications.ts';
import { IdParams } from './assessments.ts';

/* The audit trail (filterable, as CSV too) and the in-app inbox. */
export function reviewAuditRoutes(deps: Deps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/assessments/{id}/audit',
      tags: ['评估'],
      summary:
        '审计日志：谁在何时改了什么（只增不改）；可按操作人、操作、日期筛选；format=csv 导出',
      request: { params: IdParams, query: AssessmentAuditQuery },
      responses: {
        200: {
          content: {
            'application/json': { schema: z.array(AuditEntry) },
            'text/csv': { schema: z.string() },
          },
          description: '日志',
        },
        400: errors[400],
        401: errors[401],
        404: errors[404],
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const entries = await auditOf(deps, actorOf(c), c.req.valid('param').id, q);
      if (q.format === 'json') return c.json(entries, 200);
      return c.body(auditCsv(entries, deps.config.TIME_ZONE), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="audit-${c.req.valid('param').id}.csv"`,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/notifications',
      tags: ['通知'],
      summary: '站内通知：分配、退回、重新提交、决定；含未读数',
      request: { query: InboxQuery },
      responses: { 200: jsonContent(Inbox, '通知'), 400: errors[400], 401: errors[401] },
    }),
    async (c) => c.json(await inbox(deps, actorOf(c), c.req.valid('query').unread), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/notifications/read',
      tags: ['通知'],
      summary: '标为已读（ids 缺省为全部）',
      request: body(MarkReadBody),
      responses: { 200: jsonContent(UnreadCount, '未读数'), 400: errors[400], 401: errors[401] },
    }),
    async (c) => c.json(await readNotifications(deps, actorOf(c), c.req.valid('json').ids), 200),
  );

  return app;
}
