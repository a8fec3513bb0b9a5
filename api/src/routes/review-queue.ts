import { createRoute } from '@hono/zod-openapi';
import { QueuePage, QueuePageQuery } from '../contract/index.ts';
import type { Deps } from '../deps.ts';
import { actorWithRole } from '../http/context.ts';
import { errors, jsonContent, router } from '../http/route-kit.ts';
import { queuePage } from '../services/review-queue.ts';

const tags = ['评审'];

/** The reviewer's queue as a server-side list (the plain array at /review/queue stays for old callers). */
export function reviewQueueRoutes(deps: Deps) {
  const app = router();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/review/queue/page',
      tags,
      summary: '评审队列（分页）：一个标签页的一页，搜索、筛选、排序在服务端，附各标签页的条数',
      request: { query: QueuePageQuery },
      responses: {
        200: jsonContent(QueuePage, '一页评审队列'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) =>
      c.json(await queuePage(deps, actorWithRole(c, 'reviewer'), c.req.valid('query')), 200),
  );
  return app;
}
