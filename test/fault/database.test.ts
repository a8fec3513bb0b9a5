/**
 * Database faults against the real server process on PostgreSQL: while
 * clients stream autosaves, (1) the API's connections are terminated again
 * and again with pg_terminate_backend, (2) the database becomes unreachable
 * (a TCP proxy between the API and PostgreSQL closes its port and cuts every
 * connection) and comes back. Meanwhile every answer is a 200 or a fast 503
 * with Retry-After, /api/health says not ready, the process stays up,
 * recovers on its own, and no acknowledged save is lost.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \
 *     npx vitest run --project cross-package test/fault/database.test.ts
 *
 * Only this test's own schema and connections (application_name) are
 * touched; the shared PostgreSQL server is never stopped. A second test
 * stops and starts a PostgreSQL cluster of its own (initdb in a temp
 * directory, its own port) under the same load.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ApiClient, DEMO_RESPONDENT } from '../support/api-client.ts';
import { PgCluster } from '../support/pg-cluster.ts';
import { freePort, type RunningServer, startServer } from '../support/server.ts';
import { TcpProxy } from '../support/tcp-proxy.ts';
import { tally, Writer, waitReady } from './autosave-writer.ts';

const PG = process.env.TEST_DATABASE_URL;
const WRITERS = 6;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface PgClient {
  connect(): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<{ rows: { n?: number }[] }>;
  end(): Promise<void>;
}
// pg is the API's dependency, not this package's: load it from there.
const pgModule = () =>
  createRequire(fileURLToPath(new URL('../../api/package.json', import.meta.url)))('pg') as {
    Client: new (o: { connectionString: string }) => PgClient;
  };

describe.skipIf(!PG)(
  `database faults (PostgreSQL)${PG ? '' : ' — skipped: set TEST_DATABASE_URL to run'}`,
  () => {
    it('answers 200 or a fast 503 while connections die and the database is away, and loses nothing acknowledged', async () => {
      const target = new URL(PG ?? '');
      const tag = Math.random().toString(36).slice(2, 10);
      const schema = `fault_${tag}`;
      const app = `zhiping_fault_${tag}`;
      const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
      await proxy.up();
      const viaProxy = new URL(PG ?? '');
      viaProxy.host = `127.0.0.1:${proxy.port}`;
      viaProxy.searchParams.set('application_name', app);
      const admin = new (pgModule().Client)({ connectionString: PG ?? '' });
      await admin.connect();
      let server: RunningServer | null = null;
      try {
        server = await startServer({
          DATABASE_URL: viaProxy.toString(),
          DATABASE_SCHEMA: schema,
          SEED_DEMO: '1',
        });
        const api = await ApiClient.login(
          server.url,
          DEMO_RESPONDENT.email,
          DEMO_RESPONDENT.password,
        );
        const writers: Writer[] = [];
        for (let i = 0; i < WRITERS; i++) {
          const a = await api.ok<{ id: string; revision: number }>('POST', '/api/assessments', {
            definition: 'gbt29490-2023',
            title: `数据库故障 ${i + 1}`,
          });
          writers.push(new Writer(a.id, a.revision, `w${i + 1}`));
        }
        let streaming = true;
        const streams = writers.map((w) => w.streamThroughFaults(api, () => streaming));

        // 1. Terminate the API's connections under load, ten times.
        let terminated = 0;
        for (let k = 0; k < 10; k++) {
          await sleep(250);
          const r = await admin.query(
            'select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name = $1',
            [app],
          );
          terminated += r.rows[0]?.n ?? 0;
        }
        await sleep(500);

        // 2. The database away: fast 503s with Retry-After, not ready.
        await proxy.down();
        await sleep(300);
        const t0 = performance.now();
        const health = await fetch(`${server.url}/api/health`);
        const healthMs = performance.now() - t0;
        const t1 = performance.now();
        const save = await api.call('PATCH', `/api/assessments/${writers[0]?.id}`, {
          revision: 0,
          answers: {},
        });
        const saveMs = performance.now() - t1;
        await sleep(1500);
        await proxy.up();

        // 3. Recovery by itself.
        const { ready, ms: recoveredMs } = await waitReady(server.url);
        await sleep(1000);
        streaming = false;
        await Promise.all(streams);

        const { acked, lost, problems, statuses } = await tally(writers, api);
        console.log(
          `database faults: ${terminated} connections terminated, database away 1.8 s; ` +
            `${acked} acknowledged saves, ${lost} lost; answers ${JSON.stringify(statuses)}; ` +
            `while away: health ${health.status} in ${healthMs.toFixed(0)} ms, save ${save.status} in ${saveMs.toFixed(0)} ms; ` +
            `ready again ${recoveredMs.toFixed(0)} ms after the database returned`,
        );
        expect(server.proc.exitCode).toBeNull();
        expect(health.status).toBe(503);
        expect(health.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(save.status).toBe(503);
        expect((save.body as { type: string }).type).toBe('urn:zhiping:problem:unavailable');
        expect(healthMs).toBeLessThan(4000);
        expect(saveMs).toBeLessThan(4000);
        expect(ready).toBe(true);
        expect(writers.flatMap((w) => w.unexpected)).toEqual([]);
        expect(problems).toEqual([]);
        expect(lost).toBe(0);
        expect(terminated).toBeGreaterThan(0);
        expect(statuses['503'] ?? 0).toBeGreaterThan(0);
        expect(acked).toBeGreaterThan(WRITERS * 5);
        expect(server.output()).not.toMatch(/Unhandled|uncaught/i);
      } finally {
        await server?.stop();
        await proxy.down();
        await admin.query(`drop schema if exists ${schema} cascade`);
        await admin.end();
      }
    }, 90_000);
  },
);

describe.skipIf(!PgCluster.available())(
  `a PostgreSQL of the test's own, stopped and started${PgCluster.available() ? '' : ' — skipped: needs PostgreSQL 15 binaries and root or postgres'}`,
  () => {
    it('answers 503 while it is down, recovers when it is back, and loses nothing acknowledged', async () => {
      const cluster = PgCluster.create(await freePort());
      let server: RunningServer | null = null;
      try {
        server = await startServer({ DATABASE_URL: cluster.url, SEED_DEMO: '1' });
        const api = await ApiClient.login(
          server.url,
          DEMO_RESPONDENT.email,
          DEMO_RESPONDENT.password,
        );
        const writers: Writer[] = [];
        for (let i = 0; i < 4; i++) {
          const a = await api.ok<{ id: string; revision: number }>('POST', '/api/assessments', {
            definition: 'gbt29490-2023',
            title: `重启 ${i + 1}`,
          });
          writers.push(new Writer(a.id, a.revision, `r${i + 1}`));
        }
        let streaming = true;
        const streams = writers.map((w) => w.streamThroughFaults(api, () => streaming));
        await sleep(700);
        cluster.stop();
        const t0 = performance.now();
        const health = await fetch(`${server.url}/api/health`);
        const healthMs = performance.now() - t0;
        await sleep(1000);
        cluster.start();
        const { ready, ms: recoveredMs } = await waitReady(server.url);
        await sleep(700);
        streaming = false;
        await Promise.all(streams);
        const { acked, lost, problems, statuses } = await tally(writers, api);
        console.log(
          `own PostgreSQL stopped and started: ${acked} acknowledged saves, ${lost} lost; ` +
            `answers ${JSON.stringify(statuses)}; while down health ${health.status} in ${healthMs.toFixed(0)} ms; ` +
            `ready ${recoveredMs.toFixed(0)} ms after it started`,
        );
        expect(server.proc.exitCode).toBeNull();
        expect(health.status).toBe(503);
        expect(healthMs).toBeLessThan(4000);
        expect(ready).toBe(true);
        expect(writers.flatMap((w) => w.unexpected)).toEqual([]);
        expect(problems).toEqual([]);
        expect(lost).toBe(0);
        expect(statuses['503'] ?? 0).toBeGreaterThan(0);
      } finally {
        await server?.stop();
        cluster.destroy();
      }
    }, 90_000);
  },
);
