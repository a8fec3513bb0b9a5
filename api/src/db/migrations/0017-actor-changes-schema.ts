import { type Migration, sql } from 'kysely';
import { ACTOR_CHANNEL } from '../change-feed.ts';
import type { Dialect } from '../open.ts';

/*
 * A notification's channel is the whole database's, not one schema's: with
 * several deployments in one PostgreSQL (a schema each, DATABASE_SCHEMA),
 * every logout anywhere emptied every process's actor cache. The
 * notification now names the schema whose table changed, and a process
 * listens only to its own (db/change-feed.ts). Migration 0015's triggers
 * call this function by name, so replacing it is enough.
 */
export const actorChangesSchema = (dialect: Dialect): Migration => ({
  async up(db) {
    if (dialect !== 'postgres') return;
    await sql`
      create or replace function zp_actor_changed() returns trigger language plpgsql as $$
      begin
        perform pg_notify(${sql.lit(ACTOR_CHANNEL)}, tg_table_schema);
        return null;
      end $$`.execute(db);
  },
});
