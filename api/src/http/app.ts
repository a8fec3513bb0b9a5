import { OpenAPIHono } from '@hono/zod-openapi';
import { SESSION_COOKIE } from '../auth/session.ts';
import type { Deps } from '../deps.ts';
import { adminRoutes } from '../routes/admin.ts';
import { assessmentRoutes } from '../routes/assessments.ts';
import { authRoutes } from '../routes/auth.ts';
import { carryOverRoutes } from '../routes/carry-over.ts';
import { dashboardRoutes } from '../routes/dashboards.ts';
import { fileRoutes, UPLOAD_PATH } from '../routes/files.ts';
import { formRoutes } from '../routes/forms.ts';
import { historyRoutes } from '../routes/history.ts';
import { programmeRoutes } from '../routes/programmes.ts';
import { reportRoutes } from '../routes/reports.ts';
import { reviewRoutes } from '../routes/review.ts';
import { reviewAuditRoutes } from '../routes/review-audit.ts';
import { reviewQueueRoutes } from '../routes/review-queue.ts';
import { webhookRoutes } from '../routes/webhooks.ts';
import { actorOfToken } from '../services/auth.ts';
import { readiness } from '../services/health.ts';
import { jsonBodyLimit } from './body-limit.ts';
import { compressJson } from './compress.ts';
import type { Env } from './context.ts';
import { mountDocs } from './docs.ts';
import { toProblem } from './error-boundary.ts';
import { problemResponse, problems } from './problem.ts';
import { headers, jsonBodies, sameOriginWrites, UNSAFE_METHODS } from './security.ts';
import { cookieValue } from './session-cookie.ts';
import { serveWeb } from './web-app.ts';

/** The whole HTTP surface; `deps` carries everything stateful. */
export function createApp(deps: Deps) {
  const app = new OpenAPIHono<Env>();

  app.onError((err, c) => problemResponse(c, toProblem(err, deps.log.error)));
  app.notFound((c) =>
    problemResponse(c, problems.notFound(`接口 ${c.req.method} ${new URL(c.req.url).pathname} `)),
  );

  // Registered before the security headers so it runs after them: a route may tighten the CSP.
  app.use(async (c, next) => {
    await next();
    const csp = c.get('csp');
    if (csp) c.res.headers.set('Content-Security-Policy', csp);
  });
  app.use(headers);
  // Registered early so it sees the final response, error bodies included.
  app.use('/api/*', compressJson());
  if (deps.config.LOG_REQUESTS)
    app.use(async (c, next) => {
      const t = performance.now();
      await next();
      deps.log.info(
        `${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - t).toFixed(1)}ms`,
      );
    });
  // Evidence uploads carry raw file bytes under their own, larger limit (routes/files.ts).
  const jsonLimit = jsonBodyLimit(deps.config.BODY_LIMIT);
  app.use('/api/*', (c, next) =>
    c.req.method === 'POST' && UPLOAD_PATH.test(c.req.path) ? next() : jsonLimit(c, next),
  );
  app.use('/api/*', (c, next) =>
    c.req.method === 'POST' && UPLOAD_PATH.test(c.req.path) ? next() : jsonBodies(c, next),
  );
  app.use('/api/*', sameOriginWrites(deps.config.TRUST_PROXY));
  // A write is acknowledged only once it is durable (see WalSync): hold the response until then.
  app.use('/api/*', async (c, next) => {
    await next();
    if (UNSAFE_METHODS.has(c.req.method) && c.res.status < 400) await deps.db.durable();
  });
  app.use('/api/*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    const token = cookieValue(c.req.header('cookie'), SESSION_COOKIE);
    // A signed-in request consults kept reads: what they are checked against is read
    // after this request arrived (db/open.ts).
    if (token) deps.db.observe();
    c.set('actor', token ? await actorOfToken(deps, token) : null);
    await next();
  });

  // Liveness without the database (and the baseline route of the load benchmark).
  app.get('/api/ping', (c) => c.text('pong'));
  // Readiness: the database answers.
  app.get('/api/health', async (c) => c.json(await readiness(deps)));
  for (const routes of [
    authRoutes,
    formRoutes,
    assessmentRoutes,
    reviewQueueRoutes,
    dashboardRoutes,
    reviewRoutes,
    reviewAuditRoutes,
    webhookRoutes,
    reportRoutes,
    fileRoutes,
    adminRoutes,
    carryOverRoutes,
    historyRoutes,
    programmeRoutes,
  ])
    app.route('/api', routes(deps));
  mountDocs(app);

  serveWeb(app, deps.config.WEB_DIST);
  return app;
}
