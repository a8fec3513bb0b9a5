import { createRoute, z } from '@hono/zod-openapi';
import { refOf } from '@zhiping/forms';
import {
  DefinitionDetail,
  DefinitionFileBody,
  DefinitionRefParam,
  DefinitionSummary,
  Family,
  ScoreBody,
  ScoreResult,
} from '../contract/index.ts';
import type { Deps } from '../deps.ts';
import { actorWithRole } from '../http/context.ts';
import { body, errors, jsonContent, router } from '../http/route-kit.ts';
import { definitionByHash } from '../services/definition-by-hash.ts';
import { metaSchema } from '../services/meta-schema.ts';
import { scoreAnswers } from '../services/scoring.ts';

const RefParams = z.object({
  ref: DefinitionRefParam.openapi({ param: { name: 'ref', in: 'path' } }),
});
const HashParams = RefParams.extend({
  hash: z
    .string()
    .regex(/^sha256:[0-9a-f]{64}$/)
    .openapi({ param: { name: 'hash', in: 'path' }, example: 'sha256:…' }),
});

export function formRoutes(deps: Deps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forms',
      tags: ['评估表'],
      summary: '评估表目录（可按类别筛选）',
      request: {
        query: z.object({ family: Family.optional() }),
      },
      responses: { 200: jsonContent(z.array(DefinitionSummary), '评估表列表'), 400: errors[400] },
    }),
    async (c) => c.json(await deps.definitions.list(c.req.valid('query').family), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forms/{ref}',
      tags: ['评估表'],
      summary: '一个评估表（编号取最新版本，编号@版本取指定版本）',
      request: { params: RefParams },
      responses: {
        200: jsonContent(DefinitionDetail, '评估表'),
        400: errors[400],
        404: errors[404],
      },
    }),
    async (c) => {
      const { ref } = c.req.valid('param');
      const { definition } = await deps.definitions.get(ref);
      const summary = await deps.definitions.summary(ref);
      return c.json({ summary, definition }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forms/{ref}/{hash}',
      tags: ['评估表'],
      summary: '按内容哈希取一个评估表版本（编号@版本 + 哈希；不可变：浏览器永久缓存）',
      request: { params: HashParams },
      responses: {
        200: jsonContent(DefinitionDetail, '评估表'),
        400: errors[400],
        404: errors[404],
      },
    }),
    async (c) => {
      const { ref, hash } = c.req.valid('param');
      const detail = await definitionByHash(deps, ref, hash);
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
      return c.json(detail, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forms/{ref}/score',
      tags: ['评估表'],
      summary: '无状态评分：不需登录，不保存（供集成与预览）',
      request: { params: RefParams, ...body(ScoreBody) },
      responses: {
        200: jsonContent(ScoreResult, '评分结果'),
        400: errors[400],
        404: errors[404],
        422: errors[422],
      },
    }),
    async (c) =>
      c.json(await scoreAnswers(deps, c.req.valid('param').ref, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forms',
      tags: ['评估表'],
      summary: '发布新版本（管理员；经检查器检查，已发布版本不可修改）',
      request: body(DefinitionFileBody),
      responses: {
        201: jsonContent(DefinitionSummary, '已发布'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        409: errors[409],
        422: errors[422],
      },
    }),
    async (c) => {
      const actor = actorWithRole(c, 'admin');
      const stored = await deps.definitions.publish(c.req.valid('json'), actor.id, deps.now());
      return c.json(await deps.definitions.summary(refOf(stored.row)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/meta-schema',
      tags: ['评估表'],
      summary: '定义语言的 JSON Schema（编辑器补全用）',
      responses: { 200: jsonContent(z.record(z.string(), z.unknown()), 'JSON Schema') },
    }),
    (c) => c.json(metaSchema(), 200),
  );

  return app;
}
