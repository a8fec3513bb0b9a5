import { ReadCache, type ReadCacheOptions } from '../db/read-cache.ts';
import type { Actor } from './session.ts';

/*
 * Who is behind a session, remembered for a short while so that a request
 * does not spend a query (on PostgreSQL a round trip) on it: a GET of a
 * draft was two, the session and the assessment (issue 15). The rules that
 * keep it honest are db/read-cache.ts's: this process's writes to
 * sessions, users or organisations empty it at once (db/write-watch.ts);
 * another process's are seen through SQLite's data_version on every read,
 * or on PostgreSQL through migration 0015's triggers and the change feed
 * (db/change-feed.ts), the cache answering only while that feed is alive.
 * On PostgreSQL what remains is the time a notification takes to arrive
 * (milliseconds on one network): a request that reaches another process in
 * that window is still served as the old session. Entries also lapse after
 * `ttlMs`, and never outlive the session's own expiry.
 */

interface Entry {
  actor: Actor;
  /** The session's expiry, ISO (compared as text, like the database does). */
  expiresAt: string;
}

export class ActorCache {
  private readonly kept: ReadCache<Entry>;

  constructor(
    ttlMs = 30_000,
    capacity = 10_000,
    more: Pick<ReadCacheOptions, 'version' | 'live'> = {},
  ) {
    this.kept = new ReadCache({ ttlMs, capacity, ...more });
  }

  /** Whether entries are served (on PostgreSQL only while the change feed is alive). */
  get enabled(): boolean {
    return this.kept.enabled;
  }

  /** Called by the change feed: on when it listens and answers, off when in doubt. */
  setLive(live: boolean): void {
    this.kept.setLive(live);
  }

  /** Something a cached actor depends on changed somewhere: forget everything. */
  clear(): void {
    this.kept.clear();
  }

  get(digest: string, now: Date): Actor | undefined {
    const e = this.kept.get(digest);
    if (!e) return undefined;
    if (e.expiresAt <= now.toISOString()) {
      this.kept.delete(digest);
      return undefined;
    }
    return e.actor;
  }

  /** Call before reading a session from the database; hand the value to `put`. */
  begin(): number {
    return this.kept.begin();
  }

  /** Keeps what a read that began at `generation` found, unless a change was announced since. */
  put(digest: string, actor: Actor, expiresAt: string, generation: number): void {
    this.kept.put(digest, { actor, expiresAt }, generation);
  }

  get size(): number {
    return this.kept.size;
  }
}
