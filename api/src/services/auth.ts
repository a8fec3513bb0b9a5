import { DUMMY_HASH, verifyPassword } from '../auth/password.ts';
import { type Actor, actorFor, createSession, endSession } from '../auth/session.ts';
import { credentialsOf } from '../db/repositories/accounts.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';

/**
 * Checks a password and starts a session. Failed attempts are limited per
 * account and address (`key`); an unknown account costs the same as a
 * wrong password, so timing tells nothing.
 */
export async function login(
  deps: Deps,
  email: string,
  password: string,
  address: string,
): Promise<{ actor: Actor; token: string; expiresAt: Date }> {
  const key = `${email}|${address}`;
  const wait = deps.loginLimiter.blockedFor(key);
  if (wait > 0) throw new DomainError('rate_limited', { retryAfter: wait });
  const db = deps.db.kysely;
  const user = await credentialsOf(db, email);
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !ok) {
    deps.loginLimiter.fail(key);
    throw new DomainError('bad_credentials');
  }
  deps.loginLimiter.reset(key);
  const now = deps.now();
  const { token, expiresAt } = await createSession(db, user.id, deps.config.SESSION_TTL_HOURS, now);
  const actor = await actorFor(db, token, now);
  if (!actor) throw new DomainError('unauthenticated');
  return { actor, token, expiresAt };
}

/** Ends the session on the server: the cookie is worthless from now on. */
export async function logout(deps: Deps, actor: Actor): Promise<void> {
  await endSession(deps.db.kysely, actor.sessionId);
}

/** The actor behind a session cookie's token, or null. */
export const actorOfToken = (deps: Deps, token: string): Promise<Actor | null> =>
  actorFor(deps.db.kysely, token, deps.now());
