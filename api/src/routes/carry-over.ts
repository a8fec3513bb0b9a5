import { createRoute, z } from '@hono/zod-openapi';
import {
  CarriedOver,
  CarryOverBody,
  CarryOverReport,
  CarryOverTarget,
  ConfirmBody,
  PendingAnswers,
  RenameBody,
  Renamed,
  Saved,
  StartGuide,
} from '../contract/index.ts';
import type { Deps } from '../deps.ts';
import { actorOf, actorWithRole } from '../http/context.ts';
import { body, errors, jsonContent, router } from '../http/route-kit.ts';
import {
  carryOverTargets,
  confirm,
  pendingOf,
  previewCarryOver,
  startFrom,
  startGuide,
} from '../services/carry-over.ts';
import { rename } from '../services/names.ts';
import { IdParams } from './assessments.ts';

const tags = ['评估'];

/** Starting from an earlier assessment, confirming carried answers, renaming. */
export function carryOverRoutes(deps: Deps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/assessments/{id}/carry-over',
      tags,
      summary: '这份评估的答案可以沿用到哪些评估表（同一评估表再评一次，或按映射换表）',
      request: { params: IdParams },
      responses: {
        200: jsonContent(z.array(CarryOverTarget), '可沿用的评估表'),
        401: errors[401],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) =>
      c.json(
        await carryOverTargets(deps, actorWithRole(c, 'respondent'), c.req.valid('param').id),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/assessments/{id}/carry-over/preview',
      tags,
      summary: '沿用报告（不写入）：直接沿用、待确认、未沿用及原因、新增问题',
      request: { params: IdParams, ...body(CarryOverBody) },
      responses: {
        200: jsonContent(CarryOverReport, '沿用报告'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) =>
      c.json(
        await previewCarryOver(
          deps,
          actorWithRole(c, 'respondent'),
          c.req.valid('param').id,
          c.req.valid('json').definition,
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/assessments/{id}/carry-over',
      tags,
      summary: '从这份评估新建草稿：沿用答案，待确认的答案在确认前不计入',
      request: { params: IdParams, ...body(CarryOverBody) },
      responses: {
        201: jsonContent(CarriedOver, '已新建'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
        422: errors[422],
      },
    }),
    async (c) =>
      c.json(
        await startFrom(
          deps,
          actorWithRole(c, 'respondent'),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/assessments/{id}/pending',
      tags,
      summary: '沿用而来、尚待确认的答案（已重新作答的不再列出）',
      request: { params: IdParams },
      responses: {
        200: jsonContent(PendingAnswers, '待确认'),
        401: errors[401],
        404: errors[404],
      },
    }),
    async (c) => c.json(await pendingOf(deps, actorOf(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/assessments/{id}/pending/confirm',
      tags,
      summary: '确认沿用的答案：按普通保存写入（带版本号），并移出待确认',
      request: { params: IdParams, ...body(ConfirmBody) },
      responses: {
        200: jsonContent(Saved, '已确认'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
        409: errors[409],
        422: errors[422],
      },
    }),
    async (c) =>
      c.json(await confirm(deps, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/assessments/{id}/title',
      tags,
      summary: '重命名评估（任何状态；记入审计日志）',
      request: { params: IdParams, ...body(RenameBody) },
      responses: {
        200: jsonContent(Renamed, '已重命名'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) =>
      c.json(
        await rename(deps, actorOf(c), c.req.valid('param').id, c.req.valid('json').title),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/start-guide',
      tags: ['评估表'],
      summary: '引导式开始的规则：补充问题、跨评估表沿用的概况答案、何时推荐为主要评估表',
      responses: { 200: jsonContent(StartGuide, '规则'), 401: errors[401] },
    }),
    (c) => {
      actorOf(c);
      return c.json(startGuide(), 200);
    },
  );

  return app;
}
