import { getConnInfo } from '@hono/node-server/conninfo';
import { createRoute } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { type Actor, SESSION_COOKIE } from '../auth/session.ts';
import { LoginBody, User } from '../contract/index.ts';
import type { Deps } from '../deps.ts';
import { actorOf, type Ctx } from '../http/context.ts';
import { body, errors, jsonContent, router } from '../http/route-kit.ts';
import { login, logout, refuseBlockedAddress } from '../services/auth.ts';

export const userOf = (a: Actor): User => ({
  id: a.id,
  email: a.email,
  name: a.name,
  role: a.role,
  organisation: { id: a.orgId, name: a.orgName, kind: a.orgKind, region: a.orgRegion },
});

/**
 * The client's address: the socket's, or with TRUST_PROXY the one our proxy
 * appended last to X-Forwarded-For (entries before it are the client's word).
 */
const clientAddress = (deps: Deps, c: Ctx): string => {
  if (deps.config.TRUST_PROXY) {
    const hops = c.req.header('x-forwarded-for')?.split(',') ?? [];
    const last = hops.at(-1)?.trim();
    if (last) return last;
  }
  return socketAddress(c);
};

function socketAddress(c: Ctx): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process'; // app.request() in tests has no socket
  }
}

export function authRoutes(deps: Deps) {
  const app = router();
  app.use('/auth/login', async (c, next) => {
    refuseBlockedAddress(deps, clientAddress(deps, c));
    await next();
  });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      tags: ['账号'],
      summary: '登录（设置会话 Cookie）',
      request: body(LoginBody),
      responses: {
        200: jsonContent(User, '已登录'),
        400: errors[400],
        401: errors[401],
        429: errors[429],
      },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const { actor, token, expiresAt } = await login(
        deps,
        email,
        password,
        clientAddress(deps, c),
      );
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: deps.config.SECURE_COOKIES,
        path: '/',
        // Relative, not a date: a browser whose clock is off still keeps the
        // session as long as the server does (and the server's clock decides).
        maxAge: Math.max(0, Math.floor((expiresAt.getTime() - deps.now().getTime()) / 1000)),
      });
      return c.json(userOf(actor), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      tags: ['账号'],
      summary: '退出登录（会话在服务器端作废）',
      responses: { 204: { description: '已退出' }, 401: errors[401] },
    }),
    async (c) => {
      await logout(deps, actorOf(c));
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/auth/me',
      tags: ['账号'],
      summary: '当前用户',
      responses: { 200: jsonContent(User, '当前用户'), 401: errors[401] },
    }),
    (c) => c.json(userOf(actorOf(c)), 200),
  );

  return app;
}
