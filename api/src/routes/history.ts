import { createRoute, z } from '@hono/zod-openapi';
import { History, HistoryLine, HistoryQuery } from '../contract/index.ts';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/context.ts';
import { errors, jsonContent, router } from '../http/route-kit.ts';
import { historyLines, historyOf } from '../services/history.ts';

const tags = ['历史'];
const Organisation = HistoryQuery.pick({ organisation: true });
const DefinitionParams = z.object({
  definition: z
    .string()
    .regex(/^[a-z][a-z0-9_.-]*$/, '应为定义编号，如 gbt29490-2023')
    .max(100)
    .openapi({ param: { name: 'definition', in: 'path' } }),
});

/** An organisation's assessments over time (respondents: their own; admins name one). */
export function historyRoutes(deps: Deps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/history',
      tags,
      summary: '本机构评估过哪些评估表，各有几份',
      request: { query: Organisation },
      responses: {
        200: jsonContent(z.array(HistoryLine), '评估表'),
        401: errors[401],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) =>
      c.json(await historyLines(deps, actorOf(c), c.req.valid('query').organisation), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/history/{definition}',
      tags,
      summary: '一个评估表的历次评估和各轮提交：得分、等级、日期，各部分趋势，与上次相比的变化',
      request: { params: DefinitionParams, query: Organisation },
      responses: {
        200: jsonContent(History, '历史'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) =>
      c.json(
        await historyOf(
          deps,
          actorOf(c),
          c.req.valid('param').definition,
          c.req.valid('query').organisation,
        ),
        200,
      ),
  );

  return app;
}
