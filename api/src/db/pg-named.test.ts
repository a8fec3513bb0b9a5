import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness, PG_URL, skipReason } from '../testing/harness.ts';
import { findDetailHead } from './repositories/assessment-reads.ts';

/*
 * PostgreSQL: a prepared query (prepared.ts) goes out as a named statement
 * (pg-named.ts), prepared once per connection — and again on a new
 * connection after the old one was terminated (real pg_terminate_backend).
 * Any other query goes out unnamed.
 */
const run = skipReason('postgres') ? describe.skip : describe;

run(`named statements on PostgreSQL${skipReason('postgres')}`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness('postgres');
  });
  afterAll(async () => {
    await h?.close();
  });

  const onOneConnection = () =>
    h.deps.db.kysely.connection().execute(async (conn) => {
      await findDetailHead(conn, 'postgres', 'no-such-id', 'org-a');
      await findDetailHead(conn, 'postgres', 'no-such-id-2', 'org-a');
      const { rows } = await sql<{ name: string; statement: string }>`
        select name, statement from pg_prepared_statements`.execute(conn);
      const pid = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(conn);
      return { rows, pid: pid.rows[0]?.pid ?? -1 };
    });

  it('prepares a hot read once per connection, and again after the connection is terminated', async () => {
    const first = await onOneConnection();
    const heads = first.rows.filter((r) => /"definition_hash"/.test(r.statement));
    // Two runs of the same query, one statement, named by us.
    expect(heads).toHaveLength(1);
    expect(heads[0]?.name).toMatch(/^zp_\d+$/);
    // The raw queries of this test are not named.
    expect(first.rows.some((r) => /pg_prepared_statements/.test(r.statement))).toBe(false);

    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      // Only this connection: other test files share the database.
      await admin.query('select pg_terminate_backend($1)', [first.pid]);
    } finally {
      await admin.end();
    }
    // The pool drops the dead connection (its first query fails); the next one prepares anew
    // (on a connection that never ran it before, or it is the same statement kept there).
    let again: Awaited<ReturnType<typeof onOneConnection>> | undefined;
    for (let i = 0; i < 20 && !again; i++) again = await onOneConnection().catch(() => undefined);
    expect(again?.pid).not.toBe(first.pid);
    expect(again?.rows.filter((r) => /"definition_hash"/.test(r.statement))).toHaveLength(1);
  });
});
