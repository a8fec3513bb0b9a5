/**
 * Figures for the faults a deployment meets, against the real server
 * process on loopback (SQLite, fresh data directory each run):
 *
 *   cd test && node --import tsx bench/faults.ts login    # login limits; a login flood vs autosave
 *   cd test && node --import tsx bench/faults.ts reports  # /api/ping while 10 and 50 PDFs render
 *   cd test && node --import tsx bench/faults.ts uploads  # RSS during 150 anonymous 10 MB uploads
 *
 * Latencies are quoted as p50/p99 of one run; the load average is printed
 * alongside, since the client shares the machine's cores with the server.
 */
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { startServer } from '../support/server.ts';

const DEMO = { email: 'qiye@demo.zhiping.cn', password: 'Demo-2026-zhiping' };
const quietSockets = new WeakSet<object>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Reply {
  status: number;
  body: Buffer;
  headers: Record<string, string | string[] | undefined>;
}

function call(
  agent: Agent,
  base: string,
  method: string,
  path: string,
  body?: unknown,
  cookie?: string,
  raw?: { bytes: Uint8Array; type: string },
): Promise<Reply> {
  const data = raw ? Buffer.from(raw.bytes) : body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      {
        method,
        agent,
        headers: {
          ...(data
            ? {
                'content-type': raw ? raw.type : 'application/json',
                'content-length': Buffer.byteLength(data),
              }
            : {}),
          ...(cookie ? { cookie } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks),
            headers: res.headers,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    // A server that answers (401) before the upload is sent may close the socket under it.
    req.on('socket', (sock) => {
      if (!quietSockets.has(sock)) {
        quietSockets.add(sock);
        sock.on('error', () => {});
      }
    });
    if (data) req.write(data);
    req.end();
  });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

async function signIn(agent: Agent, base: string) {
  const r = await call(agent, base, 'POST', '/api/auth/login', DEMO);
  if (r.status !== 200) throw new Error(`login: ${r.status} ${r.body}`);
  const set = r.headers['set-cookie'];
  return ((Array.isArray(set) ? set[0] : set) ?? '').split(';')[0] ?? '';
}

async function createDrafts(agent: Agent, base: string, cookie: string, n: number) {
  const out: { id: string; revision: number }[] = [];
  for (let i = 0; i < n; i++) {
    const r = await call(
      agent,
      base,
      'POST',
      '/api/assessments',
      { definition: 'gbt29490-2023', title: `压测 ${i + 1}` },
      cookie,
    );
    if (r.status !== 201) throw new Error(`create: ${r.status} ${r.body}`);
    out.push(JSON.parse(r.body.toString()) as { id: string; revision: number });
  }
  return out;
}

/** Closed-loop autosaves from `drafts.length` clients for `seconds`; latencies in ms. */
async function autosaves(
  agent: Agent,
  base: string,
  cookie: string,
  drafts: { id: string; revision: number }[],
  seconds: number,
) {
  const lat: number[] = [];
  const bad: Record<string, number> = {};
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    drafts.map(async (d) => {
      let n = 0;
      while (performance.now() < until) {
        const t = performance.now();
        const r = await call(
          agent,
          base,
          'PATCH',
          `/api/assessments/${d.id}`,
          { revision: d.revision, answers: { 'pre.penalty': n++ % 2 === 0 } },
          cookie,
        );
        lat.push(performance.now() - t);
        if (r.status === 200) d.revision++;
        else bad[r.status] = (bad[r.status] ?? 0) + 1;
      }
    }),
  );
  return { lat, bad };
}

async function loginScenario() {
  for (const lifted of [false, true]) {
    const env: Record<string, string> = { SEED_DEMO: '1' };
    if (lifted) {
      // Every flood attempt reaches the hash: the worst case for the thread pool.
      env.LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE = '1000000';
      env.LOGIN_ATTEMPTS_GLOBAL_PER_MINUTE = '1000000';
    }
    const server = await startServer(env);
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const floodAgent = new Agent({ keepAlive: true, maxSockets: 64 });
    try {
      const cookie = await signIn(agent, server.url);
      if (!lifted) {
        const r = await Promise.all(
          Array.from({ length: 200 }, () =>
            call(floodAgent, server.url, 'POST', '/api/auth/login', {
              email: 'city@demo.zhiping.cn',
              password: 'wrong-password-0',
            }),
          ),
        );
        const by = (s: number) => r.filter((x) => x.status === s).length;
        console.log(
          `200 parallel wrong passwords for one account: ${by(401)} evaluated (401), ${by(429)} refused (429) — load ${load()}`,
        );
      }
      const drafts = await createDrafts(agent, server.url, cookie, 8);
      const quiet = await autosaves(agent, server.url, cookie, drafts, 6);
      let flooding = true;
      let attempts = 0;
      const statuses: Record<string, number> = {};
      const flood = Array.from({ length: 64 }, async (_, i) => {
        let n = 0;
        while (flooding) {
          const r = await call(floodAgent, server.url, 'POST', '/api/auth/login', {
            email: `flood${i}-${n++}@example.cn`,
            password: 'guess-password-1',
          });
          attempts++;
          statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        }
      });
      await sleep(500);
      const busy = await autosaves(agent, server.url, cookie, drafts, 6);
      flooding = false;
      await Promise.all(flood);
      console.log(
        `login flood (64 connections, unknown e-mails${lifted ? ', limits lifted so every attempt is hashed' : ', default limits'}): ` +
          `${attempts} attempts ${JSON.stringify(statuses)}; autosave p50/p99 without ${ms(pct(quiet.lat, 50))}/${ms(pct(quiet.lat, 99))} ` +
          `(${quiet.lat.length} saves), with ${ms(pct(busy.lat, 50))}/${ms(pct(busy.lat, 99))} (${busy.lat.length} saves) ` +
          `errors ${JSON.stringify(busy.bad)} — load ${load()}`,
      );
    } finally {
      agent.destroy();
      floodAgent.destroy();
      await server.stop();
    }
  }
}

async function reportScenario() {
  // The per-user limit lifted so that all of them are rendering (queued in the pool) at once.
  const server = await startServer({ SEED_DEMO: '1', REPORTS_PER_USER: '50' });
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const pdfAgent = new Agent({ keepAlive: true, maxSockets: 64 });
  try {
    const cookies = [await signIn(agent, server.url)];
    const drafts = await createDrafts(agent, server.url, cookies[0] ?? '', 50);
    // The same pings with nothing rendering: what the machine gives anyway.
    const idle: number[] = [];
    for (const until = performance.now() + 4000; performance.now() < until; ) {
      const t = performance.now();
      await call(agent, server.url, 'GET', '/api/ping');
      idle.push(performance.now() - t);
      await sleep(10);
    }
    console.log(
      `no reports rendering: /api/ping p50/p99/max ${ms(pct(idle, 50))}/${ms(pct(idle, 99))}/${ms(Math.max(...idle))} over ${idle.length} pings — load ${load()}`,
    );
    for (const n of [10, 50]) {
      const lat: number[] = [];
      let rendering = true;
      const pinger = (async () => {
        while (rendering) {
          const t = performance.now();
          await call(agent, server.url, 'GET', '/api/ping');
          lat.push(performance.now() - t);
          await sleep(10);
        }
      })();
      const t = performance.now();
      const statuses: Record<string, number> = {};
      // Distinct assessments (no cache hits); each request retries after a 429 as a client would.
      await Promise.all(
        drafts.slice(0, n).map(async (d) => {
          for (;;) {
            const r = await call(
              pdfAgent,
              server.url,
              'GET',
              `/api/assessments/${d.id}/report.pdf`,
              undefined,
              cookies[0],
            );
            statuses[r.status] = (statuses[r.status] ?? 0) + 1;
            if (r.status !== 429) return;
            await sleep(Number(r.headers['retry-after'] ?? 1) * 100);
          }
        }),
      );
      const total = performance.now() - t;
      rendering = false;
      await pinger;
      console.log(
        `${n} PDFs (distinct assessments, one user): done in ${(total / 1000).toFixed(1)} s, answers ${JSON.stringify(statuses)}; ` +
          `/api/ping p50/p99/max ${ms(pct(lat, 50))}/${ms(pct(lat, 99))}/${ms(Math.max(...lat))} over ${lat.length} pings — load ${load()}`,
      );
      // Renders of the same reports again: served from the cache.
      const t2 = performance.now();
      await call(
        pdfAgent,
        server.url,
        'GET',
        `/api/assessments/${drafts[0]?.id}/report.pdf`,
        undefined,
        cookies[0],
      );
      console.log(`  a second download of one of them: ${ms(performance.now() - t2)}`);
    }
  } finally {
    agent.destroy();
    pdfAgent.destroy();
    await server.stop();
  }
}

async function uploadScenario() {
  const server = await startServer({ SEED_DEMO: '1' });
  const agent = new Agent({ keepAlive: false, maxSockets: 150 });
  try {
    const rss = () => {
      const pid = server.proc.pid;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    };
    const before = rss();
    let peak = before;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, rss());
        await sleep(20);
      }
    })();
    const bytes = new Uint8Array(10 * 1024 * 1024);
    const r = await Promise.all(
      Array.from({ length: 150 }, (_, i) =>
        call(
          agent,
          server.url,
          'POST',
          `/api/assessments/x${i}/files?name=a.pdf`,
          undefined,
          undefined,
          {
            bytes,
            type: 'application/octet-stream',
          },
        ).catch(() => ({ status: 0 })),
      ),
    );
    sampling = false;
    await sampler;
    const by: Record<string, number> = {};
    for (const x of r) by[x.status] = (by[x.status] ?? 0) + 1;
    console.log(
      `150 parallel anonymous 10 MB uploads: answers ${JSON.stringify(by)}; server RSS ${before.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB — load ${load()}`,
    );
  } finally {
    agent.destroy();
    await server.stop();
  }
}

const which = process.argv[2] ?? 'login';
const scenarios: Record<string, () => Promise<void>> = {
  login: loginScenario,
  reports: reportScenario,
  uploads: uploadScenario,
};
const run = scenarios[which];
if (!run) throw new Error(`unknown scenario ${which}: login, reports or uploads`);
console.log(`load average before: ${load()}`);
await run();
