import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

/*
 * Login attempts, counted in the database so that every process sharing it
 * shares the limits. Each reservation is one atomic upsert: concurrent
 * attempts get distinct counts, whichever process serves them.
 */

/**
 * Counts one more attempt for `key` in its window (a window older than
 * `windowMs` starts over) and returns the count including this one and
 * when the window began.
 */
export async function reserveAttempt(
  db: Kysely<Database>,
  key: string,
  now: Date,
  windowMs: number,
): Promise<{ count: number; windowStart: Date }> {
  const at = now.toISOString();
  const expired = new Date(now.getTime() - windowMs).toISOString();
  const stale = sql<boolean>`login_attempts.window_start <= ${expired}`;
  const row = await db
    .insertInto('login_attempts')
    .values({ key, window_start: at, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when ${stale} then 1 else login_attempts.count + 1 end`,
        window_start: sql<string>`case when ${stale} then ${at} else login_attempts.window_start end`,
      }),
    )
    .returning(['count', 'window_start'])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), windowStart: new Date(row.window_start) };
}

/** The current windows of `keys` (read only: lets a flood be refused without a write). */
export async function currentAttempts(
  db: Kysely<Database>,
  keys: string[],
): Promise<Map<string, { count: number; windowStart: Date }>> {
  const rows = await db
    .selectFrom('login_attempts')
    .select(['key', 'count', 'window_start'])
    .where('key', 'in', keys)
    .execute();
  return new Map(
    rows.map((r) => [r.key, { count: Number(r.count), windowStart: new Date(r.window_start) }]),
  );
}

/** Gives back one attempt of `key` (a login that succeeded does not count against it). */
export async function releaseAttempt(db: Kysely<Database>, key: string): Promise<void> {
  await db
    .updateTable('login_attempts')
    .set({ count: sql<number>`case when count > 0 then count - 1 else 0 end` })
    .where('key', '=', key)
    .execute();
}

export async function clearAttempts(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}

/** Drops windows that ended before `cutoff`; called now and then. */
export async function sweepAttempts(db: Kysely<Database>, cutoff: Date): Promise<void> {
  await db.deleteFrom('login_attempts').where('window_start', '<', cutoff.toISOString()).execute();
}
