import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiBundle } from './api-bundle.ts';
import { once } from './once.ts';
import { e2eRun } from './run.ts';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const webDist = join(root, 'web', 'dist');
const apiDir = join(root, 'api');

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

/** How to run the API: the run's bundle under vitest, else its sources through tsx. */
async function apiCommand(): Promise<string[]> {
  const run = e2eRun();
  if (run) return [await apiBundle(apiDir, run.dir)];
  return [createRequire(join(apiDir, 'package.json')).resolve('tsx/cli'), 'src/main.ts'];
}

/** Starts the API process and resolves once it answers /api/health. */
async function spawnApi(
  command: string[],
  port: number,
  dataDir: string,
  env: Record<string, string>,
): Promise<RunningApi> {
  let output = '';
  // Its own process group, so stopping it also stops any process it starts.
  const child: ChildProcess = spawn(process.execPath, command, {
    cwd: apiDir,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      // Another build of the app when asked (as the browser bench measures one).
      WEB_DIST: process.env.WEB_DIST ?? webDist,
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
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`the API did not start on ${url}:\n${output}`);
}

/*
 * A data directory the API has seeded with the demo data, made once per run
 * and copied for every server that starts on empty data: the seed (the
 * demo's organisations, users, assessments in every state, programmes) costs
 * about a second of CPU per start, and a copy is what that start would have
 * made. The seed dates the programmes' calls relative to the day it runs,
 * so a copy is only used on the day it was made (the directory is named
 * for the date, in UTC and in China).
 */
async function seeded(command: string[], runDir: string): Promise<string> {
  const now = new Date();
  const china = new Date(now.getTime() + 8 * 3_600_000);
  const day = `${now.toISOString().slice(0, 10)}_${china.toISOString().slice(0, 10)}`;
  return once(join(runDir, `seeded-${day}`), async (tmp) => {
    mkdirSync(tmp);
    const api = await spawnApi(command, await freePort(), tmp, {});
    // A clean stop checkpoints SQLite's log into the database file; what is
    // copied is in any case only copied once the process is gone.
    await api.kill();
    await api.kill(true);
  });
}

/** Only the default configuration (and where the web app is) matches the seeded copy. */
const matchesSeed = (env: Record<string, string>) =>
  !process.env.DATABASE_URL && Object.keys(env).every((k) => k === 'WEB_DIST');

/**
 * Starts the real API (with the demo seed) as a child process on a fresh data
 * directory and a free port, serving the built web app. Stops it, and removes
 * the data, on `stop()`.
 */
export async function startApi(
  env: Record<string, string> = {},
  /** Restart on this port and data (after `kill`), or start on this port and empty data. */
  again?: { port: number; dataDir: string },
): Promise<RunningApi> {
  const port = again?.port ?? (await freePort());
  const dataDir = again?.dataDir ?? mkdtempSync(join(tmpdir(), 'zp-e2e-'));
  const command = await apiCommand();
  const run = e2eRun();
  if (run && matchesSeed(env) && readdirSync(dataDir).length === 0)
    cpSync(await seeded(command, run.dir), dataDir, { recursive: true });
  return spawnApi(command, port, dataDir, env);
}
