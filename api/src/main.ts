import { serve } from '@hono/node-server';
import { sweepSessions } from './auth/session.ts';
import { boot } from './bootstrap.ts';
import { ConfigError, loadConfig } from './config.ts';
import { sweepAttempts } from './db/repositories/login-attempts.ts';
import { createApp } from './http/app.ts';
import { warmUp } from './services/warm-up.ts';
import { startWebhookLoop } from './services/webhooks.ts';

/** The process entry point: config from the environment, then serve until told to stop. */
async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const deps = await boot(config);
  // The engine's first runs happen here, not in the first saves (services/warm-up.ts).
  await warmUp(deps);
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, hostname: config.HOST, port: config.PORT }, (info) => {
    console.log(
      `知评已启动: http://${info.address === '::' ? 'localhost' : info.address}:${info.port}/  (数据库: ${deps.db.dialect} ${deps.db.location})`,
    );
  });
  const sweep = setInterval(() => {
    const now = deps.now();
    // A database that is away now is retried at the next sweep.
    sweepSessions(deps.db.kysely, now)
      .then(() => sweepAttempts(deps.db.kysely, new Date(now.getTime() - 3_600_000)))
      .catch((err) => deps.log.error('清理过期会话失败', err instanceof Error ? err.message : err));
  }, 3_600_000);
  sweep.unref();
  // Review events to organisations' webhooks, retried with backoff (issue 13).
  const stopWebhooks = startWebhookLoop(deps);
  const stop = () => {
    clearInterval(sweep);
    stopWebhooks();
    server.close(
      () => void Promise.all([deps.reports.close(), deps.db.close()]).then(() => process.exit(0)),
    );
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error('知评启动失败:', err instanceof Error ? err.message : err);
  process.exit(1);
});
