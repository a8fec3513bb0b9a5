import { createRoute, z } from '@hono/zod-openapi';
import {
  ApplicantsView,
  Applied,
  ApplyInput,
  CultivationLine,
  Fill,
  FillInput,
  OfficeDashboard,
  OverrideInput,
  Programme,
  ProgrammeInput,
  ProgrammeView,
  ReviewerChoice,
  Rollup,
  Saved,
} from '../contract/index.ts';
import type { Deps } from '../deps.ts';
import { actorOf } from '../http/context.ts';
import { body, errors, jsonContent, router } from '../http/route-kit.ts';
import { cultivationOf, nextYear } from '../services/programme-cultivation.ts';
import { officeDashboard } from '../services/programme-dashboard.ts';
import { explainOverride, fillFromProgramme, fillsOf } from '../services/programme-fills.ts';
import { applicantsOf, rollupOf } from '../services/programme-ranking.ts';
import { rankingWorkbook } from '../services/programme-workbook.ts';
import {
  apply,
  closeNow,
  createProgramme,
  listProgrammes,
  programmeFor,
  reviewerChoices,
  withdraw,
} from '../services/programmes.ts';
import { IdParams, ItemParams } from './assessments.ts';
import { programmeTitleRoutes } from './programmes-titles.ts';

const tags = ['申报'];

/** Calls an office runs; applications; the office's view, ranking and roll-up (issue 18). */
export function programmeRoutes(deps: Deps) {
  const app = router();
  // Before /programmes/{id}, so fixed paths are not read as an id.
  app.route('/', programmeTitleRoutes(deps));

  app.openapi(
    createRoute({
      method: 'get',
      path: '/programmes',
      tags,
      summary: '可见的申报：本机构发起的，以及本机构可以申报的',
      responses: { 200: jsonContent(z.array(ProgrammeView), '申报'), 401: errors[401] },
    }),
    async (c) => c.json(await listProgrammes(deps, actorOf(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/programmes',
      tags,
      summary: '发起申报（市、省知识产权局；管理员代平台发起）',
      request: body(ProgrammeInput),
      responses: {
        201: jsonContent(Programme, '已发起'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
        422: errors[422],
      },
    }),
    async (c) => c.json(await createProgramme(deps, actorOf(c), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/programmes/reviewers',
      tags,
      summary: '发起申报时可选的评审员',
      responses: {
        200: jsonContent(z.array(ReviewerChoice), '评审员'),
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) => c.json(await reviewerChoices(deps, actorOf(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/programmes/dashboard',
      tags,
      summary: '本机构全部申报一览：各申报的申报、评审、合格、获评数，培育单位及漏报复核',
      responses: {
        200: jsonContent(OfficeDashboard, '一览'),
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) => c.json(await officeDashboard(deps, actorOf(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/programmes/{id}',
      tags,
      summary: '一项申报',
      request: { params: IdParams },
      responses: { 200: jsonContent(ProgrammeView, '申报'), 401: errors[401], 404: errors[404] },
    }),
    async (c) => c.json(await programmeFor(deps, actorOf(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/programmes/{id}/applications',
      tags,
      summary: '申报：用已有的同版本自评，或新建一份',
      request: { params: IdParams, ...body(ApplyInput) },
      responses: {
        201: jsonContent(Applied, '已申报'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
        409: errors[409],
        422: errors[422],
      },
    }),
    async (c) =>
      c.json(await apply(deps, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/programmes/{id}/applications/mine',
      tags,
      summary: '撤回本机构的申报（截止日当天及以前）',
      request: { params: IdParams },
      responses: {
        204: { description: '已撤回' },
        401: errors[401],
        404: errors[404],
        409: errors[409],
      },
    }),
    async (c) => {
      await withdraw(deps, actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/programmes/{id}/applicants',
      tags,
      summary: '申报单位及其评审得分；截止后含排名、评级和按名额确定的等级（发起机构）',
      request: { params: IdParams },
      responses: {
        200: jsonContent(ApplicantsView, '申报单位'),
        401: errors[401],
        404: errors[404],
      },
    }),
    async (c) => c.json(await applicantsOf(deps, actorOf(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/programmes/{id}/ranking.xlsx',
      tags,
      summary: '排名表（Excel），供上报',
      request: { params: IdParams },
      responses: {
        200: {
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              schema: z.string().openapi({ format: 'binary' }),
            },
          },
          description: '排名表',
        },
        401: errors[401],
        404: errors[404],
        409: errors[409],
      },
    }),
    async (c) => {
      const { bytes, filename } = await rankingWorkbook(deps, actorOf(c), c.req.valid('param').id);
      return c.body(new Uint8Array(bytes), 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/programmes/{id}/rollup',
      tags,
      summary: '申报结果汇总：申报、评审、达到各等级、获评的数量，各部分得分分布',
      request: { params: IdParams },
      responses: { 200: jsonContent(Rollup, '汇总'), 401: errors[401], 404: errors[404] },
    }),
    async (c) => c.json(await rollupOf(deps, actorOf(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/programmes/{id}/fills',
      tags,
      summary: '把申报汇总数填入本机构自己的评估（数字题），并记下来源',
      request: { params: IdParams, ...body(FillInput) },
      responses: {
        200: jsonContent(z.object({ saved: Saved, fill: Fill }), '已填入'),
        400: errors[400],
        401: errors[401],
        404: errors[404],
        409: errors[409],
        422: errors[422],
      },
    }),
    async (c) =>
      c.json(
        await fillFromProgramme(deps, actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/assessments/{id}/fills',
      tags,
      summary: '本评估中来自申报汇总的答案及其来源',
      request: { params: IdParams },
      responses: { 200: jsonContent(z.array(Fill), '来源'), 401: errors[401], 404: errors[404] },
    }),
    async (c) => c.json(await fillsOf(deps, actorOf(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/assessments/{id}/fills/{itemId}/override',
      tags,
      summary: '说明为什么答案与申报汇总数不同',
      request: {
        params: ItemParams,
        ...body(OverrideInput),
      },
      responses: {
        200: jsonContent(Fill, '已记录'),
        400: errors[400],
        401: errors[401],
        404: errors[404],
      },
    }),
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      return c.json(
        await explainOverride(deps, actorOf(c), id, itemId, c.req.valid('json').reason),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/programmes/{id}/close',
      tags,
      summary: '提前截止申报（发起机构）：不再接受申报和撤回，可以生成排名',
      request: { params: IdParams },
      responses: { 200: jsonContent(ProgrammeView, '已截止'), 401: errors[401], 404: errors[404] },
    }),
    async (c) => c.json(await closeNow(deps, actorOf(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/programmes/{id}/next',
      tags,
      summary: '发起下一年度的复核申报（设置相同，时间顺延一年）',
      request: { params: IdParams },
      responses: { 201: jsonContent(Programme, '已发起'), 401: errors[401], 404: errors[404] },
    }),
    async (c) => c.json(await nextYear(deps, actorOf(c), c.req.valid('param').id), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/programmes/{id}/cultivation',
      tags,
      summary: '培育中的单位及其漏报的年度复核（漏报两次标出）',
      request: { params: IdParams },
      responses: {
        200: jsonContent(z.array(CultivationLine), '培育单位'),
        401: errors[401],
        404: errors[404],
      },
    }),
    async (c) => c.json(await cultivationOf(deps, actorOf(c), c.req.valid('param').id), 200),
  );

  return app;
}
