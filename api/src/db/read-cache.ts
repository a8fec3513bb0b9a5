/*
 * Rows of a hot read remembered between requests, kept honest by the
 * database itself rather than by a time limit alone (issue 15: a GET of a
 * draft spent most of its database time reading the session and the
 * assessment's revision, again on every request).
 *
 * Three things empty the cache, each at once:
 * - this process writes a table the rows come from (db/write-watch.ts reads
 *   the SQL text of every statement, so no call site can forget it);
 * - another process changes the database: on SQLite the connection's
 *   `PRAGMA data_version` moved (`version`, checked on every read: a few
 *   microseconds, exact, no lag); on PostgreSQL a notification on the
 *   change feed (db/change-feed.ts), the cache answering only while that
 *   feed is alive (`setLive`);
 * - an entry is older than `ttlMs`.
 *
 * A read that began before the cache was emptied may have seen the old
 * row, so it is not kept: `begin` before reading, hand its value to `put`.
 */

export interface ReadCacheOptions {
  ttlMs: number;
  capacity: number;
  /**
   * A counter that moves whenever another connection changed the database
   * (SQLite's data_version on the serving connection). Absent: only writes
   * of this process and `clear` from a change feed empty the cache.
   */
  version?: (() => number) | undefined;
  /** Whether entries are served from the start (SQLite); a change feed turns it on otherwise. */
  live?: boolean;
}

interface Entry<V> {
  value: V;
  /** When this entry was stored (ms). */
  at: number;
}

export class ReadCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private live: boolean;
  /** Bumped by every clear: see `begin`. */
  private generation = 0;
  private seenVersion: number | undefined;

  constructor(private readonly o: ReadCacheOptions) {
    this.live = o.live ?? false;
  }

  /** Whether entries are served. */
  get enabled(): boolean {
    return this.live;
  }

  /** Called by a change feed: on when it listens and answers, off when in doubt. */
  setLive(live: boolean): void {
    this.live = live;
    this.clear();
  }

  /** Something a kept row depends on changed: forget everything. */
  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  get(key: string): V | undefined {
    if (!this.live) return undefined;
    this.sync();
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (Date.now() - e.at > this.o.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  /** Drops one entry (found no longer valid by its user). */
  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Call before reading from the database; hand the value to `put`. */
  begin(): number {
    this.sync();
    return this.generation;
  }

  /** Keeps what a read that began at `generation` found, unless the cache was emptied since. */
  put(key: string, value: V, generation: number): void {
    if (!this.live || generation !== this.generation) return;
    if (this.entries.size >= this.o.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, at: Date.now() });
  }

  get size(): number {
    return this.entries.size;
  }

  /** Another connection committed since the last look: everything kept may be old. */
  private sync(): void {
    if (!this.o.version) return;
    const v = this.o.version();
    if (v !== this.seenVersion) {
      this.seenVersion = v;
      this.clear();
    }
  }
}
