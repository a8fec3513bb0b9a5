import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const webDist = join(root, 'web', 'dist');

export interface RunningApi {
  url: string;
  port: number;
  dataDir: string;
  log: () => string;
  /** Stops the process and removes the data. */
  stop: () => Promise<void>;
  /** Stops the process only (SIGKILL with `hard`), keeping the data for a restart on the same port. */
  kill: (hard?: boolean) => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => ok(port));
    });
  });
}

/**
 * Starts the real API (with the demo seed) as a child process on a fresh data
 * directory and a free port, serving the built web app. Stops it, and removes
 * the data, on `stop()`.
 */
export async function startApi(
  env: Record<string, string> = {},
  /** Restart on this port and data (after `kill`). */
  again?: { port: number; dataDir: string },
): Promise<RunningApi> {
  const port = again?.port ?? (await freePort());
  const dataDir = again?.dataDir ?? mkdtempSync(join(tmpdir(), 'zp-e2e-'));
  const apiDir = join(root, 'api');
  const tsx = createRequire(join(apiDir, 'package.json')).resolve('tsx/cli');
  let output = '';
  // Its own process group, so stopping it also stops the node process tsx starts.
  const child: ChildProcess = spawn(process.execPath, [tsx, 'src/main.ts'], {
    cwd: apiDir,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      WEB_DIST: webDist,
      SQLITE_SYNCHRONOUS: 'NORMAL',
      ...env,
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (b: Buffer) => {
    output += b.toString();
  });
  child.stderr?.on('data', (b: Buffer) => {
    output += b.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const kill = async (hard = false) => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once('exit', r));
      try {
        process.kill(-child.pid, hard ? 'SIGKILL' : 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
  };
  const stop = async () => {
    await kill();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return { url, port, dataDir, log: () => output, stop, kill };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`the API did not start on ${url}:\n${output}`);
}
