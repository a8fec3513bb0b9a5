import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { e2eRun } from './run.ts';
import { root } from './server.ts';

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds web/dist when it is older than its sources (web's own
 * build-if-stale script decides), so the browser tests see the current app.
 * Under vitest that is decided once per run, by the first file to ask (the
 * others wait for it): a check is a tsx process, a build half a minute.
 */
export function ensureWebBuilt(): void {
  // WEB_DIST names another build (the browser bench's): the API serves that one.
  if (process.env.WEB_DIST) return;
  const run = e2eRun();
  if (!run) {
    check();
    return;
  }
  const done = join(run.dir, 'web-checked');
  const lock = `${done}.lock`;
  if (existsSync(done)) return;
  try {
    mkdirSync(lock);
  } catch {
    while (!existsSync(done) && existsSync(lock)) pause(200);
    if (existsSync(done)) return;
  }
  try {
    check();
    writeFileSync(done, '');
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function check(): void {
  const tsx = createRequire(join(root, 'test', 'package.json')).resolve('tsx/cli');
  execFileSync(process.execPath, [tsx, join(root, 'web', 'scripts', 'build-if-stale.ts')], {
    cwd: join(root, 'web'),
    stdio: 'pipe',
    // Under vitest NODE_ENV is "test", which React and antd would bake into the bundle.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
