/**
 * Load benchmark on loopback: autosave and get against the real server
 * process (SQLite by default, PostgreSQL with DATABASE_URL), beside a
 * trivial route measured in the same run.
 *
 *   pnpm bench:load                    # 500 req/s for 10 s per scenario
 *   RATE=800 SECONDS=20 pnpm bench:load
 *
 * Open loop: each request has a scheduled start time and its latency is
 * counted from then, so a slow server cannot hide queueing by slowing the
 * client (no coordinated omission). The client shares the machine's cores.
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../support/server.ts';

const here = dirname(fileURLToPath(import.meta.url));
const apiDir = join(here, '../../api');
const samplesDir = join(here, '../../seeds/samples');
const RATE = Number(process.env.RATE ?? 500);
const SECONDS = Number(process.env.SECONDS ?? 10);
const CLIENTS = Number(process.env.CLIENTS ?? 50);
const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS * 2 });

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  cookie?: string,
): Promise<Reply> {
  const data = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      {
        method,
        agent,
        headers: {
          ...(data
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) }
            : {}),
          ...(cookie ? { cookie } : {}),
        },
      },
      (res) => {
        let buf = '';
        res.setEncoding('utf8');
        res.on('data', (d) => {
          buf += d;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: buf, headers: res.headers }),
        );
      },
    );
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

/** Runs `fire(client)` for CLIENTS clients, RATE/s in total, each client one request at a time. */
async function openLoop(name: string, fire: (client: number) => Promise<number>) {
  const interval = (1000 * CLIENTS) / RATE;
  const lat: number[] = [];
  const statuses = new Map<number, number>();
  const t0 = performance.now();
  const end = t0 + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      let next = t0 + (c * interval) / CLIENTS;
      while (next < end) {
        const wait = next - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const status = await fire(c);
        lat.push(performance.now() - next);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        next += interval;
      }
    }),
  );
  const took = (performance.now() - t0) / 1000;
  const errors = [...statuses].filter(([s]) => s >= 400).reduce((n, [, k]) => n + k, 0);
  const row = {
    scenario: name,
    'req/s': Math.round(lat.length / took),
    p50: pct(lat, 50).toFixed(2),
    p90: pct(lat, 90).toFixed(2),
    p99: pct(lat, 99).toFixed(2),
    max: Math.max(...lat).toFixed(1),
    errors,
  };
  return row;
}

/** As many requests as CLIENTS concurrent callers can get through in SECONDS. */
async function closedLoop(name: string, fire: (client: number) => Promise<number>) {
  const lat: number[] = [];
  let errors = 0;
  const t0 = performance.now();
  const end = t0 + (SECONDS / 2) * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      while (performance.now() < end) {
        const s = performance.now();
        if ((await fire(c)) >= 400) errors++;
        lat.push(performance.now() - s);
      }
    }),
  );
  const took = (performance.now() - t0) / 1000;
  return {
    scenario: `${name} (max)`,
    'req/s': Math.round(lat.length / took),
    p50: pct(lat, 50).toFixed(2),
    p90: pct(lat, 90).toFixed(2),
    p99: pct(lat, 99).toFixed(2),
    max: Math.max(...lat).toFixed(1),
    errors,
  };
}

async function main() {
  const pgUrl = process.env.DATABASE_URL;
  // On PostgreSQL, work in a schema of our own and drop it afterwards.
  const schema = `load_${Math.random().toString(36).slice(2, 10)}`;
  const server = await startServer({
    SEED_DEMO: '1',
    ...(pgUrl ? { DATABASE_URL: pgUrl, DATABASE_SCHEMA: schema } : {}),
  });
  try {
    const base = server.url;
    const login = await call(base, 'POST', '/api/auth/login', {
      email: 'qiye@demo.zhiping.cn',
      password: 'Demo-2026-zhiping',
    });
    const cookie = String(login.headers['set-cookie'] ?? '').split(';')[0] ?? '';
    const ids: string[] = [];
    const revs: number[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const r = await call(
        base,
        'POST',
        '/api/assessments',
        { definition: 'gbt29490-2013', title: `负载 ${i}` },
        cookie,
      );
      const a = JSON.parse(r.body) as { id: string; revision: number };
      ids.push(a.id);
      revs.push(a.revision);
    }
    let n = 0;
    const ping = () => call(base, 'GET', '/api/ping').then((r) => r.status);
    const get = (c: number) =>
      call(base, 'GET', `/api/assessments/${ids[c]}`, undefined, cookie).then((r) => r.status);
    const save = async (c: number) => {
      const r = await call(
        base,
        'PATCH',
        `/api/assessments/${ids[c]}`,
        {
          revision: revs[c],
          answers: {
            'c4.1.scope': (n & 1) === 0,
            'c4.1.processes': n++ % 4,
            'c4.2.3.manual-issued': { files: [], ref: 'QM-01 发放记录', note: `第 ${n} 次保存` },
          },
        },
        cookie,
      );
      if (r.status === 200) revs[c] = (JSON.parse(r.body) as { revision: number }).revision;
      return r.status;
    };
    // A mix like a busy afternoon: mostly reads, a quarter autosaves, one in
    // twenty a fresh assessment created complete and submitted.
    const complete = JSON.parse(
      readFileSync(join(samplesDir, 'gbt29490-2023', 'ready-manufacturer.json'), 'utf8'),
    ).answers as Record<string, unknown>;
    let m = 0;
    const mixed = async (c: number) => {
      const k = m++ % 20;
      if (k === 0) {
        const r = await call(
          base,
          'POST',
          '/api/assessments',
          { definition: 'gbt29490-2023', answers: complete },
          cookie,
        );
        if (r.status !== 201) return r.status;
        const a = JSON.parse(r.body) as { id: string; revision: number };
        return (
          await call(
            base,
            'POST',
            `/api/assessments/${a.id}/submit`,
            { revision: a.revision },
            cookie,
          )
        ).status;
      }
      return k < 6 ? save(c) : get(c);
    };
    // Warm up the JIT and caches.
    for (let i = 0; i < 200; i++) await Promise.all([ping(), get(i % CLIENTS), save(i % CLIENTS)]);
    const rows = [];
    rows.push(await openLoop('trivial route', ping));
    rows.push(await openLoop('get assessment', get));
    rows.push(await openLoop('autosave', save));
    rows.push(await openLoop('mixed 70/25/5', mixed));
    rows.push(await closedLoop('trivial route', ping));
    rows.push(await closedLoop('get assessment', get));
    rows.push(await closedLoop('autosave', save));
    console.log(
      `\n${pgUrl ? 'PostgreSQL' : 'SQLite'} · open loop ${RATE} req/s for ${SECONDS} s · ${CLIENTS} clients · latency in ms\n`,
    );
    console.table(rows);
  } finally {
    await server.stop();
    if (pgUrl) {
      // pg is the API's dependency: load it from there.
      const pg = createRequire(join(apiDir, 'package.json'))('pg') as {
        Client: new (o: {
          connectionString: string;
        }) => {
          connect(): Promise<void>;
          query(q: string): Promise<unknown>;
          end(): Promise<void>;
        };
      };
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
