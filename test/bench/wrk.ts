import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * wrk (the Debian package) as the closed-loop load generator: a C client
 * in its own process, so that the figures measure the server and not a
 * Node client sharing its event loop. One connection per thread: the Lua
 * script keeps each connection's revision (see wrk/assessment.lua).
 */

const script = join(dirname(fileURLToPath(import.meta.url)), 'wrk', 'assessment.lua');

export interface WrkResult {
  rps: number;
  p50: number;
  p99: number;
  /** Responses that were not 2xx/3xx (409s, errors). */
  non2xx: number;
  requests: number;
}

const ms = (v: string, unit: string) =>
  Number(v) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : unit === 'm' ? 60_000 : 1);

export async function wrk(
  url: string,
  o: {
    seconds: number;
    connections: number;
    /** Plain GET of `url` when absent. */
    mode?: 'get' | 'get-br' | 'save' | 'mixed';
    /** "<id> <revision>" per connection. */
    targets?: { id: string; revision: number }[];
    cookie?: string;
    idsFile?: string;
  },
): Promise<WrkResult> {
  const args = ['-t', String(o.connections), '-c', String(o.connections), '-d', `${o.seconds}s`];
  args.push('--latency');
  if (o.mode) {
    const file = o.idsFile ?? '/tmp/zhiping-wrk-ids.txt';
    writeFileSync(file, (o.targets ?? []).map((t) => `${t.id} ${t.revision}`).join('\n'));
    args.push('-s', script, url, '--', file, o.cookie ?? '', o.mode);
  } else {
    if (o.cookie) args.push('-H', `Cookie: ${o.cookie}`);
    args.push(url);
  }
  const out = await new Promise<string>((resolve, reject) => {
    const p = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    p.stdout.on('data', (d) => {
      text += d;
    });
    p.stderr.on('data', (d) => {
      text += d;
    });
    p.on('error', reject);
    p.on('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`wrk exited ${code}:\n${text}`)),
    );
  });
  const pct = (p: string) => {
    const m = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(out);
    return m ? ms(m[1] ?? '', m[2] ?? 'ms') : Number.NaN;
  };
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? Number.NaN),
    p50: pct('50'),
    p99: pct('99'),
    non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0),
    requests: Number(/(\d+) requests in/.exec(out)?.[1] ?? 0),
  };
}
