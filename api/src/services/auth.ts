import { DUMMY_HASH, verifyPassword } from '../auth/password.ts';
import { type Actor, actorFor, createSession, endSession } from '../auth/session.ts';
import { credentialsOf } from '../db/repositories/accounts.ts';
import {
  clearAttempts,
  currentAttempts,
  releaseAttempt,
  reserveAttempt,
} from '../db/repositories/login-attempts.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';

const WINDOW_MS = 60_000;

/**
 * Reserves one attempt under each limit — the client address, the account,
 * everyone — in the database, before any hash is computed: of 200 parallel
 * guesses only as many as the limit get evaluated, whichever process serves
 * them. The first limit that is full refuses (429) without counting the
 * later ones, so a locked account does not use up the global budget.
 */
const limitsOf = (deps: Deps, email: string, address: string): [string, number][] => [
  [`address:${address}`, deps.config.LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE],
  [`account:${email}`, deps.config.LOGIN_ATTEMPTS_PER_MINUTE],
  ['global', deps.config.LOGIN_ATTEMPTS_GLOBAL_PER_MINUTE],
];

/**
 * Refuses at once (429) an address this process already saw blocked: called
 * before the request body is parsed, so a flood costs as little as it can.
 */
export function refuseBlockedAddress(deps: Deps, address: string): void {
  const wait = deps.blockedLogins.waitFor(`address:${address}`, deps.now().getTime());
  if (wait > 0) throw new DomainError('rate_limited', { retryAfter: wait });
}

async function reserve(deps: Deps, email: string, address: string): Promise<string[]> {
  const limits = limitsOf(deps, email, address);
  const now = deps.now();
  const nowMs = now.getTime();
  for (const [key] of limits) {
    const wait = deps.blockedLogins.waitFor(key, nowMs);
    if (wait > 0) throw new DomainError('rate_limited', { retryAfter: wait });
  }
  const refuse = (key: string, windowStart: Date) => {
    const until = windowStart.getTime() + WINDOW_MS;
    deps.blockedLogins.block(key, until);
    return new DomainError('rate_limited', {
      retryAfter: Math.max(1, Math.ceil((until - nowMs) / 1000)),
    });
  };
  // A flood mostly hits a full window: refuse it with a read, no write.
  const current = await currentAttempts(
    deps.db.kysely,
    limits.map(([k]) => k),
  );
  for (const [key, limit] of limits) {
    const w = current.get(key);
    if (w && w.count >= limit && w.windowStart.getTime() > nowMs - WINDOW_MS)
      throw refuse(key, w.windowStart);
  }
  const reserved: string[] = [];
  for (const [key, limit] of limits) {
    const { count, windowStart } = await reserveAttempt(deps.db.kysely, key, now, WINDOW_MS);
    if (count > limit) throw refuse(key, windowStart);
    reserved.push(key);
  }
  return reserved;
}

/**
 * Checks a password and starts a session. An unknown account and one that
 * cannot log in cost the same hash as a wrong password (DUMMY_HASH), so
 * timing tells nothing; hashes run under `deps.hashSlots`.
 */
export async function login(
  deps: Deps,
  email: string,
  password: string,
  address: string,
): Promise<{ actor: Actor; token: string; expiresAt: Date }> {
  const db = deps.db.kysely;
  const reserved = await reserve(deps, email, address);
  const user = await credentialsOf(db, email);
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH, deps.hashSlots);
  if (!user || !ok) throw new DomainError('bad_credentials');
  // Said only to whoever knows the password, so it reveals nothing to a guesser.
  if (user.disabled_at !== null) throw new DomainError('account_disabled');
  // A success does not count: the account starts afresh, the others get theirs back.
  for (const key of reserved) {
    deps.blockedLogins.forget(key);
    await (key.startsWith('account:') ? clearAttempts(db, key) : releaseAttempt(db, key));
  }
  const now = deps.now();
  const { token, expiresAt } = await createSession(db, user.id, deps.config.SESSION_TTL_HOURS, now);
  const actor = await actorFor(db, deps.db.dialect, token, now);
  if (!actor) throw new DomainError('unauthenticated');
  return { actor, token, expiresAt };
}

/** Ends the session on the server: the cookie is worthless from now on. */
export async function logout(deps: Deps, actor: Actor): Promise<void> {
  await endSession(deps.db.kysely, actor.sessionId);
}

/** The actor behind a session cookie's token, or null. */
export const actorOfToken = (deps: Deps, token: string): Promise<Actor | null> =>
  actorFor(deps.db.kysely, deps.db.dialect, token, deps.now(), deps.db.actors);
