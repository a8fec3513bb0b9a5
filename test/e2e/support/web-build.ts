import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from './server.ts';

/**
 * Builds web/dist when it is older than its sources (web's own
 * build-if-stale script decides), so the browser tests see the current app.
 */
export function ensureWebBuilt(): void {
  const tsx = createRequire(join(root, 'test', 'package.json')).resolve('tsx/cli');
  execFileSync(process.execPath, [tsx, join(root, 'web', 'scripts', 'build-if-stale.ts')], {
    cwd: join(root, 'web'),
    stdio: 'pipe',
    // Under vitest NODE_ENV is "test", which React and antd would bake into the bundle.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
