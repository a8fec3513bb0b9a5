import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../support/server.ts';

/*
 * Scale-out: two API processes share one PostgreSQL database. A client
 * that alternates between them (as behind a round-robin balancer) sees one
 * service: a session made on one works on the other, logout on one ends it
 * on both, and two saves on one revision through different processes give
 * exactly one 200 and one 409.
 */
const PG = process.env.TEST_DATABASE_URL;

interface PgModule {
  Client: new (o: {
    connectionString: string;
  }) => {
    connect(): Promise<void>;
    query(sql: string): Promise<unknown>;
    end(): Promise<void>;
  };
}
const schema = `scale_${Math.random().toString(36).slice(2, 10)}`;

describe.skipIf(!PG)(
  `two API processes on one PostgreSQL${PG ? '' : ' — skipped: set TEST_DATABASE_URL to run'}`,
  () => {
    let a: RunningServer;
    let b: RunningServer;
    beforeAll(async () => {
      const env = { DATABASE_URL: PG as string, DATABASE_SCHEMA: schema, SEED_DEMO: '1' };
      // The first migrates and seeds; the second finds both done.
      a = await startServer(env);
      b = await startServer(env);
    }, 120_000);
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      // pg is the API's dependency, not this package's: load it from there.
      const pg = createRequire(fileURLToPath(new URL('../../api/package.json', import.meta.url)))(
        'pg',
      ) as PgModule;
      const client = new pg.Client({ connectionString: PG ?? '' });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    });

    const call = async (
      base: string,
      method: string,
      path: string,
      cookie: string,
      body?: unknown,
    ) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
    };

    it('shares sessions, conflicts and logout across processes', async () => {
      const login = await call(a.url, 'POST', '/api/auth/login', '', {
        email: 'qiye@demo.zhiping.cn',
        password: 'Demo-2026-zhiping',
      });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      expect((await call(b.url, 'GET', '/api/auth/me', cookie)).body.email).toBe(
        'qiye@demo.zhiping.cn',
      );

      const created = await call(b.url, 'POST', '/api/assessments', cookie, {
        definition: 'gbt29490-2023',
      });
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      for (let round = 0; round < 5; round++) {
        const rev = (await call(a.url, 'GET', `/api/assessments/${id}`, cookie)).body.revision;
        const [r1, r2] = await Promise.all([
          call(a.url, 'PATCH', `/api/assessments/${id}`, cookie, {
            revision: rev,
            answers: { 'pre.penalty': true },
          }),
          call(b.url, 'PATCH', `/api/assessments/${id}`, cookie, {
            revision: rev,
            answers: { 'pre.penalty': false },
          }),
        ]);
        expect([r1.status, r2.status].sort()).toEqual([200, 409]);
        const winner = r1.status === 200;
        const stored = await call(b.url, 'GET', `/api/assessments/${id}`, cookie);
        expect(stored.body.answers['pre.penalty']).toBe(winner);
        expect(stored.body.revision).toBe(rev + 1);
      }

      expect((await call(b.url, 'POST', '/api/auth/logout', cookie)).status).toBe(204);
      expect((await call(a.url, 'GET', '/api/auth/me', cookie)).status).toBe(401);
    });
  },
);
