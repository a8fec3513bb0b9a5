import { type DatabaseConnection, type Driver, PostgresDialect } from 'kysely';
import type { ActorCache } from '../auth/actor-cache.ts';

/*
 * Writes of this process to what a cached actor is made of empty this
 * process's actor cache at once — before the statement (a read under way
 * is not kept) and after it, and again at the commit of a transaction that
 * made one. Other processes learn of it through the change feed; this one
 * must not wait for that: a logout answered here is refused here on the
 * very next request. Recognised from the SQL text every query sends, so
 * no call site can forget it (Kysely's builder and raw `sql` alike).
 */
const WRITES =
  /\b(?:update|delete\s+from)\s+(?:"?\w+"?\.)?"?(?:sessions|users|organisations)"?(?:[\s;]|$)/i;

export const writesActors = (sqlText: string): boolean => WRITES.test(sqlText);

export class ActorWatchingPostgresDialect extends PostgresDialect {
  constructor(
    config: ConstructorParameters<typeof PostgresDialect>[0],
    private readonly actors: ActorCache,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const actors = this.actors;
    const touched = new WeakSet<DatabaseConnection>();
    // Kysely hands out the same connection object for a pooled client each time: wrap it once.
    const wrapped = new WeakSet<DatabaseConnection>();
    const acquire = driver.acquireConnection.bind(driver);
    driver.acquireConnection = async () => {
      const conn = await acquire();
      if (wrapped.has(conn)) return conn;
      wrapped.add(conn);
      const execute = conn.executeQuery.bind(conn);
      conn.executeQuery = async (q) => {
        if (!writesActors(q.sql)) return execute(q);
        actors.clear();
        touched.add(conn);
        try {
          return await execute(q);
        } finally {
          actors.clear();
        }
      };
      return conn;
    };
    const commit = driver.commitTransaction.bind(driver);
    driver.commitTransaction = async (conn) => {
      try {
        await commit(conn);
      } finally {
        if (touched.has(conn)) actors.clear();
        touched.delete(conn);
      }
    };
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (conn) => {
      touched.delete(conn);
      await rollback(conn);
    };
    return driver;
  }
}
