import { createRoute } from '@hono/zod-openapi';
import { LinkInfo, SetPasswordBody, TokenParams } from '../contract/index.ts';
import type { Deps } from '../deps.ts';
import { body, errors, jsonContent, router } from '../http/route-kit.ts';
import { linkInfo, setPasswordByLink } from '../services/admin-links.ts';

const tags = ['账号'];
const gone = { ...errors[404], description: '链接已使用、被取代或已过期（link-invalid）' };

/** The holder of a one-time link (no session) sets a password with it. */
export function adminLinkRoutes(deps: Deps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/auth/links/{token}',
      tags,
      summary: '一次性链接的账号（未使用且未过期时）',
      request: { params: TokenParams },
      responses: {
        200: jsonContent(LinkInfo, '可用'),
        400: errors[400],
        403: errors[403],
        410: gone,
      },
    }),
    async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await linkInfo(deps, c.req.valid('param').token), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/links/{token}',
      tags,
      summary: '用一次性链接设置密码（链接随即失效；该账号的其他会话结束）',
      request: { params: TokenParams, ...body(SetPasswordBody) },
      responses: {
        204: { description: '已设置，请用新密码登录' },
        400: errors[400],
        403: errors[403],
        410: gone,
        422: errors[422],
      },
    }),
    async (c) => {
      await setPasswordByLink(deps, c.req.valid('param').token, c.req.valid('json').password);
      return c.body(null, 204);
    },
  );

  return app;
}
