import { createHash, randomBytes } from 'node:crypto';
import type { OrgKind, Role } from '@zhiping/forms';
import type { Kysely } from 'kysely';
import type { Dialect } from '../db/open.ts';
import { type Placeholder, prepared } from '../db/prepared.ts';
import type { Database } from '../db/schema.ts';
import type { ActorCache } from './actor-cache.ts';

export const SESSION_COOKIE = 'zp_session';

/** Who is calling: the signed-in user, their role and organisation. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  orgId: string;
  orgName: string;
  orgKind: OrgKind;
  orgRegion: string | null;
  sessionId: string;
}

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

/*
 * The digest of each recent cookie, so a request whose session is kept
 * (actor-cache.ts) hashes nothing. Holds the tokens this process is being
 * sent anyway; emptied when full.
 */
const recentDigests = new Map<string, string>();
function digestOf(token: string): string {
  let d = recentDigests.get(token);
  if (d === undefined) {
    d = digest(token);
    if (recentDigests.size >= 10_000) recentDigests.clear();
    recentDigests.set(token, d);
  }
  return d;
}

/** Starts a session and returns the token for the cookie; only its digest is stored. */
export async function createSession(
  db: Kysely<Database>,
  userId: string,
  ttlHours: number,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  await db
    .insertInto('sessions')
    .values({
      id: digest(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
    })
    .execute();
  return { token, expiresAt };
}

/*
 * Run on every API request that the actor cache cannot answer: prepared
 * once (db/prepared.ts). The user's disabling or a logout deletes the row,
 * so the next request is refused; on PostgreSQL the cache of every process
 * is emptied by the same change (auth/actor-cache.ts).
 */
const sessionActor = prepared((db, p: Placeholder<{ id: string; now: string }>) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.org_id')
    .select([
      's.id as sessionId',
      'u.id',
      'u.email',
      'u.name',
      'u.role',
      'u.org_id as orgId',
      'o.name as orgName',
      'o.kind as orgKind',
      'o.region as orgRegion',
      's.expires_at as expiresAt',
    ])
    .where('s.id', '=', p('id'))
    .where('s.expires_at', '>', p('now')),
);

/** The actor behind a cookie token, or null when unknown or expired. */
export async function actorFor(
  db: Kysely<Database>,
  dialect: Dialect,
  token: string,
  now: Date,
  cache?: ActorCache | null,
): Promise<Actor | null> {
  if (token.length < 20 || token.length > 100) return null;
  const id = digestOf(token);
  const known = cache?.get(id, now);
  if (known) return known;
  const generation = cache?.begin() ?? 0;
  const { rows } = await sessionActor(db, dialect, { id, now: now.toISOString() });
  const row = rows[0];
  if (!row) return null;
  const { expiresAt, ...actor } = row;
  cache?.put(id, actor, expiresAt, generation);
  return actor;
}

export async function endSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Drops expired sessions; called now and then rather than on every request. */
export async function sweepSessions(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
}
