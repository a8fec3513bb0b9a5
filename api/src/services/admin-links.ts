import { createHash, randomBytes } from 'node:crypto';
import { hashPassword } from '../auth/password.ts';
import { passwordProblems } from '../auth/password-policy.ts';
import type { Actor } from '../auth/session.ts';
import type { LinkInfo, LinkPurpose, OneTimeLink } from '../contract/index.ts';
import { findAdminUser, setPasswordHash } from '../db/repositories/accounts.ts';
import { appendAdminAudit } from '../db/repositories/admin-audit.ts';
import { consumeLink, insertLink, liveLink } from '../db/repositories/user-links.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';

/*
 * One-time links: an invite (first password) or a reset. The admin sees the
 * token once; only its SHA-256 is stored, so a leaked table opens nothing.
 * A link works once, until it expires or a newer link replaces it.
 */

/** An invite may wait over a weekend; a reset is for now. */
const HOURS: Record<LinkPurpose, number> = { invite: 72, reset: 24 };

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Where the web app takes the link's holder. */
export const linkPath = (token: string) => `/welcome/${token}`;

export async function issueLink(
  deps: Deps,
  actor: Actor,
  userId: string,
  purpose: LinkPurpose,
): Promise<OneTimeLink> {
  const db = deps.db.kysely;
  const user = await findAdminUser(db, userId);
  if (!user) throw new DomainError('not_found', { what: 'user', id: userId });
  if (user.status === 'disabled') throw new DomainError('account_disabled');
  const token = randomBytes(32).toString('base64url');
  const at = deps.now();
  const expiresAt = new Date(at.getTime() + HOURS[purpose] * 3_600_000);
  await db.transaction().execute(async (trx) => {
    await insertLink(trx, { id: digest(token), userId, purpose, by: actor.id, at, expiresAt });
    await appendAdminAudit(trx, {
      actor: actor.id,
      action: 'link_issued',
      target: { kind: 'user', id: userId },
      // Never the token: the audit log is read by every admin.
      detail: { purpose, expiresAt: expiresAt.toISOString() },
      at,
    });
  });
  return { path: linkPath(token), token, purpose, expiresAt: expiresAt.toISOString() };
}

async function live(deps: Deps, token: string) {
  const link = await liveLink(deps.db.kysely, digest(token), deps.now());
  if (!link) throw new DomainError('link_invalid');
  if (link.disabled_at !== null) throw new DomainError('account_disabled');
  return link;
}

/** What the link's holder sees before choosing a password (anyone holding the token). */
export async function linkInfo(deps: Deps, token: string): Promise<LinkInfo> {
  const l = await live(deps, token);
  return { purpose: l.purpose, email: l.email, name: l.name, expiresAt: l.expires_at };
}

/**
 * Sets the account's password from a link and uses the link up. The policy
 * is checked before the link is spent, so a weak password can be retried.
 */
export async function setPasswordByLink(deps: Deps, token: string, password: string) {
  const l = await live(deps, token);
  const weak = passwordProblems(password, { email: l.email, name: l.name });
  if (weak.length > 0) throw new DomainError('weak_password', { reasons: weak });
  const hash = await hashPassword(password, deps.hashSlots);
  const at = deps.now();
  const ok = await deps.db.kysely.transaction().execute(async (trx) => {
    // Conditional: of two uses at once, exactly one sets a password.
    if (!(await consumeLink(trx, l.id, at))) return false;
    await setPasswordHash(trx, l.user_id, hash);
    await appendAdminAudit(trx, {
      actor: l.user_id,
      action: 'password_set',
      target: { kind: 'user', id: l.user_id },
      detail: { purpose: l.purpose },
      at,
    });
    return true;
  });
  if (!ok) throw new DomainError('link_invalid');
}
