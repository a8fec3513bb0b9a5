/**
 * CPU profile of one closed-loop scenario against the real server: starts
 * the server with --cpu-prof, runs wrk for SECONDS, stops the server and
 * prints where the server's time went (see profile-summary.ts).
 *
 *   cd test && node --import tsx bench/profile-save.ts save|get|get-br [outDir]
 *   DATABASE_URL=postgres://… for PostgreSQL
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoDrafts, startBenchServer } from './bench-server.ts';
import { wrk } from './wrk.ts';

const here = dirname(fileURLToPath(import.meta.url));
const mode = (process.argv[2] ?? 'save') as 'save' | 'get' | 'get-br' | 'mixed';
const out = process.argv[3] ?? '/tmp/prof';
const SECONDS = Number(process.env.SECONDS ?? 6);
const CONNS = Number(process.env.CONNECTIONS ?? 8);
const env: Record<string, string> = process.env.DATABASE_URL
  ? { DATABASE_URL: process.env.DATABASE_URL }
  : {};
const server = await startBenchServer('prof', join(here, '../../api'), 18390, env, [
  '--cpu-prof',
  `--cpu-prof-dir=${out}`,
]);
server.proc.stderr?.on('data', (d: Buffer) => process.stderr.write(d));
const { cookie, drafts } = await demoDrafts(server, CONNS);
const r = await wrk(server.url, {
  seconds: SECONDS,
  connections: CONNS,
  mode,
  targets: drafts,
  cookie,
  idsFile: '/tmp/wrk-ids-prof.txt',
});
console.log(mode, Math.round(r.rps), 'req/s', 'p50', r.p50, 'p99', r.p99, 'non2xx', r.non2xx);
await server.stop();
console.log(readdirSync(out).filter((f) => f.endsWith('.cpuprofile')));
