import type { DatabaseConnection, Driver } from 'kysely';

/*
 * Writes of this process to what a kept read is made of empty that cache
 * at once — before the statement (a read under way is not kept) and after
 * it, and again at the commit of a transaction that made one. Other
 * processes are another matter (db/read-cache.ts); this one must not wait
 * for them: a logout answered here is refused here on the very next
 * request, and a save answered here is what the next read here shows.
 * Recognised from the SQL text every query sends, so no call site can
 * forget it (Kysely's builder and raw `sql` alike).
 */

export interface WriteRule {
  /** Whether a statement may change what the cache keeps. */
  writes: (sqlText: string) => boolean;
  clear: () => void;
}

const writesTo = (tables: string[], verbs: string) =>
  new RegExp(`\\b(?:${verbs})\\s+(?:"?\\w+"?\\.)?"?(?:${tables.join('|')})"?(?:[\\s;(]|$)`, 'i');

/*
 * A new session or user changes no actor already kept: inserts do not
 * count. For assessments any write does, inserts too (an upsert updates).
 */
const ACTOR_WRITES = writesTo(['sessions', 'users', 'organisations'], 'update|delete\\s+from');
const ASSESSMENT_WRITES = writesTo(['assessments'], 'update|delete\\s+from|insert\\s+into');

export const writesActors = (sqlText: string): boolean => ACTOR_WRITES.test(sqlText);
export const writesAssessments = (sqlText: string): boolean => ASSESSMENT_WRITES.test(sqlText);

/** Wraps a Kysely driver (either dialect) so that `rules` see every statement it runs. */
export function watchWrites(driver: Driver, rules: WriteRule[]): Driver {
  const touched = new WeakMap<DatabaseConnection, Set<WriteRule>>();
  // Kysely hands out the same connection object each time (SQLite's one, a pooled client): wrap it once.
  const wrapped = new WeakSet<DatabaseConnection>();
  const acquire = driver.acquireConnection.bind(driver);
  driver.acquireConnection = async () => {
    const conn = await acquire();
    if (wrapped.has(conn)) return conn;
    wrapped.add(conn);
    const execute = conn.executeQuery.bind(conn);
    conn.executeQuery = async (q) => {
      const hit = rules.filter((r) => r.writes(q.sql));
      if (hit.length === 0) return execute(q);
      const set = touched.get(conn) ?? new Set<WriteRule>();
      touched.set(conn, set);
      for (const r of hit) {
        r.clear();
        set.add(r);
      }
      try {
        return await execute(q);
      } finally {
        for (const r of hit) r.clear();
      }
    };
    return conn;
  };
  const commit = driver.commitTransaction.bind(driver);
  driver.commitTransaction = async (conn) => {
    try {
      await commit(conn);
    } finally {
      for (const r of touched.get(conn) ?? []) r.clear();
      touched.delete(conn);
    }
  };
  const rollback = driver.rollbackTransaction.bind(driver);
  driver.rollbackTransaction = async (conn) => {
    try {
      await rollback(conn);
    } finally {
      // A rolled-back write changed nothing, but what was read inside it is gone from the cache already.
      touched.delete(conn);
    }
  };
  return driver;
}
