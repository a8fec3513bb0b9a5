import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call } from './http.ts';

/*
 * A server for the benchmarks: the real service as its own process, from
 * any checkout's api/ (this one, or a worktree of an older commit measured
 * side by side), on a port of the benchmark's range.
 */

export interface BenchServer {
  name: string;
  url: string;
  pid: number;
  proc: ChildProcess;
  /** Resident memory now, in MB (Linux /proc). */
  rssMb(): number;
  /** CPU time the server process has used so far (user + system), in ms (Linux /proc). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** USER_HZ: the unit of /proc's CPU times (100 on every Linux build in common use). */
const CLOCK_TICKS = 100;

export async function startBenchServer(
  name: string,
  apiDir: string,
  port: number,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(process.env.BENCH_TMP ?? tmpdir(), 'zhiping-bench-'));
  const proc = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/main.ts'], {
    cwd: apiDir,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      SEED_DEMO: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-20_000);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  // Seeding the built-in definitions takes a while on a busy machine.
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${name} exited (${proc.exitCode}):\n${out}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`${name} did not start within 300 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const pid = proc.pid ?? 0;
  return {
    name,
    url,
    pid,
    proc,
    cpuMs: () => {
      // Fields 14 and 15 of /proc/<pid>/stat, after the command name (which may hold spaces).
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(f[11]) + Number(f[12])) * 1000) / CLOCK_TICKS;
    },
    rssMb: () => {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
    },
    stop: () =>
      new Promise((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

/** The 1-, 5- and 15-minute load averages, as printed beside each figure. */
export const loadAverage = () =>
  readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** A demo respondent's session and `count` fresh drafts of gbt29490-2013 on `server`. */
export async function demoDrafts(
  server: BenchServer,
  count: number,
): Promise<{ cookie: string; drafts: { id: string; revision: number }[] }> {
  const login = await call(server.url, 'POST', '/api/auth/login', {
    email: 'qiye@demo.zhiping.cn',
    password: 'Demo-2026-zhiping',
  });
  const cookie = String(login.headers['set-cookie'] ?? '').split(';')[0] ?? '';
  const drafts = [];
  for (let i = 0; i < count; i++) {
    const r = await call(
      server.url,
      'POST',
      '/api/assessments',
      { definition: 'gbt29490-2013', title: `负载 ${i}` },
      cookie,
    );
    const a = JSON.parse(r.body) as { id: string; revision: number };
    drafts.push({ id: a.id, revision: a.revision });
  }
  return { cookie, drafts };
}
