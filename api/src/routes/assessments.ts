import { createRoute, z } from '@hono/zod-openapi';
import {
  AssessmentDetail,
  AssessmentListQuery,
  AssessmentPage,
  AutosaveBody,
  Id,
  NewAssessmentBody,
  RevisionBody,
  Saved,
} from '../contract/index.ts';
import type { Deps } from '../deps.ts';
import { actorOf, actorWithRole } from '../http/context.ts';
import { etagMatches, versionedJson } from '../http/etag.ts';
import { body, errors, jsonContent, router } from '../http/route-kit.ts';
import { assessmentView } from '../services/assessment-view.ts';
import {
  assessmentDetail,
  autosave,
  createAssessment,
  listAssessments,
  reopen,
  submit,
} from '../services/assessments.ts';

export const IdParams = z.object({ id: Id.openapi({ param: { name: 'id', in: 'path' } }) });
/** An item of an assessment: `/assessments/{id}/…/{itemId}` (review judgements, roll-up fills). */
export const ItemParams = IdParams.extend({
  itemId: Id.openapi({ param: { name: 'itemId', in: 'path' } }),
});
const tags = ['评估'];

export function assessmentRoutes(deps: Deps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/assessments',
      tags,
      summary: '本机构的评估（分页；可按标题、状态、评估表筛选）',
      request: { query: AssessmentListQuery },
      responses: {
        200: jsonContent(AssessmentPage, '评估列表'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) =>
      c.json(
        await listAssessments(deps, actorWithRole(c, 'respondent'), c.req.valid('query')),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/assessments',
      tags,
      summary: '从评估表新建一份评估（固定到该版本及其哈希；日期缺省为所在时区的今天）',
      request: body(NewAssessmentBody),
      responses: {
        201: jsonContent(AssessmentDetail, '已创建'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
        422: errors[422],
      },
    }),
    async (c) => {
      const actor = actorWithRole(c, 'respondent');
      const row = await createAssessment(deps, actor, c.req.valid('json'));
      return c.json(await assessmentDetail(deps, actor, row.id), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/assessments/{id}',
      tags,
      summary: '一份评估：答案、结果、评审与可执行的操作（ETag；If-None-Match 相同时 304）',
      request: { params: IdParams },
      responses: {
        200: jsonContent(AssessmentDetail, '评估'),
        304: { description: '未改变（If-None-Match 与 ETag 相同）' },
        401: errors[401],
        404: errors[404],
      },
    }),
    async (c) => {
      const held = c.req.header('If-None-Match');
      const view = await assessmentView(deps, actorOf(c), c.req.valid('param').id, (etag) =>
        etagMatches(held, etag),
      );
      return versionedJson(c, view);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/assessments/{id}',
      tags,
      summary: '自动保存：带上看到的版本号；版本过期返回 409 stale-revision，不覆盖',
      request: { params: IdParams, ...body(AutosaveBody) },
      responses: {
        200: jsonContent(Saved, '已保存'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
        409: errors[409],
        413: errors[413],
        422: errors[422],
      },
    }),
    async (c) =>
      c.json(await autosave(deps, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/assessments/{id}/submit',
      tags,
      summary: '提交：按评估日期校验必答题，冻结答案，服务器评分并封存（SHA-256）',
      request: { params: IdParams, ...body(RevisionBody) },
      responses: {
        200: jsonContent(AssessmentDetail, '已提交'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
        409: errors[409],
        422: errors[422],
      },
    }),
    async (c) => {
      const actor = actorOf(c);
      const { id } = c.req.valid('param');
      await submit(deps, actor, id, c.req.valid('json').revision);
      return c.json(await assessmentDetail(deps, actor, id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/assessments/{id}/reopen',
      tags,
      summary: '重新打开被退回的评估',
      request: { params: IdParams, ...body(RevisionBody) },
      responses: {
        200: jsonContent(AssessmentDetail, '已重新打开'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
        409: errors[409],
      },
    }),
    async (c) => {
      const actor = actorOf(c);
      const { id } = c.req.valid('param');
      await reopen(deps, actor, id, c.req.valid('json').revision);
      return c.json(await assessmentDetail(deps, actor, id), 200);
    },
  );

  return app;
}
