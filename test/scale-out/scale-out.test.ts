import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../support/server.ts';

/*
 * Several machines: two API processes, each with its own DATA_DIR (as on
 * two hosts), on one PostgreSQL. A client sent to either, as a round-robin
 * balancer would, sees one service: an evidence file uploaded through one is
 * downloaded through the other (the bytes are in the database, nothing is
 * left in either DATA_DIR, and a third process on a fresh DATA_DIR serves
 * it too), a report renders on either, a session made on one works on the
 * other and logging out on one ends it on both, of two saves on one
 * revision through different processes exactly one lands, and the login
 * limit counts attempts made through both.
 */
const PG = process.env.TEST_DATABASE_URL;
/** Optional: the first of three ports to listen on (default: any free ones). */
const BASE_PORT = Number(process.env.SCALE_OUT_PORT ?? 0);

interface PgModule {
  Client: new (o: {
    connectionString: string;
  }) => {
    connect(): Promise<void>;
    query(sql: string): Promise<unknown>;
    end(): Promise<void>;
  };
}
const schema = `scale_out_${Math.random().toString(36).slice(2, 10)}`;
const QIYE = { email: 'qiye@demo.zhiping.cn', password: 'Demo-2026-zhiping' };

/** Every file under `dir/files` that is not a staging file: what would be lost with the host. */
function keptLocally(dataDir: string): string[] {
  const root = join(dataDir, 'files');
  let dirs: string[];
  try {
    dirs = readdirSync(root);
  } catch {
    return [];
  }
  return dirs.flatMap((d) =>
    readdirSync(join(root, d))
      .filter((n) => !n.startsWith('.'))
      .map((n) => `${d}/${n}`),
  );
}

describe.skipIf(!PG)(
  `N API processes behind a balancer, one PostgreSQL${PG ? '' : ' — skipped: set TEST_DATABASE_URL to run'}`,
  () => {
    const servers: RunningServer[] = [];
    let a: RunningServer;
    let b: RunningServer;
    const start = async (n: number) => {
      const s = await startServer({
        DATABASE_URL: PG as string,
        DATABASE_SCHEMA: schema,
        SEED_DEMO: '1',
        ...(BASE_PORT ? { PORT: String(BASE_PORT + n) } : {}),
      });
      servers.push(s);
      return s;
    };
    beforeAll(async () => {
      // The first migrates and seeds; the second finds both done.
      a = await start(0);
      b = await start(1);
    }, 120_000);
    afterAll(async () => {
      await Promise.all(servers.map((s) => s.stop()));
      for (const s of servers) rmSync(s.dataDir, { recursive: true, force: true });
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
      s: RunningServer,
      method: string,
      path: string,
      cookie: string,
      body?: unknown,
    ) => {
      const res = await fetch(`${s.url}${path}`, {
        method,
        headers: { cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
    };
    const login = async (s: RunningServer) => {
      const r = await call(s, 'POST', '/api/auth/login', '', QIYE);
      expect(r.status).toBe(200);
      return (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    };
    const bytesOf = async (s: RunningServer, path: string, cookie: string) => {
      const res = await fetch(`${s.url}${path}`, { headers: { cookie } });
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        bytes: Buffer.from(await res.arrayBuffer()),
      };
    };

    it('uploads through one process and downloads through the other; nothing stays on either host', async () => {
      const cookie = await login(a);
      const created = await call(b, 'POST', '/api/assessments', cookie, {
        definition: 'gbt29490-2023',
      });
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      // 700 KB: several pieces in the database.
      const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(700_000, 0x20)]);
      const up = await fetch(
        `${a.url}/api/assessments/${id}/files?name=${encodeURIComponent('手册.pdf')}`,
        {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/octet-stream' },
          body: new Uint8Array(pdf),
        },
      );
      expect(up.status).toBe(201);
      const file = (await up.json()) as { id: string; sha256: string };
      expect(file.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));

      const down = await bytesOf(b, `/api/assessments/${id}/files/${file.id}`, cookie);
      expect(down.status).toBe(200);
      expect(down.type).toBe('application/pdf');
      expect(down.bytes.equals(pdf)).toBe(true);
      // An answer citing it, saved through the other process, is accepted.
      const saved = await call(b, 'PATCH', `/api/assessments/${id}`, cookie, {
        revision: created.body.revision,
        answers: {
          'c7.1.budget-evidence': { files: [{ id: file.id, name: '手册.pdf' }], note: '预算' },
        },
      });
      expect(saved.status).toBe(200);
      expect(keptLocally(a.dataDir)).toEqual([]);
      expect(keptLocally(b.dataDir)).toEqual([]);

      // The host that took the upload is gone with its disk; a new one on a fresh DATA_DIR serves the file.
      await a.stop();
      rmSync(a.dataDir, { recursive: true, force: true });
      a = await start(2);
      const again = await bytesOf(a, `/api/assessments/${id}/files/${file.id}`, cookie);
      expect(again.status).toBe(200);
      expect(again.bytes.equals(pdf)).toBe(true);
    }, 120_000);

    it('renders a report on either process', async () => {
      const cookie = await login(b);
      const list = await call(a, 'GET', '/api/assessments', cookie);
      expect(list.status).toBe(200);
      const rows = (Array.isArray(list.body) ? list.body : list.body.items) as {
        id: string;
        status: string;
      }[];
      const reviewed = rows.find((r) => r.status !== 'draft');
      expect(reviewed).toBeDefined();
      for (const s of [a, b]) {
        const pdf = await bytesOf(s, `/api/assessments/${reviewed?.id}/report.pdf`, cookie);
        expect(pdf.status).toBe(200);
        expect(pdf.type).toBe('application/pdf');
        expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      }
    }, 120_000);

    it('shares sessions, conflicts and logout', async () => {
      const cookie = await login(a);
      expect((await call(b, 'GET', '/api/auth/me', cookie)).body.email).toBe(QIYE.email);
      // Of two saves on one revision through different processes, exactly one lands.
      const id = (
        await call(b, 'POST', '/api/assessments', cookie, { definition: 'gbt29490-2023' })
      ).body.id as string;
      for (let round = 0; round < 3; round++) {
        const rev = (await call(a, 'GET', `/api/assessments/${id}`, cookie)).body.revision;
        const [r1, r2] = await Promise.all(
          [a, b].map((s, i) =>
            call(s, 'PATCH', `/api/assessments/${id}`, cookie, {
              revision: rev,
              answers: { 'pre.penalty': i === 0 },
            }),
          ),
        );
        expect([r1?.status, r2?.status].sort()).toEqual([200, 409]);
        const stored = await call(b, 'GET', `/api/assessments/${id}`, cookie);
        expect(stored.body.answers['pre.penalty']).toBe(r1?.status === 200);
        expect(stored.body.revision).toBe(rev + 1);
      }
      expect((await call(b, 'POST', '/api/auth/logout', cookie)).status).toBe(204);
      // The process that logged out refuses the session at once; the other within the time
      // the change feed's notification takes (README, "Several processes behind a load
      // balancer"): milliseconds, longer on a machine busy with other tests, so up to 2 s.
      expect((await call(b, 'GET', '/api/auth/me', cookie)).status).toBe(401);
      const until = Date.now() + 2_000;
      let other = (await call(a, 'GET', '/api/auth/me', cookie)).status;
      while (other !== 401 && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 20));
        other = (await call(a, 'GET', '/api/auth/me', cookie)).status;
      }
      expect(other).toBe(401);
    });

    it('counts login attempts made through both processes against one limit', async () => {
      // LOGIN_ATTEMPTS_PER_MINUTE is 5: five wrong passwords, alternating
      // processes, are each evaluated; the sixth is refused by the other process too.
      const wrong = { email: 'city@demo.zhiping.cn', password: 'not-the-password-1' };
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push(
          (await call(i % 2 === 0 ? a : b, 'POST', '/api/auth/login', '', wrong)).status,
        );
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      const right = await call(a, 'POST', '/api/auth/login', '', {
        email: wrong.email,
        password: 'Demo-2026-zhiping',
      });
      expect(right.status).toBe(429);
    });
  },
);
