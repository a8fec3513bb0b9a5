import { createRoute, z } from '@hono/zod-openapi';
import {
  AssessmentDetail,
  AssessmentSummary,
  AssignBody,
  DecisionBody,
  Id,
  ItemReview,
  ItemReviewBody,
} from '../contract/index.ts';
import type { Deps } from '../deps.ts';
import { actorWithRole } from '../http/context.ts';
import { body, errors, jsonContent, router } from '../http/route-kit.ts';
import { assessmentDetail } from '../services/assessments.ts';
import { assign, decide, queue, reviewItem } from '../services/review.ts';
import { IdParams } from './assessments.ts';

const tags = ['评审'];

export function reviewRoutes(deps: Deps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/review/queue',
      tags,
      summary: '分配给我的评估',
      responses: {
        200: jsonContent(z.array(AssessmentSummary), '评审队列'),
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) => c.json(await queue(deps, actorWithRole(c, 'reviewer')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/assessments/{id}/reviewers',
      tags,
      summary: '分配评审员（管理员）',
      request: { params: IdParams, ...body(AssignBody) },
      responses: {
        204: { description: '已分配' },
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
        409: errors[409],
        422: errors[422],
      },
    }),
    async (c) => {
      const actor = actorWithRole(c, 'admin');
      await assign(deps, actor, c.req.valid('param').id, c.req.valid('json').reviewerId);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/assessments/{id}/reviews/{itemId}',
      tags,
      summary: '逐项评审：认可，或改判（须写理由）；可附评语',
      request: {
        params: IdParams.extend({ itemId: Id.openapi({ param: { name: 'itemId', in: 'path' } }) }),
        ...body(ItemReviewBody),
      },
      responses: {
        200: jsonContent(ItemReview, '已保存'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
        409: errors[409],
        422: errors[422],
      },
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
      path: '/assessments/{id}/decision',
      tags,
      summary: '评审决定：通过，或退回并说明',
      request: { params: IdParams, ...body(DecisionBody) },
      responses: {
        200: jsonContent(AssessmentDetail, '已决定'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
        404: errors[404],
        409: errors[409],
      },
    }),
    async (c) => {
      const actor = actorWithRole(c, 'reviewer');
      const { id } = c.req.valid('param');
      await decide(deps, actor, id, c.req.valid('json'));
      return c.json(await assessmentDetail(deps, actor, id), 200);
    },
  );

  return app;
}
