/**
 * Load benchmark on loopback, against the real server process, on SQLite
 * and PostgreSQL in one run — and, with BEFORE=<checkout>, an older
 * checkout's server measured side by side with this one (same machine,
 * same minutes, scenarios alternated).
 *
 *   pnpm bench:load
 *   BEFORE=/tmp/h-speed/before SECONDS=8 pnpm bench:load
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test  (default; NO_PG=1 skips it)
 *   DBS=postgres  (only the databases named, comma-separated: sqlite,postgres)
 *   SCENARIOS=get,get-br ROUNDS=3 CLOSED_ONLY=1  (some closed-loop scenarios, several rounds, no open loop or list)
 *   OPEN_ONLY=1 DBS=postgres                     (the open loops alone, on one database)
 *
 * Closed loop: wrk (Debian package `wrk`) in its own process, one connection
 * per thread, the Lua script tracking each connection's revision — trivial
 * route / GET / GET accepting brotli / save / mixed (3 GET : 1 save), each as a ratio to the trivial
 * route's req/s in the same run. Open loop: a Node client offering RATE
 * req/s (latency from each request's scheduled start). Then a list of
 * 1,000 assessments. The load average is printed beside every figure:
 * other work on the machine moves absolute numbers, ratios less so. Each
 * closed-loop row also gives the server's CPU per request (from /proc) and
 * its ratio to the trivial route's: what a request costs the server,
 * whatever share of the cores wrk takes. On a virtual machine whose speed
 * changes from minute to minute it moves as well (34–71 µs for the trivial
 * route in one session): compare within a round.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchServer, demoDrafts, loadAverage, startBenchServer } from './bench-server.ts';
import { call, openLoop, pct } from './http.ts';
import { wrk } from './wrk.ts';

const here = dirname(fileURLToPath(import.meta.url));
const apiDir = join(here, '../../api');
const SECONDS = Number(process.env.SECONDS ?? 8);
const CONNS = Number(process.env.CONNECTIONS ?? 8);
const RATE = Number(process.env.RATE ?? 500);
const CLIENTS = Number(process.env.CLIENTS ?? 50);
const LIST = Number(process.env.LIST ?? 1000);
const PORT0 = Number(process.env.PORT0 ?? 18300);
const PG = process.env.NO_PG
  ? undefined
  : (process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');

interface Target {
  server: BenchServer;
  cookie: string;
  drafts: { id: string; revision: number }[];
}

async function prepare(server: BenchServer): Promise<Target> {
  return { server, ...(await demoDrafts(server, Math.max(CONNS, CLIENTS))) };
}

/** The revision each draft is at now (after wrk's saves), for the next scenario. */
async function refresh(t: Target) {
  for (const d of t.drafts) {
    try {
      const r = await call(t.server.url, 'GET', `/api/assessments/${d.id}`, undefined, t.cookie);
      d.revision = (JSON.parse(r.body) as { revision: number }).revision;
    } catch (e) {
      // The Lua script and the open loop follow the revision from the first 409 on.
      console.error(`refresh of ${d.id} on ${t.server.name}: ${String(e)}`);
    }
  }
}

type Row = Record<string, string | number>;

const SCENARIOS = ['trivial', 'get', 'get-br', 'save', 'mixed'] as const;
/** SCENARIOS=get,get-br: only those (and the trivial route, every ratio's base). */
const chosen = SCENARIOS.filter(
  (s) => s === 'trivial' || !process.env.SCENARIOS || process.env.SCENARIOS.split(',').includes(s),
);
/** ROUNDS=3: the closed loop that many times over, each ratio against its own round's trivial route. */
const ROUNDS = Math.max(1, Number(process.env.ROUNDS ?? 1));

async function closedLoop(targets: Target[], rows: Row[], round: number) {
  const trivial = new Map<string, number>();
  const trivialCpu = new Map<string, number>();
  for (const scenario of chosen) {
    for (const t of targets) {
      await refresh(t);
      const load = loadAverage();
      const cpu0 = t.server.cpuMs();
      const r =
        scenario === 'trivial'
          ? await wrk(`${t.server.url}/api/ping`, { seconds: SECONDS, connections: CONNS })
          : await wrk(t.server.url, {
              seconds: SECONDS,
              connections: CONNS,
              mode: scenario,
              targets: t.drafts.slice(0, CONNS),
              cookie: t.cookie,
              idsFile: `${process.env.BENCH_TMP ?? '/tmp'}/wrk-ids-${t.server.name}.txt`,
            });
      // The server's CPU per request, whatever share of the cores wrk takes; its ratio says
      // how many trivial requests one costs.
      const cpuUs = ((t.server.cpuMs() - cpu0) * 1000) / Math.max(1, r.requests);
      if (scenario === 'trivial') {
        trivial.set(t.server.name, r.rps);
        trivialCpu.set(t.server.name, cpuUs);
      }
      const base = trivial.get(t.server.name) ?? Number.NaN;
      const baseCpu = trivialCpu.get(t.server.name) ?? Number.NaN;
      rows.push({
        ...(ROUNDS > 1 ? { round } : {}),
        server: t.server.name,
        scenario,
        'req/s': Math.round(r.rps),
        'ratio to trivial': `${Math.round((100 * r.rps) / base)} %`,
        'CPU µs/req': Math.round(cpuUs),
        'CPU ratio': `${Math.round((100 * baseCpu) / cpuUs)} %`,
        'p50 ms': r.p50.toFixed(2),
        'p99 ms': r.p99.toFixed(2),
        'non-2xx': r.non2xx,
        'load avg': load,
      });
    }
  }
}

async function openLoops(targets: Target[], rows: Row[]) {
  for (const scenario of ['get', 'autosave'] as const) {
    for (const t of targets) {
      await refresh(t);
      const revs = t.drafts.map((d) => d.revision);
      let n = 0;
      const fire = async (c: number) => {
        const d = t.drafts[c % t.drafts.length];
        if (!d) return 0;
        if (scenario === 'get')
          return (await call(t.server.url, 'GET', `/api/assessments/${d.id}`, undefined, t.cookie))
            .status;
        n++;
        const r = await call(
          t.server.url,
          'PATCH',
          `/api/assessments/${d.id}`,
          {
            revision: revs[c],
            answers: {
              'c4.1.scope': (n & 1) === 0,
              'c4.2.3.manual-issued': { files: [], ref: 'QM-01', note: `第 ${n} 次保存` },
            },
          },
          t.cookie,
        );
        if (r.status === 200) revs[c] = (JSON.parse(r.body) as { revision: number }).revision;
        // A save the client gave up on may still land: follow the server from its 409.
        const current = (JSON.parse(r.body) as { currentRevision?: number }).currentRevision;
        if (r.status === 409 && current !== undefined) revs[c] = current;
        return r.status;
      };
      const load = loadAverage();
      const r = await openLoop(RATE, SECONDS, CLIENTS, fire);
      rows.push({
        server: t.server.name,
        scenario: `${scenario} @ ${RATE}/s`,
        achieved: r.achieved,
        'p50 ms': r.p50.toFixed(2),
        'p90 ms': r.p90.toFixed(2),
        'p99 ms': r.p99.toFixed(2),
        errors: r.errors,
        'load avg': load,
      });
    }
  }
}

/** Per server and scenario: the median req/s and the median of the rounds' ratios. */
function medians(rows: Row[]): Row[] {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const k = `${r.server}|${r.scenario}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups.values()].map((g) => ({
    server: String(g[0]?.server),
    scenario: String(g[0]?.scenario),
    'req/s (median)': Math.round(
      pct(
        g.map((r) => Number(r['req/s'])),
        50,
      ),
    ),
    'ratio (median)': `${Math.round(
      pct(
        g.map((r) => Number.parseInt(String(r['ratio to trivial']), 10)),
        50,
      ),
    )} %`,
    'CPU ratio (median)': `${Math.round(
      pct(
        g.map((r) => Number.parseInt(String(r['CPU ratio']), 10)),
        50,
      ),
    )} %`,
    'req/s (all rounds)': g.map((r) => r['req/s']).join(' / '),
  }));
}

async function lists(targets: Target[], rows: Row[]) {
  for (const t of targets) {
    const made = t.drafts.length;
    for (let i = made; i < LIST; i += 20)
      await Promise.all(
        Array.from({ length: Math.min(20, LIST - i) }, (_, k) =>
          call(
            t.server.url,
            'POST',
            '/api/assessments',
            { definition: 'gbt29490-2013', title: `清单 ${i + k}` },
            t.cookie,
          ),
        ),
      );
  }
  for (const t of targets) {
    const times: number[] = [];
    let count = 0;
    let bytes = 0;
    const load = loadAverage();
    for (let i = 0; i < 15; i++) {
      const s = performance.now();
      const r = await call(
        t.server.url,
        'GET',
        `/api/assessments?pageSize=${LIST}`,
        undefined,
        t.cookie,
      );
      times.push(performance.now() - s);
      const body = JSON.parse(r.body) as unknown[] | { items: unknown[] };
      count = Array.isArray(body) ? body.length : body.items.length;
      bytes = r.body.length;
    }
    rows.push({
      server: t.server.name,
      scenario: `list of ${count}`,
      'median ms': pct(times, 50).toFixed(1),
      'p90 ms': pct(times, 90).toFixed(1),
      KB: Math.round(bytes / 1024),
      'load avg': load,
    });
  }
}

async function dropSchemas(schemas: string[]) {
  if (!PG || schemas.length === 0) return;
  const pg = createRequire(join(apiDir, 'package.json'))('pg') as {
    Client: new (o: {
      connectionString: string;
    }) => {
      connect(): Promise<void>;
      query(q: string): Promise<unknown>;
      end(): Promise<void>;
    };
  };
  const client = new pg.Client({ connectionString: PG });
  await client.connect();
  for (const s of schemas) await client.query(`drop schema if exists ${s} cascade`);
  await client.end();
}

async function main() {
  const checkouts: [string, string][] = [
    ...(process.env.BEFORE
      ? [['before', join(process.env.BEFORE, 'api')] as [string, string]]
      : []),
    ['after', process.env.AFTER ? join(process.env.AFTER, 'api') : apiDir],
  ];
  const dbs = (PG ? ['sqlite', 'postgres'] : ['sqlite']).filter(
    (d): d is 'sqlite' | 'postgres' => !process.env.DBS || process.env.DBS.split(',').includes(d),
  );
  let port = PORT0;
  console.log(
    `wrk ${CONNS} connections × ${SECONDS} s per scenario; open loop ${RATE} req/s, ${CLIENTS} clients`,
  );
  for (const db of dbs) {
    const schemas: string[] = [];
    const servers: BenchServer[] = [];
    try {
      for (const [name, dir] of checkouts) {
        const schema = `bench_${name}_${Math.random().toString(36).slice(2, 8)}`;
        if (db === 'postgres') schemas.push(schema);
        servers.push(
          await startBenchServer(
            `${name}`,
            dir,
            port++,
            db === 'postgres' && PG ? { DATABASE_URL: PG, DATABASE_SCHEMA: schema } : {},
          ),
        );
      }
      const targets: Target[] = [];
      for (const s of servers) targets.push(await prepare(s));
      // Warm up the JIT, the caches and the connection pools.
      for (const t of targets)
        await wrk(t.server.url, {
          seconds: 2,
          connections: CONNS,
          mode: 'mixed',
          targets: t.drafts.slice(0, CONNS),
          cookie: t.cookie,
        });
      const rows: Row[] = [];
      const open: Row[] = [];
      const listRows: Row[] = [];
      // Each table printed as soon as it is measured: a later failure keeps what was seen.
      const title = db === 'sqlite' ? 'SQLite' : 'PostgreSQL';
      if (!process.env.OPEN_ONLY) {
        for (let round = 1; round <= ROUNDS; round++) await closedLoop(targets, rows, round);
        console.log(`\n${title} — closed loop (wrk)`);
        console.table(rows);
        if (ROUNDS > 1) {
          console.log(`${title} — closed loop, median of ${ROUNDS} rounds`);
          console.table(medians(rows));
        }
      }
      if (process.env.CLOSED_ONLY) continue;
      await openLoops(targets, open);
      console.log(`${title} — open loop`);
      console.table(open);
      if (process.env.OPEN_ONLY) continue;
      await lists(targets, listRows);
      console.log(`${title} — list`);
      console.table(listRows);
      console.log(`RSS MB at the end: ${servers.map((s) => `${s.name} ${s.rssMb()}`).join(', ')}`);
    } finally {
      for (const s of servers) await s.stop();
      await dropSchemas(schemas);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
