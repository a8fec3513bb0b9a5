import { createRoute } from '@hono/zod-openapi';
import { WebhookBody, WebhookView } from '../contract/index.ts';
import type { Deps } from '../deps.ts';
import { actorWithRole } from '../http/context.ts';
import { body, errors, jsonContent, router } from '../http/route-kit.ts';
import { setWebhook, webhookView } from '../services/webhooks.ts';
import { IdParams } from './assessments.ts';

const tags = ['通知'];

/* An organisation's webhook (admin): set, remove, and its delivery log. */
export function webhookRoutes(deps: Deps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{id}/webhook',
      tags,
      summary: '机构的 webhook 与投递记录（管理员）',
      request: { params: IdParams },
      responses: { 200: jsonContent(WebhookView, 'webhook'), 401: errors[401], 403: errors[403] },
    }),
    async (c) => {
      actorWithRole(c, 'admin');
      return c.json(await webhookView(deps, c.req.valid('param').id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/organisations/{id}/webhook',
      tags,
      summary: '设置机构的 webhook（HMAC-SHA256 签名；失败按退避重试）；url 为 null 则删除',
      request: { params: IdParams, ...body(WebhookBody) },
      responses: {
        200: jsonContent(WebhookView, 'webhook'),
        400: errors[400],
        401: errors[401],
        403: errors[403],
      },
    }),
    async (c) => {
      const actor = actorWithRole(c, 'admin');
      const { id } = c.req.valid('param');
      const b = c.req.valid('json');
      await setWebhook(
        deps,
        actor,
        id,
        b.url === null ? null : { url: b.url, secret: b.secret ?? '' },
      );
      return c.json(await webhookView(deps, id), 200);
    },
  );

  return app;
}
