import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashPassword } from '../auth/password.ts';
import { passwordProblems } from '../auth/password-policy.ts';
import type { Actor } from '../auth/session.ts';
import type {
  AdminUser,
  NewUserBody,
  UserChangeBody,
  UserPage,
  UserQuery,
} from '../contract/index.ts';
import {
  emailTaken,
  findAdminUser,
  findOrganisation,
  insertUser,
  NO_PASSWORD,
  otherActiveAdmins,
  setDisabled,
  updateUser,
  userPage,
} from '../db/repositories/accounts.ts';
import { appendAdminAudit } from '../db/repositories/admin-audit.ts';
import type { Database } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';

/*
 * Accounts, as the platform admin manages them (the route checks the role).
 * Every change is written with its admin audit entry in one transaction.
 */

export async function users(deps: Deps, q: UserQuery): Promise<UserPage> {
  const { items, total } = await userPage(deps.db.kysely, q, q.page, q.pageSize);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

async function userOrThrow(db: Kysely<Database>, id: string): Promise<AdminUser> {
  const u = await findAdminUser(db, id);
  if (!u) throw new DomainError('not_found', { what: 'user', id });
  return u;
}

/**
 * A new account in an existing organisation; an email is used once. Without
 * a password the account is invited: it cannot log in until its holder sets
 * one through a one-time link (admin-links.ts).
 */
export async function createUser(deps: Deps, actor: Actor, b: NewUserBody): Promise<AdminUser> {
  const db = deps.db.kysely;
  if (!(await findOrganisation(db, b.organisationId)))
    throw new DomainError('unknown_organisation');
  if (await emailTaken(db, b.email)) throw new DomainError('email_taken', { email: b.email });
  if (b.password !== undefined) {
    const weak = passwordProblems(b.password, b);
    if (weak.length > 0) throw new DomainError('weak_password', { reasons: weak });
  }
  const passwordHash =
    b.password === undefined ? NO_PASSWORD : await hashPassword(b.password, deps.hashSlots);
  const id = randomUUID();
  const at = deps.now();
  await db.transaction().execute(async (trx) => {
    await insertUser(trx, {
      id,
      orgId: b.organisationId,
      email: b.email,
      name: b.name,
      role: b.role,
      passwordHash,
      at: at.toISOString(),
    });
    await appendAdminAudit(trx, {
      actor: actor.id,
      action: 'user_created',
      target: { kind: 'user', id },
      detail: {
        email: b.email,
        name: b.name,
        role: b.role,
        organisationId: b.organisationId,
        invited: b.password === undefined,
      },
      at,
    });
  });
  return userOrThrow(db, id);
}

/** Refuses a change that would leave the platform without an enabled admin (run inside the change's transaction). */
async function guardLastAdmin(deps: Deps, trx: Kysely<Database>, u: AdminUser): Promise<void> {
  if (u.role !== 'admin' || u.status === 'disabled') return;
  if ((await otherActiveAdmins(trx, u.id, deps.db.dialect)) === 0)
    throw new DomainError('last_admin');
}

export async function changeUser(
  deps: Deps,
  actor: Actor,
  id: string,
  b: UserChangeBody,
): Promise<AdminUser> {
  const db = deps.db.kysely;
  const before = await userOrThrow(db, id);
  const demoted = b.role !== undefined && b.role !== 'admin' && before.role === 'admin';
  if (demoted && id === actor.id) throw new DomainError('own_account');
  const at = deps.now();
  await db.transaction().execute(async (trx) => {
    if (demoted) await guardLastAdmin(deps, trx, before);
    await updateUser(trx, id, b);
    await appendAdminAudit(trx, {
      actor: actor.id,
      action: 'user_changed',
      target: { kind: 'user', id },
      detail: {
        before: {
          ...(b.name !== undefined ? { name: before.name } : {}),
          ...(b.role !== undefined ? { role: before.role } : {}),
        },
        after: b,
      },
      at,
    });
  });
  return userOrThrow(db, id);
}

/**
 * Disables or enables an account. Disabling ends its sessions in the same
 * transaction: the next request with its cookie is a 401.
 */
export async function setUserDisabled(
  deps: Deps,
  actor: Actor,
  id: string,
  disabled: boolean,
): Promise<AdminUser> {
  const db = deps.db.kysely;
  const before = await userOrThrow(db, id);
  if (disabled && id === actor.id) throw new DomainError('own_account');
  // Idempotent: disabling a disabled account keeps its first date and adds no entry.
  if ((before.status === 'disabled') === disabled) return before;
  const at = deps.now();
  await db.transaction().execute(async (trx) => {
    if (disabled) await guardLastAdmin(deps, trx, before);
    await setDisabled(trx, id, disabled ? at.toISOString() : null);
    await appendAdminAudit(trx, {
      actor: actor.id,
      action: disabled ? 'user_disabled' : 'user_enabled',
      target: { kind: 'user', id },
      detail: { email: before.email },
      at,
    });
  });
  return userOrThrow(db, id);
}
