import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';
import { statementName } from './prepared.ts';

/*
 * The pool Kysely is given on PostgreSQL: node-postgres's own, except that
 * a prepared query (db/prepared.ts) goes out as a named statement. Each
 * connection then parses and plans it once and afterwards only binds and
 * runs it — on the hot reads (session, an assessment's ETag columns, the
 * detail) and the save, a parse and plan less per request. Every other
 * query goes out unnamed, as before. A new connection (after a restart or
 * pg_terminate_backend) prepares again on first use: node-postgres tracks
 * what each connection has prepared.
 *
 * A transaction-mode pooler (pgbouncer before 1.21) does not carry named
 * statements from one transaction to the next: README says so.
 */

class NamingClient implements PostgresPoolClient {
  constructor(private readonly client: pg.PoolClient) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    sql: string | PostgresCursor<R>,
    parameters?: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    // Kysely passes a cursor only for .stream(), which no query of ours uses.
    if (typeof sql !== 'string') throw new Error('streaming queries are not supported here');
    const name = statementName(sql);
    const values = [...(parameters ?? [])];
    const run = name
      ? this.client.query({ name, text: sql, values })
      : this.client.query(sql, values);
    return run.then((r) => ({
      command: r.command as PostgresQueryResult<R>['command'],
      rowCount: r.rowCount ?? 0,
      rows: r.rows as R[],
    }));
  }

  release(): void {
    this.client.release();
  }
}

export function namingPool(pool: pg.Pool): PostgresPool {
  // One wrapper per client: Kysely keeps its connection object per pooled client.
  const wrappers = new WeakMap<pg.PoolClient, NamingClient>();
  return {
    connect: async () => {
      const client = await pool.connect();
      let w = wrappers.get(client);
      if (!w) {
        w = new NamingClient(client);
        wrappers.set(client, w);
      }
      return w;
    },
    end: () => pool.end(),
  };
}
