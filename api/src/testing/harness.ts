import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@zhiping/forms';
import { loadSample } from '@zhiping/forms/node';
import { sql } from 'kysely';
import { hashPassword } from '../auth/password.ts';
import { boot } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import type { Deps } from '../deps.ts';
import { createApp } from '../http/app.ts';

/*
 * Test harness: a real database (a SQLite file in a fresh temp directory, or
 * a fresh schema in the PostgreSQL named by TEST_DATABASE_URL), the real app
 * driven in-process with app.request(), and a few organisations and users.
 */

export const PG_URL = process.env.TEST_DATABASE_URL;
export const targets = ['sqlite', 'postgres'] as const;
export type Target = (typeof targets)[number];
export const skipReason = (t: Target) =>
  t === 'postgres' && !PG_URL ? ' — skipped: set TEST_DATABASE_URL=postgres://… to run' : '';

export const PASSWORD = 'correct-horse-42';
const quiet = { info: () => {}, error: () => {} };

export interface Harness {
  deps: Deps;
  app: ReturnType<typeof createApp>;
  /** Signs in and returns a client carrying that session. */
  as(email: string, password?: string): Promise<Client>;
  anon: Client;
  users: Record<FixtureUser, { id: string; email: string }>;
  clock: { now: Date };
  /** The PostgreSQL schema (postgres target). */
  schema: string;
  close(): Promise<void>;
}

export type FixtureUser = 'alice' | 'bob' | 'carol' | 'rita' | 'rob' | 'admin';

/** A (org, role) per fixture user: alice and carol share org A, bob is org B. */
const FIXTURE: Record<FixtureUser, { org: string; role: Role }> = {
  alice: { org: 'org-a', role: 'respondent' },
  carol: { org: 'org-a', role: 'respondent' },
  bob: { org: 'org-b', role: 'respondent' },
  rita: { org: 'reviews', role: 'reviewer' },
  rob: { org: 'reviews', role: 'reviewer' },
  admin: { org: 'platform', role: 'admin' },
};

// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies by path and assert on what they find
type Json = any;

export interface Res<T = Json> {
  status: number;
  body: T;
  headers: Headers;
  type: string;
}

export interface Client {
  cookie: string | null;
  req<T = Json>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Res<T>>;
  get<T = Json>(path: string): Promise<Res<T>>;
}

export async function harness(
  target: Target = 'sqlite',
  env: Record<string, string> = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'zhiping-test-'));
  const schema = `t_${Math.random().toString(36).slice(2, 10)}`;
  const config = loadConfig({
    DATA_DIR: dir,
    SEED_DEMO: '0',
    ...(target === 'postgres' ? { DATABASE_URL: PG_URL } : {}),
    ...env,
  });
  const clock = { now: new Date('2026-11-21T08:00:00Z') };
  const deps = await boot(config, {
    log: quiet,
    now: () => clock.now,
    ...(target === 'postgres' ? { pgSchema: schema } : {}),
  });
  const db = deps.db.kysely;
  const created = clock.now.toISOString();
  for (const [id, kind] of [
    ['org-a', 'enterprise'],
    ['org-b', 'enterprise'],
    ['city', 'city'],
    ['reviews', 'review-body'],
    ['platform', 'platform'],
  ] as const)
    await db
      .insertInto('organisations')
      .values({ id, name: `机构 ${id}`, kind, region: null, created_at: created })
      .execute();
  const hash = await hashPassword(PASSWORD);
  const users = {} as Harness['users'];
  for (const [name, f] of Object.entries(FIXTURE) as [
    FixtureUser,
    (typeof FIXTURE)[FixtureUser],
  ][]) {
    const u = { id: `u-${name}`, email: `${name}@example.cn` };
    await db
      .insertInto('users')
      .values({ ...u, org_id: f.org, name, role: f.role, password_hash: hash, created_at: created })
      .execute();
    users[name] = u;
  }
  await db
    .insertInto('users')
    .values({
      id: 'u-mayor',
      email: 'mayor@example.cn',
      org_id: 'city',
      name: 'mayor',
      role: 'respondent',
      password_hash: hash,
      created_at: created,
    })
    .execute();

  const app = createApp(deps);
  const client = (cookie: string | null): Client => {
    const c: Client = {
      cookie,
      async req(method, path, body, headers = {}) {
        const init: RequestInit = {
          method,
          headers: {
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(c.cookie ? { cookie: c.cookie } : {}),
            ...headers,
          },
          ...(body !== undefined
            ? { body: typeof body === 'string' ? body : JSON.stringify(body) }
            : {}),
        };
        const res = await app.request(path, init);
        const type = res.headers.get('content-type') ?? '';
        const text = await res.text();
        const parsed = type.includes('json') && text ? JSON.parse(text) : text;
        return { status: res.status, body: parsed, headers: res.headers, type };
      },
      get: (path) => c.req('GET', path),
    };
    return c;
  };
  return {
    deps,
    app,
    users,
    clock,
    schema,
    anon: client(null),
    async as(email, password = PASSWORD) {
      const full = email.includes('@') ? email : `${email}@example.cn`;
      const r = await client(null).req('POST', '/api/auth/login', { email: full, password });
      if (r.status !== 200)
        throw new Error(`login ${full} failed: ${r.status} ${JSON.stringify(r.body)}`);
      const set = r.headers.get('set-cookie') ?? '';
      return client(set.split(';')[0] ?? null);
    },
    async close() {
      if (target === 'postgres')
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
      await deps.reports.close();
      await deps.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Answers of a sample in seeds/samples, e.g. `sampleAnswers('gbt29490-2023/ready-manufacturer')`. */
export const sampleAnswers = (rel: string) => loadSample(`${rel}.json`).answers;
