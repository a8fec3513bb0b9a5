import { execFileSync } from 'node:child_process';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { ActorCache } from '../auth/actor-cache.ts';
import { harness, PG_URL, skipReason } from '../testing/harness.ts';
import { ChangeFeed } from './change-feed.ts';

/*
 * The change feed's heartbeat, against a real PostgreSQL: when the
 * listening backend stops answering (frozen with SIGSTOP — a hung server,
 * a network that drops packets without a reset), the actor cache must
 * switch itself off within the heartbeat's timeout, and come back on once
 * the connection answers again or is replaced.
 */

const run = skipReason('postgres') ? describe.skip : describe;

async function until(what: string, ok: () => boolean, ms: number) {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

run(`change feed heartbeat${skipReason('postgres')}`, () => {
  it('switches the cache off when the listening backend stops answering (SIGSTOP), on again after', async () => {
    const cache = new ActorCache();
    const application = `zhiping-feed-test-${process.pid}`;
    // The feed's queries in flight at once: a heartbeat that waits on a stalled backend must
    // not be joined by the next one (pg 8 queues it with a deprecation warning; pg 9 throws).
    let inFlight = 0;
    let most = 0;
    const others = new WeakSet<pg.Client>();
    const query = pg.Client.prototype.query;
    const spy = vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (
      this: pg.Client,
      ...args: Parameters<typeof query>
    ) {
      const mine = !others.has(this);
      const out = query.apply(this, args) as unknown;
      if (mine && out instanceof Promise) {
        most = Math.max(most, ++inFlight);
        void out.then(
          () => inFlight--,
          () => inFlight--,
        );
      }
      return out as ReturnType<typeof query>;
    });
    const feed = new ChangeFeed(PG_URL ?? '', cache, () => {}, {
      heartbeatMs: 100,
      timeoutMs: 300,
      retryMs: 100,
      application,
    });
    feed.start();
    let pid = 0;
    try {
      expect(await feed.ready()).toBe(true);
      const admin = new pg.Client({ connectionString: PG_URL });
      others.add(admin);
      await admin.connect();
      const r = await admin
        .query<{ pid: number }>('select pid from pg_stat_activity where application_name = $1', [
          application,
        ])
        .finally(() => admin.end());
      pid = r.rows[0]?.pid ?? 0;
      expect(pid).toBeGreaterThan(0);
      execFileSync('kill', ['-STOP', String(pid)]);
      await until('heartbeat missed', () => !cache.enabled, 2_000);
    } finally {
      if (pid) execFileSync('kill', ['-CONT', String(pid)]);
    }
    await until('listening again', () => cache.enabled, 5_000);
    await feed.stop();
    spy.mockRestore();
    expect(cache.enabled).toBe(false);
    expect(most).toBe(1);
  });
});

run(`change feed, one schema's changes${skipReason('postgres')}`, () => {
  it("empties the cache for a change to its own schema's tables, never for another schema's", async () => {
    // Two deployments in one database, a schema each (real triggers, migration 0017).
    const mine = await harness('postgres');
    const theirs = await harness('postgres');
    const cache = new ActorCache();
    const clears = vi.spyOn(cache, 'clear');
    const feed = new ChangeFeed(PG_URL ?? '', cache, () => {}, {
      schema: mine.schema,
      application: `zhiping-feed-schema-${process.pid}`,
    });
    feed.start();
    try {
      expect(await feed.ready()).toBe(true);
      // A statement-level trigger fires even when no row matches.
      const touch = (h: typeof mine) =>
        sql`update sessions set id = id where false`.execute(h.deps.db.kysely);
      // Theirs first: notifications reach the one listening connection in commit order,
      // so once ours has emptied the cache, theirs has been handled before it.
      await touch(theirs);
      await touch(mine);
      await until('our change seen', () => clears.mock.calls.length > 0, 5_000);
      await new Promise((r) => setTimeout(r, 50));
      expect(clears).toHaveBeenCalledTimes(1);
    } finally {
      await feed.stop();
      await theirs.close();
      await mine.close();
    }
  });
});
