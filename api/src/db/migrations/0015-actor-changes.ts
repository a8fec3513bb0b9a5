import { type Migration, sql } from 'kysely';
import { ACTOR_CHANNEL } from '../change-feed.ts';
import type { Dialect } from '../open.ts';

/*
 * PostgreSQL tells every API process when what a signed-in actor is made
 * of changes — a session ended or a user or organisation updated or
 * removed — so that each can drop the sessions it remembers
 * (auth/actor-cache.ts, db/change-feed.ts). Per statement, not per row:
 * the listeners only need to know that something changed. A new session
 * (INSERT) changes no one's existing actor and is not announced. SQLite
 * has one process and no cache: nothing to do there.
 */
export const actorChanges = (dialect: Dialect): Migration => ({
  async up(db) {
    if (dialect !== 'postgres') return;
    await sql`
      create or replace function zp_actor_changed() returns trigger language plpgsql as $$
      begin
        perform pg_notify(${sql.lit(ACTOR_CHANNEL)}, tg_table_name);
        return null;
      end $$`.execute(db);
    for (const table of ['sessions', 'users', 'organisations'])
      await sql`
        create trigger ${sql.id(`${table}_actor_changed`)}
        after update or delete on ${sql.table(table)}
        for each statement execute function zp_actor_changed()`.execute(db);
  },
});
