import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Checkpointer } from './checkpointer.ts';
import { openDb } from './open.ts';

/*
 * Checkpoints in a worker thread, on a real SQLite file: the serving
 * connection never copies its WAL back itself, the worker does, the data
 * survive it, and if the worker dies the serving connection takes over.
 */

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhiping-ckpt-'));
  dirs.push(dir);
  return join(dir, 'db.sqlite');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function serving(file: string) {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('create table t (id integer primary key, body text)');
  return db;
}
const PAGE = 'x'.repeat(4000);
const write = (db: SQLite.Database, n: number) => {
  const insert = db.prepare('insert into t (body) values (?)');
  for (let i = 0; i < n; i++) insert.run(PAGE);
};

describe('Checkpointer', () => {
  it('keeps the serving connection from checkpointing and copies the WAL back from the worker', async () => {
    const file = fresh();
    const db = serving(file);
    const c = new Checkpointer(db, file, { every: 1_000_000 });
    try {
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      // 3,000 rows of 4 KB: SQLite alone would have checkpointed several times by now.
      write(db, 3_000);
      const before = statSync(file).size;
      expect(before).toBeLessThan(1_000_000);
      const r = await c.checkpoint();
      expect(r.ok).toBe(true);
      expect(r.log).toBeGreaterThan(2_900);
      expect(r.checkpointed).toBe(r.log);
      // The pages are now in the database file itself.
      expect(statSync(file).size).toBeGreaterThan(12_000_000);
      // The next write starts the WAL over instead of growing it.
      const walSize = statSync(`${file}-wal`).size;
      write(db, 10);
      expect(statSync(`${file}-wal`).size).toBe(walSize);
      expect(db.prepare('select count(*) as n from t').get()).toEqual({ n: 3_010 });
    } finally {
      await c.close();
      db.close();
    }
  });

  it('checkpoints in the background every so many commits', async () => {
    const file = fresh();
    const db = serving(file);
    const c = new Checkpointer(db, file, { every: 5 });
    try {
      for (let i = 0; i < 4; i++) {
        write(db, 100);
        c.committed();
      }
      expect(statSync(file).size).toBeLessThan(1_000_000);
      write(db, 100);
      c.committed(); // the fifth
      const r = await c.checkpoint(); // the one under way
      expect(r.checkpointed).toBeGreaterThanOrEqual(500);
      expect(statSync(file).size).toBeGreaterThan(2_000_000);
    } finally {
      await c.close();
      db.close();
    }
  });

  it('hands checkpointing back to the serving connection when the worker dies', async () => {
    const file = fresh();
    const db = serving(file);
    const errors: string[] = [];
    const c = new Checkpointer(db, file, { onError: (m) => errors.push(m) });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    // Killed from outside: what a crash of the thread looks like to us.
    await c.crashForTest();
    await new Promise((r) => setTimeout(r, 50));
    expect(c.active).toBe(false);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(errors.length).toBe(1);
    expect((await c.checkpoint()).ok).toBe(false);
    await c.close();
    db.close();
  });

  it('is what openDb uses by default: saves survive a close and reopen', async () => {
    const file = fresh();
    const db = openDb({ file });
    await db.kysely.schema.createTable('k').addColumn('v', 'text').execute();
    for (let i = 0; i < 200; i++) {
      await db.kysely
        .insertInto('k' as never)
        .values({ v: PAGE } as never)
        .execute();
      await db.durable();
    }
    await db.close();
    const again = new SQLite(file, { readonly: true });
    expect(again.prepare('select count(*) as n from k').get()).toEqual({ n: 200 });
    again.close();
  });
});
