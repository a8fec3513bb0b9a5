import { getConnInfo } from '@hono/node-server/conninfo';
import { createRoute } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { DUMMY_HASH, verifyPassword } from '../auth/password.ts';
import {
  type Actor,
  actorFor,
  createSession,
  endSession,
  SESSION_COOKIE,
} from '../auth/session.ts';
import { actorOf, type Ctx, type Deps } from '../http/context.ts';
import { problems } from '../http/problem.ts';
import { body, errors, jsonContent, router } from '../http/route-kit.ts';
import { LoginBody, User } from '../http/schemas.ts';

export const userOf = (a: Actor) => ({
  id: a.id,
  email: a.email,
  name: a.name,
  role: a.role,
  organisation: { id: a.orgId, name: a.orgName, kind: a.orgKind, region: a.orgRegion },
});

function clientAddress(c: Ctx): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process'; // app.request() in tests has no socket
  }
}

export function authRoutes(deps: Deps) {
  const app = router();
  const { kysely: db } = deps.db;

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
      const key = `${email}|${clientAddress(c)}`;
      const wait = deps.loginLimiter.blockedFor(key);
      if (wait > 0) throw problems.tooManyRequests(wait);
      const user = await db
        .selectFrom('users')
        .select(['id', 'password_hash'])
        .where('email', '=', email)
        .executeTakeFirst();
      // Verify against a dummy hash for unknown accounts: same cost, nothing learnt from timing.
      const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
      if (!user || !ok) {
        deps.loginLimiter.fail(key);
        throw problems.badCredentials();
      }
      deps.loginLimiter.reset(key);
      const now = deps.now();
      const { token, expiresAt } = await createSession(
        db,
        user.id,
        deps.config.SESSION_TTL_HOURS,
        now,
      );
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: deps.config.SECURE_COOKIES,
        path: '/',
        expires: expiresAt,
      });
      const actor = await actorFor(db, token, now);
      if (!actor) throw problems.unauthenticated();
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
      const actor = actorOf(c);
      await endSession(db, actor.sessionId);
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
