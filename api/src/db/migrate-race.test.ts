import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PG_URL, skipReason } from '../testing/harness.ts';
import { migrate } from './migrations.ts';
import type { Database } from './schema.ts';

/*
 * Kysely's migrator looks for its own table by introspecting every schema
 * of the database, with functions that look each schema up by name. A
 * schema dropped meanwhile (another deployment's, another test file's)
 * then fails the migration with "schema … does not exist": seen with two
 * test files at a time. migrate() tries again when a schema or table other
 * than its own vanished under it.
 */
const run = skipReason('postgres') ? describe.skip : describe;

run(`migrations while other schemas are dropped${skipReason('postgres')}`, () => {
  it('migrates a new schema while others are dropped under its feet', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    const failures: string[] = [];
    try {
      for (let round = 0; round < 6; round++) {
        const doomed = Array.from({ length: 40 }, (_, i) => `race_${tag}_${round}_${i}`);
        for (const s of doomed)
          await admin.query(
            `create schema ${s}; create table ${s}.t (id serial primary key, a text, b text, c text)`,
          );
        const schema = `race_${tag}_new_${round}`;
        const db = new Kysely<Database>({
          dialect: new PostgresDialect({
            pool: new pg.Pool({ connectionString: PG_URL, options: `-c search_path=${schema}` }),
          }),
        });
        const dropping = (async () => {
          for (const s of doomed) await admin.query(`drop schema ${s} cascade`);
        })();
        try {
          await migrate(db, 'postgres', schema);
        } catch (e) {
          failures.push(String(e));
        }
        await dropping;
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
        await db.destroy();
      }
    } finally {
      await admin.end();
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
