import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Checkpointer } from './checkpointer.ts';
import { openDb } from './open.ts';
import { ReadCache } from './read-cache.ts';

/*
 * What keeps a kept read honest (read-cache.ts): the counter of another
 * connection's commits, this process's own writes (write-watch.ts), a
 * clear that races a read, the time limit — and, on a real SQLite file,
 * that data_version is the counter we take it for.
 */

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhiping-kept-'));
  dirs.push(dir);
  return join(dir, 'db.sqlite');
};
afterEach(() => {
  vi.useRealTimers();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('ReadCache', () => {
  it('serves nothing until live, and forgets everything when switched', () => {
    const c = new ReadCache<string>({ ttlMs: 1_000, capacity: 10 });
    c.put('a', 'A', c.begin());
    expect(c.get('a')).toBeUndefined();
    c.setLive(true);
    c.put('a', 'A', c.begin());
    expect(c.get('a')).toBe('A');
    c.setLive(true);
    expect(c.get('a')).toBeUndefined();
  });

  it('empties itself when the version moves, and keeps entries while it does not', () => {
    let v = 7;
    const c = new ReadCache<string>({ ttlMs: 60_000, capacity: 10, version: () => v, live: true });
    c.put('a', 'A', c.begin());
    expect(c.get('a')).toBe('A');
    expect(c.get('a')).toBe('A');
    v = 8;
    expect(c.get('a')).toBeUndefined();
    c.put('a', 'A2', c.begin());
    expect(c.get('a')).toBe('A2');
  });

  it('does not keep a read that began before the version moved', () => {
    let v = 1;
    const c = new ReadCache<string>({ ttlMs: 60_000, capacity: 10, version: () => v, live: true });
    const g = c.begin();
    v = 2;
    // The next look sees the move and empties: the read begun at `g` is not kept.
    expect(c.get('b')).toBeUndefined();
    c.put('a', 'old', g);
    expect(c.get('a')).toBeUndefined();
  });

  it('does not keep a read that began before a clear', () => {
    const c = new ReadCache<string>({ ttlMs: 60_000, capacity: 10, live: true });
    const g = c.begin();
    c.clear();
    c.put('a', 'old', g);
    expect(c.get('a')).toBeUndefined();
  });

  it('lets an entry lapse after ttlMs, not before', () => {
    vi.useFakeTimers({ now: 0 });
    const c = new ReadCache<string>({ ttlMs: 1_000, capacity: 10, live: true });
    c.put('a', 'A', c.begin());
    vi.setSystemTime(1_000);
    expect(c.get('a')).toBe('A');
    vi.setSystemTime(1_001);
    expect(c.get('a')).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it('drops the oldest entry at capacity', () => {
    const c = new ReadCache<string>({ ttlMs: 60_000, capacity: 2, live: true });
    for (const k of ['a', 'b', 'c']) c.put(k, k.toUpperCase(), c.begin());
    expect([c.get('a'), c.get('b'), c.get('c')]).toEqual([undefined, 'B', 'C']);
  });
});

describe('SQLite data_version on a real file', () => {
  it("moves on another connection's commit, never on this connection's own or on a checkpoint", async () => {
    const file = fresh();
    const mine = new SQLite(file);
    mine.pragma('journal_mode = WAL');
    mine.exec('create table t (id integer primary key, v text)');
    const other = new SQLite(file);
    const version = mine.prepare('PRAGMA data_version').pluck();
    const checkpoints = new Checkpointer(mine, file, { every: 1_000_000 });
    try {
      const v0 = version.get();
      mine.prepare('insert into t (v) values (?)').run('own');
      expect(version.get()).toBe(v0);
      other.prepare('insert into t (v) values (?)').run('theirs');
      const v1 = version.get();
      expect(v1).not.toBe(v0);
      expect(version.get()).toBe(v1);
      // A reader elsewhere changes nothing.
      other.prepare('select count(*) from t').get();
      expect(version.get()).toBe(v1);
      // Copying the WAL back into the file (the worker's checkpoint) is no change of data.
      expect((await checkpoints.checkpoint()).ok).toBe(true);
      expect(version.get()).toBe(v1);
    } finally {
      await checkpoints.close();
      other.close();
      mine.close();
    }
  });

  it("openDb's caches: this process's writes and another connection's both empty them at once", async () => {
    const file = fresh();
    const db = openDb({ file });
    const other = new SQLite(file);
    try {
      await db.kysely.schema.createTable('assessments').addColumn('id', 'text').execute();
      await db.kysely.schema.createTable('sessions').addColumn('id', 'text').execute();
      const heads = db.heads;
      if (!heads) throw new Error('SQLite keeps heads');
      const keep = () => {
        heads.put('a', { id: 'a' } as never, heads.begin());
        db.actors.put('s', { id: 'u' } as never, '9999', db.actors.begin());
      };
      const kept = () => [
        heads.get('a') !== undefined,
        db.actors.get('s', new Date(0)) !== undefined,
      ];
      keep();
      expect(kept()).toEqual([true, true]);
      // Own write to assessments: the heads go, the actors stay.
      await db.kysely
        .insertInto('assessments')
        .values({ id: 'a' } as never)
        .execute();
      expect(kept()).toEqual([false, true]);
      keep();
      // Own write to sessions (a logout): the actors go.
      await db.kysely.deleteFrom('sessions').where('id', '=', 's').execute();
      expect(kept()).toEqual([true, false]);
      keep();
      // Own write in a transaction: gone at the statement and still gone after the commit.
      await db.kysely.transaction().execute(async (tx) => {
        await tx
          .updateTable('assessments')
          .set({ id: 'a' } as never)
          .execute();
        expect(heads.get('a')).toBeUndefined();
        heads.put('a', { id: 'a' } as never, heads.begin());
      });
      expect(heads.get('a')).toBeUndefined();
      keep();
      // Another connection's write to any table: both go.
      other.exec('create table elsewhere (x)');
      expect(kept()).toEqual([false, false]);
    } finally {
      other.close();
      await db.close();
    }
  });
});

describe('the data_version a request is checked against (openDb, SQLite)', () => {
  it('is read as the request begins and serves the rest of that turn; outside a request every look reads it', async () => {
    const file = fresh();
    const db = openDb({ file });
    const other = new SQLite(file);
    const heads = db.heads;
    if (!heads) throw new Error('SQLite keeps heads');
    const keep = () => heads.put('a', { id: 'a' } as never, heads.begin());
    try {
      // No request under way: another connection's write is seen at the next look.
      keep();
      other.exec('create table t1 (x)');
      expect(heads.get('a')).toBeUndefined();
      // A request begins, then another connection writes in the same turn: the request
      // was sent before that write, and may be answered from what was kept.
      db.observe();
      keep();
      other.exec('create table t2 (x)');
      expect(heads.get('a')).toEqual({ id: 'a' });
      // A request that begins after the write reads the counter again.
      db.observe();
      expect(heads.get('a')).toBeUndefined();
      // Once the event loop turns, nothing read earlier is trusted.
      keep();
      other.exec('create table t3 (x)');
      await new Promise((r) => setImmediate(r));
      expect(heads.get('a')).toBeUndefined();
    } finally {
      other.close();
      await db.close();
    }
  });
});
