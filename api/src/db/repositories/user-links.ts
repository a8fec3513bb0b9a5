import type { Kysely } from 'kysely';
import type { Database, UserLinkTable } from '../schema.ts';

/* One-time links: the id is the SHA-256 of the token, the token itself is never stored. */

export type LinkPurpose = UserLinkTable['purpose'];

export async function insertLink(
  db: Kysely<Database>,
  l: { id: string; userId: string; purpose: LinkPurpose; by: string; at: Date; expiresAt: Date },
): Promise<void> {
  // A new link replaces any unused one: only the latest link an admin handed out works.
  await db
    .updateTable('user_links')
    .set({ used_at: l.at.toISOString() })
    .where('user_id', '=', l.userId)
    .where('used_at', 'is', null)
    .execute();
  await db
    .insertInto('user_links')
    .values({
      id: l.id,
      user_id: l.userId,
      purpose: l.purpose,
      created_by: l.by,
      created_at: l.at.toISOString(),
      expires_at: l.expiresAt.toISOString(),
    })
    .execute();
}

/** A link that is unused and unexpired at `now`, with its account. */
export async function liveLink(db: Kysely<Database>, id: string, now: Date) {
  return db
    .selectFrom('user_links as l')
    .innerJoin('users as u', 'u.id', 'l.user_id')
    .select([
      'l.id',
      'l.user_id',
      'l.purpose',
      'l.expires_at',
      'u.email',
      'u.name',
      'u.disabled_at',
    ])
    .where('l.id', '=', id)
    .where('l.used_at', 'is', null)
    .where('l.expires_at', '>', now.toISOString())
    .executeTakeFirst();
}

/** Marks a link used, only if it still is live: of two uses at once, exactly one wins. */
export async function consumeLink(db: Kysely<Database>, id: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('user_links')
    .set({ used_at: now.toISOString() })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
