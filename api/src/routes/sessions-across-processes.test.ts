import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boot } from '../bootstrap.ts';
import type { Deps } from '../deps.ts';
import { createApp } from '../http/app.ts';
import {
  type Client,
  type Harness,
  harness,
  PG_URL,
  skipReason,
  type Target,
  targets,
} from '../testing/harness.ts';

/*
 * Sessions remembered by one API process must never outlive a change made
 * through another on the same database (logout, a deleted session, a
 * renamed organisation). On SQLite the change is seen at the very next
 * request (data_version); on PostgreSQL once the notification arrives, and
 * the memory switches itself off while the change feed cannot vouch for it
 * — its connection terminated (real pg_terminate_backend). The heartbeat (a
 * frozen backend) is tested in db/change-feed.test.ts.
 */

const quiet = { info: () => {}, error: () => {} };

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 3_000) {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** SQLite: true at once, no waiting allowed; PostgreSQL: within the time a notification takes. */
function seen(target: Target, what: string, ok: () => Promise<boolean>) {
  return target === 'sqlite'
    ? ok().then((v) => expect(v, `${what}, at the next request`).toBe(true))
    : until(what, ok);
}

describe.each(targets)('actor cache across processes on %s', (target: Target) => {
  const run = skipReason(target) ? describe.skip : describe;
  run(`another process's changes${skipReason(target)}`, () => {
    let h: Harness;
    let other: Deps;
    let alice: Client;
    const onOther = (path: string, cookie: string | null, method = 'GET') =>
      createApp(other).request(path, {
        method,
        headers: { cookie: cookie ?? '' },
      });

    beforeAll(async () => {
      h = await harness(target);
      other = await boot(h.deps.config, {
        log: quiet,
        now: () => h.clock.now,
        ...(target === 'postgres' ? { pgSchema: h.schema } : {}),
      });
      alice = await h.as('alice');
      await until('both feeds listen', () =>
        Boolean(h.deps.db.actors?.enabled && other.db.actors?.enabled),
      );
    });
    afterAll(async () => {
      await other?.reports.close();
      await other?.db.close();
      await h?.close();
    });

    it('remembers a session, and forgets it everywhere at a logout made by another process', async () => {
      expect((await alice.get('/api/auth/me')).status).toBe(200);
      expect(h.deps.db.actors?.size).toBeGreaterThan(0);
      // The session row is gone from the database, yet this process would still remember it…
      const out = await onOther('/api/auth/logout', alice.cookie, 'POST');
      expect(out.status).toBeLessThan(300);
      // …until the announcement arrives: then the cookie is refused here too.
      await seen(
        target,
        'logout seen here',
        async () => (await alice.get('/api/auth/me')).status === 401,
      );
    });

    it('shows an organisation renamed, and refuses a session deleted, through another process', async () => {
      const carol = await h.as('carol');
      expect((await carol.get('/api/auth/me')).body.organisation.name).toBe('机构 org-a');
      await other.db.kysely
        .updateTable('organisations')
        .set({ name: '改名后' })
        .where('id', '=', 'org-a')
        .execute();
      await seen(
        target,
        'rename seen',
        async () => (await carol.get('/api/auth/me')).body.organisation.name === '改名后',
      );
      await other.db.kysely.deleteFrom('sessions').where('user_id', '=', 'u-carol').execute();
      await seen(
        target,
        'deleted session refused',
        async () => (await carol.get('/api/auth/me')).status === 401,
      );
    });

    // The change feed is PostgreSQL's alone.
    if (target === 'postgres')
      it('stops remembering while its feed connection is terminated, and resumes when it is back', async () => {
        const rob = await h.as('rob');
        expect((await rob.get('/api/auth/me')).status).toBe(200);
        // Terminate both processes' change-feed connections (a failover, an admin's kill), and
        // only theirs: other test files' processes listen on this database too. An operator's
        // own connection, as in test/fault: not through the app.
        const admin = new pg.Client({ connectionString: PG_URL });
        await admin.connect();
        const { rows } = await admin
          .query(
            `select pg_terminate_backend(pid) from pg_stat_activity
         where application_name = $1 and datname = current_database()`,
            // The name README.md gives operators for a deployment in a schema.
            [`zhiping-change-feed:${h.schema}`],
          )
          .finally(() => admin.end());
        expect(rows.length).toBe(2);
        await until('cache switched off', () => h.deps.db.actors?.enabled === false);
        // While it is off, a change the feed cannot announce is still seen: nothing is served from memory.
        await h.deps.db.kysely.deleteFrom('sessions').where('user_id', '=', 'u-rob').execute();
        expect((await rob.get('/api/auth/me')).status).toBe(401);
        await until('feed back', () => h.deps.db.actors?.enabled === true, 5_000);
      });
  });
});
