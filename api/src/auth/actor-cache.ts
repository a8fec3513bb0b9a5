import type { Actor } from './session.ts';

/*
 * Who is behind a session, remembered for a short while so that a request
 * on PostgreSQL does not spend a round trip on it (a GET of a draft was two
 * round trips, the session and the assessment; issue 15). Correctness rests
 * on the database telling every process when a session, user or
 * organisation row changes (migration 0015's triggers, listened to by
 * db/change-feed.ts): any such change empties the cache of every process.
 *
 * The cache answers only while that feed is known to be alive. When the
 * listening connection fails or stops answering its heartbeat, the cache is
 * emptied and switched off until the feed is back, so a lost notification
 * can never keep a logged-out session alive. What remains is the time a
 * notification takes to arrive (milliseconds on one network): a request
 * that reaches another process in that window is still served as the old
 * session. Entries also lapse after `ttlMs`, and never outlive the
 * session's own expiry.
 */

interface Entry {
  actor: Actor;
  /** The session's expiry, ISO (compared as text, like the database does). */
  expiresAt: string;
  /** When this entry was stored (ms). */
  at: number;
}

export class ActorCache {
  private readonly entries = new Map<string, Entry>();
  private live = false;
  /*
   * Bumped by every clear: a read that began before a change was announced
   * may have seen the old row, and is not kept (see `begin`).
   */
  private generation = 0;

  constructor(
    private readonly ttlMs = 30_000,
    private readonly capacity = 10_000,
  ) {}

  /** Whether entries are served: only while the change feed is alive. */
  get enabled(): boolean {
    return this.live;
  }

  /** Called by the change feed: on when it listens and answers, off when in doubt. */
  setLive(live: boolean): void {
    this.live = live;
    this.clear();
  }

  /** Something a cached actor depends on changed somewhere: forget everything. */
  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  get(digest: string, now: Date): Actor | undefined {
    if (!this.live) return undefined;
    const e = this.entries.get(digest);
    if (!e) return undefined;
    if (Date.now() - e.at > this.ttlMs || e.expiresAt <= now.toISOString()) {
      this.entries.delete(digest);
      return undefined;
    }
    return e.actor;
  }

  /** Call before reading a session from the database; hand the value to `put`. */
  begin(): number {
    return this.generation;
  }

  /** Keeps what a read that began at `generation` found, unless a change was announced since. */
  put(digest: string, actor: Actor, expiresAt: string, generation: number): void {
    if (!this.live || generation !== this.generation) return;
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(digest, { actor, expiresAt, at: Date.now() });
  }

  get size(): number {
    return this.entries.size;
  }
}
