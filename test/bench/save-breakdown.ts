/**
 * Where an autosave's CPU goes: the whole request against the real server
 * (wrk, as the load benchmark sends it: three answers of gbt29490-2013 per
 * save, 8 connections), beside the trivial route in the same round; then the
 * save's service alone, in this process on its own database, timed whole
 * and in parts (each part alone in a loop):
 *
 *   scoring    score() of the saved answers
 *   write      the conditional write and its audit row (not flushed)
 *   rest       the service − scoring − write (cache, checks, patch, JSON)
 *   around     the whole save − the trivial request − the service: body,
 *              validation, the response, the flush (group commit), what
 *              HTTP costs a save beyond what it costs the trivial route
 *
 *   pnpm bench:save   (cd test && node --import tsx bench/save-breakdown.ts)
 *   N=3000 ROUNDS=3 SECONDS=6; DATABASE_URL=postgres://… for PostgreSQL
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { score, statesFor } from '@zhiping/forms';
import { boot } from '../../api/src/bootstrap.ts';
import { loadConfig } from '../../api/src/config.ts';
import { writeDraftIf } from '../../api/src/db/repositories/assessment-saves.ts';
import { createApp } from '../../api/src/http/app.ts';
import { actorOfToken } from '../../api/src/services/auth.ts';
import { autosave } from '../../api/src/services/autosave.ts';
import { computeSelf, readModelColumns } from '../../api/src/services/read-model.ts';
import { demoDrafts, startBenchServer } from './bench-server.ts';
import { wrk } from './wrk.ts';

const N = Number(process.env.N ?? 3000);
const SECONDS = Number(process.env.SECONDS ?? 6);
const CONNS = 8;
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const PG = process.env.DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), 'zhiping-save-breakdown-'));
const schema = `save_breakdown_${process.pid}`;
const deps = await boot(
  loadConfig({ DATA_DIR: dir, SEED_DEMO: '1', ...(PG ? { DATABASE_URL: PG } : {}) }),
  { log: { info() {}, error() {} }, ...(PG ? { pgSchema: schema } : {}) },
);
const app = createApp(deps);
const login = await app.request('/api/auth/login', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'qiye@demo.zhiping.cn', password: 'Demo-2026-zhiping' }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
const created = await app.request('/api/assessments', {
  method: 'POST',
  headers: { 'content-type': 'application/json', cookie },
  body: JSON.stringify({ definition: 'gbt29490-2013', title: '保存耗时' }),
});
const draft = (await created.json()) as { id: string; revision: number };
const actor = await actorOfToken(deps, cookie.slice(cookie.indexOf('=') + 1));
if (!actor) throw new Error('the demo login gave no session');
let revision = draft.revision;

/** What wrk's script sends: two answers that alternate and an evidence note that changes. */
const answers = (k: number) => ({
  'c4.1.scope': k % 2 === 0,
  'c4.1.processes': k % 4,
  'c4.2.3.manual-issued': { files: [], ref: 'QM-01', note: `save ${k}` },
});

interface Timing {
  cpu: number;
  wall: number;
}
async function time(f: (k: number) => unknown): Promise<Timing> {
  for (let k = 0; k < Math.min(300, N); k++) await f(k);
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let k = 0; k < N; k++) await f(k);
  const wall = Number(process.hrtime.bigint() - t0) / 1000 / N;
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / N, wall };
}

const row = await deps.db.kysely
  .selectFrom('assessments')
  .select(['org_id', 'definition_id', 'definition_version', 'as_of'])
  .where('id', '=', draft.id)
  .executeTakeFirstOrThrow();
const { compiled } = await deps.definitions.get(`${row.definition_id}@${row.definition_version}`);

// The write's read-model columns depend on the two alternating answers only (k mod 4).
const selves = [0, 1, 2, 3].map((k) => computeSelf(compiled, answers(k), row.as_of));

const parts = {
  service: async (k: number) => {
    revision = (await autosave(deps, actor, draft.id, { revision, answers: answers(k) })).revision;
  },
  scoring: (k: number) => score(compiled, answers(k), { asOf: row.as_of }),
  write: async (k: number) => {
    const self = selves[k % 4] as (typeof selves)[number];
    const at = new Date().toISOString();
    const ok = await writeDraftIf(deps.db.kysely, deps.db.dialect, {
      id: draft.id,
      orgId: row.org_id,
      revision,
      states: statesFor('edit'),
      set: {
        answers: JSON.stringify(answers(k)),
        revision: revision + 1,
        updated_at: at,
        ...readModelColumns(self, revision + 1),
      },
      audit: { actor: actor.id, at, detail: JSON.stringify({ revision: revision + 1 }) },
    });
    if (!ok) throw new Error('the write did not land');
    revision++;
  },
};
// `write` alone leaves the draft cache a revision behind: the next round's first save reads
// the draft again (a warm-up save, not timed).

const here = dirname(fileURLToPath(import.meta.url));
const server = await startBenchServer(
  'breakdown',
  join(here, '../../api'),
  Number(process.env.PORT0 ?? 18370),
  PG ? { DATABASE_URL: PG, DATABASE_SCHEMA: `${schema}_server` } : {},
);
const target = await demoDrafts(server, CONNS);
/** The server's CPU per request over a wrk run (µs), and its req/s. */
async function overHttp(mode: 'trivial' | 'save') {
  const cpu0 = server.cpuMs();
  const r =
    mode === 'trivial'
      ? await wrk(`${server.url}/api/ping`, { seconds: SECONDS, connections: CONNS })
      : await wrk(server.url, {
          seconds: SECONDS,
          connections: CONNS,
          mode: 'save',
          targets: target.drafts,
          cookie: target.cookie,
          idsFile: `${tmpdir()}/wrk-ids-breakdown.txt`,
        });
  if (r.non2xx > 0 && mode === 'save') console.error(`${r.non2xx} saves were not 2xx`);
  return { cpu: ((server.cpuMs() - cpu0) * 1000) / Math.max(1, r.requests), rps: r.rps };
}

const fmt = (t: Timing) => `${t.cpu.toFixed(0)} / ${t.wall.toFixed(0)}`;
const rows: Record<string, string>[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  const trivial = await overHttp('trivial');
  const save = await overHttp('save');
  const t: Record<string, Timing> = {};
  for (const [name, f] of Object.entries(parts)) t[name] = await time(f);
  const rest = {
    cpu: (t.service?.cpu ?? 0) - (t.scoring?.cpu ?? 0) - (t.write?.cpu ?? 0),
    wall: (t.service?.wall ?? 0) - (t.scoring?.wall ?? 0) - (t.write?.wall ?? 0),
  };
  rows.push({
    round: String(round),
    'trivial, req/s': trivial.rps.toFixed(0),
    'save, req/s': save.rps.toFixed(0),
    'trivial, CPU': trivial.cpu.toFixed(0),
    'save, CPU': save.cpu.toFixed(0),
    around: (save.cpu - trivial.cpu - (t.service?.cpu ?? 0)).toFixed(0),
    service: fmt(t.service as Timing),
    scoring: fmt(t.scoring as Timing),
    write: fmt(t.write as Timing),
    'rest of service': fmt(rest),
    'load avg': load,
  });
}
console.log(
  `${PG ? 'PostgreSQL' : 'SQLite'}: µs of CPU per request over HTTP (wrk, ${CONNS} connections, ${SECONDS} s); ` +
    `the service's parts in process, µs CPU / wall, ${N} saves each`,
);
console.table(rows);
await server.stop();
if (PG)
  for (const name of [schema, `${schema}_server`])
    await deps.db.kysely.schema.dropSchema(name).ifExists().cascade().execute();
await deps.db.close();
await deps.reports.close();
rmSync(dir, { recursive: true, force: true });
