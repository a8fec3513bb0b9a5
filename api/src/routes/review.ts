import { createRoute, z } from '@hono/zod-openapi';
import {
  AssessmentAgreement,
  AssessmentDetail,
  AssignBody,
  BulkAgreeBody,
  DecisionBody,
  DecisionPreview,
  DecisionPreviewQuery,
  ItemReviewBody,
  Judgement,
  QueueEntry,
  QueueQuery,
  Reply,
  ReplyBody,
  ReviewConsole,
  ReviewerAgreement,
  RoundSummary,
} from '../contract/index.ts';
import type { Deps } from '../deps.ts';
import { actorOf, actorWithRole } from '../http/context.ts';
import { body, errors, jsonContent, router } from '../http/route-kit.ts';
import { assessmentDetail } from '../services/assessments.ts';
import {
  agreeItems,
  assign,
  finishReview,
  reply,
  reviewItem,
  settleItem,
} from '../services/review.ts';
import { assessmentAgreement, reviewerAgreement } from '../services/review-agreement.ts';
import { reviewConsole } from '../services/review-console.ts';
import { decide, previewDecision } from '../services/review-decision.ts';
import { queue, roundList } from '../services/review-queue.ts';
import { IdParams, ItemParams } from './assessments.ts';

const tags = ['评审'];
const judged = {
  400: errors[400],
  401: errors[401],
  403: errors[403],
  404: errors[404],
  409: errors[409],
  422: errors[422],
};

export function reviewRoutes(deps: Deps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/review/queue',
      tags,
      summary: '分配给我的评估：待评审（含已完成、待主审）/ 已退回 / 已决定',
      request: { query: QueueQuery },
      responses: {
        200: jsonContent(z.array(QueueEntry), '评审队列'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) =>
      c.json(await queue(deps, actorWithRole(c, 'reviewer'), c.req.valid('query').status), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/assessments/{id}/reviewers',
      tags,
      summary: '分配评审员（管理员）；首位为主审，lead: true 改为主审；重复分配不变',
      request: { params: IdParams, ...body(AssignBody) },
      responses: { 204: { description: '已分配' }, ...judged },
    }),
    async (c) => {
      const actor = actorWithRole(c, 'admin');
      const { reviewerId, lead } = c.req.valid('json');
      await assign(deps, actor, c.req.valid('param').id, reviewerId, { lead });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/assessments/{id}/review',
      tags,
      summary: '评审台：本轮各题的自评、变化、我的意见、其他评审员意见（均完成后）、最终意见与回复',
      request: { params: IdParams },
      responses: { 200: jsonContent(ReviewConsole, '评审台'), 401: errors[401], 404: errors[404] },
    }),
    async (c) => c.json(await reviewConsole(deps, actorOf(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/assessments/{id}/rounds',
      tags,
      summary: '各轮提交：封存、自评得分、决定与冻结的评审得分',
      request: { params: IdParams },
      responses: {
        200: jsonContent(z.array(RoundSummary), '各轮'),
        401: errors[401],
        404: errors[404],
      },
    }),
    async (c) => c.json(await roundList(deps, actorOf(c), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/assessments/{id}/reviews/{itemId}',
      tags,
      summary: '逐项评审（本人独立意见）：认可，或改判（须写理由）；可附评语',
      request: { params: ItemParams, ...body(ItemReviewBody) },
      responses: { 200: jsonContent(Judgement, '已保存'), ...judged },
    }),
    async (c) => {
      const actor = actorWithRole(c, 'reviewer');
      const { id, itemId } = c.req.valid('param');
      return c.json(await reviewItem(deps, actor, id, itemId, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/assessments/{id}/reviews/agree',
      tags,
      summary: '批量同意：列出的题目中尚无有效意见的，记为同意',
      request: { params: IdParams, ...body(BulkAgreeBody) },
      responses: {
        200: jsonContent(z.object({ saved: z.number().int() }), '已保存'),
        ...judged,
      },
    }),
    async (c) => {
      const actor = actorWithRole(c, 'reviewer');
      const { id } = c.req.valid('param');
      return c.json(await agreeItems(deps, actor, id, c.req.valid('json').items), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/assessments/{id}/review/finish',
      tags,
      summary: '完成本轮独立评审（意见锁定；全部评审员完成后，主审可见分歧并裁定）',
      request: { params: IdParams },
      responses: { 200: jsonContent(ReviewConsole, '评审台'), ...judged },
    }),
    async (c) => {
      const actor = actorWithRole(c, 'reviewer');
      const { id } = c.req.valid('param');
      await finishReview(deps, actor, id);
      return c.json(await reviewConsole(deps, actor, id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/assessments/{id}/settlements/{itemId}',
      tags,
      summary: '主审裁定一题的最终意见（各评审员完成后）',
      request: { params: ItemParams, ...body(ItemReviewBody) },
      responses: { 200: jsonContent(Judgement, '已裁定'), ...judged },
    }),
    async (c) => {
      const actor = actorWithRole(c, 'reviewer');
      const { id, itemId } = c.req.valid('param');
      return c.json(await settleItem(deps, actor, id, itemId, c.req.valid('json')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/assessments/{id}/decision/preview',
      tags,
      summary: '决定预览：将冻结的评审得分与等级、未评题目',
      request: { params: IdParams, query: DecisionPreviewQuery },
      responses: { 200: jsonContent(DecisionPreview, '预览'), ...judged },
    }),
    async (c) => {
      const actor = actorWithRole(c, 'reviewer');
      const { id } = c.req.valid('param');
      return c.json(await previewDecision(deps, actor, id, c.req.valid('query')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/assessments/{id}/decision',
      tags,
      summary:
        '评审决定（主审）：通过须逐项评审或选择“其余各项均同意”（agreeRest）；退回须说明；重复提交同一决定结果不变',
      request: { params: IdParams, ...body(DecisionBody) },
      responses: { 200: jsonContent(AssessmentDetail, '已决定'), ...judged },
    }),
    async (c) => {
      const actor = actorWithRole(c, 'reviewer');
      const { id } = c.req.valid('param');
      await decide(deps, actor, id, c.req.valid('json'));
      return c.json(await assessmentDetail(deps, actor, id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/assessments/{id}/replies/{itemId}',
      tags,
      summary: '回复评审意见（填报方，退回后或重新打开后）',
      request: { params: ItemParams, ...body(ReplyBody) },
      responses: { 200: jsonContent(Reply, '已回复'), ...judged },
    }),
    async (c) => {
      const actor = actorWithRole(c, 'respondent');
      const { id, itemId } = c.req.valid('param');
      return c.json(await reply(deps, actor, id, itemId, c.req.valid('json').text), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/assessments/{id}/agreement',
      tags,
      summary: '评审一致性：百分比一致率、Cohen/Fleiss kappa、加权 kappa（各评审员完成后）',
      request: {
        params: IdParams,
        query: z.object({ round: z.coerce.number().int().min(1).optional() }),
      },
      responses: {
        200: jsonContent(AssessmentAgreement, '一致性'),
        400: errors[400],
        401: errors[401],
        404: errors[404],
      },
    }),
    async (c) =>
      c.json(
        await assessmentAgreement(
          deps,
          actorOf(c),
          c.req.valid('param').id,
          c.req.valid('query').round,
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/reviewers/{id}/agreement',
      tags,
      summary: '评审员的一致性（逐轮）：本人或管理员可见',
      request: { params: IdParams },
      responses: {
        200: jsonContent(ReviewerAgreement, '一致性'),
        401: errors[401],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) =>
      c.json(
        await reviewerAgreement(
          deps,
          actorWithRole(c, 'reviewer', 'admin'),
          c.req.valid('param').id,
        ),
        200,
      ),
  );

  return app;
}
