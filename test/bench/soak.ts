/**
 * Soak: mixed load for SOAK_MINUTES (default 10) against one server, its
 * resident memory sampled between rounds. Memory that comes back stays
 * near where it was after warm-up; target: at most 20 % above it at the end.
 *
 *   cd test && node --import tsx bench/soak.ts
 *   DB=postgres SOAK_MINUTES=3 node --import tsx bench/soak.ts
 *   SNAPSHOTS=1 …   # also writes heap snapshots (SIGUSR2) after warm-up and at the end, for DevTools
 *
 * Each round: 30 s of wrk (3 GET : 1 save, revisions tracked), then a few
 * creates, a list of everything and a submit — the shapes that allocate
 * differently from the hot path.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAverage, startBenchServer } from './bench-server.ts';
import { call } from './http.ts';
import { wrk } from './wrk.ts';

const here = dirname(fileURLToPath(import.meta.url));
const apiDir = process.env.API_DIR ?? join(here, '../../api');
const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const CONNS = Number(process.env.CONNECTIONS ?? 8);
const ROUND = 30;
const PG =
  process.env.DB === 'postgres'
    ? (process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test')
    : undefined;

async function main() {
  const schema = `soak_${Math.random().toString(36).slice(2, 8)}`;
  const server = await startBenchServer(
    'soak',
    apiDir,
    Number(process.env.PORT ?? 18350),
    PG ? { DATABASE_URL: PG, DATABASE_SCHEMA: schema } : {},
    process.env.SNAPSHOTS ? ['--heapsnapshot-signal=SIGUSR2'] : [],
  );
  try {
    const login = await call(server.url, 'POST', '/api/auth/login', {
      email: 'qiye@demo.zhiping.cn',
      password: 'Demo-2026-zhiping',
    });
    const cookie = String(login.headers['set-cookie'] ?? '').split(';')[0] ?? '';
    const drafts: { id: string; revision: number }[] = [];
    const create = async (title: string) => {
      const r = await call(
        server.url,
        'POST',
        '/api/assessments',
        { definition: 'gbt29490-2013', title },
        cookie,
      );
      return JSON.parse(r.body) as { id: string; revision: number };
    };
    for (let i = 0; i < CONNS; i++) drafts.push(await create(`浸泡 ${i}`));
    const refresh = async () => {
      for (const d of drafts) {
        const r = await call(server.url, 'GET', `/api/assessments/${d.id}`, undefined, cookie);
        d.revision = (JSON.parse(r.body) as { revision: number }).revision;
      }
    };
    let made = 0;
    const round = async (seconds: number) => {
      await refresh();
      const r = await wrk(server.url, {
        seconds,
        connections: CONNS,
        mode: 'mixed',
        targets: drafts,
        cookie,
        idsFile: '/tmp/h-speed/soak-ids.txt',
      });
      for (let i = 0; i < 20; i++) await create(`浸泡 新 ${made++}`);
      await call(server.url, 'GET', '/api/assessments?pageSize=1000', undefined, cookie);
      return r;
    };
    const rows: Record<string, string | number>[] = [];
    const sample = (what: string, r?: { rps: number; non2xx: number }) => {
      rows.push({
        at: what,
        'RSS MB': server.rssMb(),
        ...(r ? { 'req/s': Math.round(r.rps), 'non-2xx': r.non2xx } : {}),
        'load avg': loadAverage(),
      });
      console.log(JSON.stringify(rows[rows.length - 1]));
    };
    sample('started');
    // Warm-up: the JIT, caches, pools and V8's heap reach their working size.
    sample('after 60 s warm-up', await round(60));
    const base = server.rssMb();
    if (process.env.SNAPSHOTS) server.proc.kill('SIGUSR2');
    const rounds = Math.max(1, Math.round((MINUTES * 60 - 60) / ROUND));
    let peak = base;
    for (let i = 1; i <= rounds; i++) {
      const r = await round(ROUND);
      peak = Math.max(peak, server.rssMb());
      sample(`round ${i}/${rounds}`, r);
    }
    const end = server.rssMb();
    await new Promise((r) => setTimeout(r, 30_000));
    sample('30 s idle after');
    if (process.env.SNAPSHOTS) server.proc.kill('SIGUSR2');
    console.table(rows);
    console.log(
      `${PG ? 'PostgreSQL' : 'SQLite'}: RSS after warm-up ${base} MB, peak ${peak} MB, end ${end} MB (${Math.round((100 * (end - base)) / base)} %), ${made} assessments created`,
    );
  } finally {
    await server.stop();
    if (PG) {
      const { createRequire } = await import('node:module');
      const pg = createRequire(join(apiDir, 'package.json'))('pg') as {
        Client: new (o: {
          connectionString: string;
        }) => {
          connect(): Promise<void>;
          query(q: string): Promise<unknown>;
          end(): Promise<void>;
        };
      };
      const c = new pg.Client({ connectionString: PG });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
