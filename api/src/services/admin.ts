import { randomUUID } from 'node:crypto';
import { hashPassword } from '../auth/password.ts';
import { passwordProblems } from '../auth/password-policy.ts';
import type { NewUserBody, Organisation, User } from '../contract/index.ts';
import {
  emailTaken,
  findOrganisation,
  findUser,
  insertUser,
  listOrganisations,
  listUsers,
} from '../db/repositories/accounts.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';

/* The platform admin's lists and accounts (the route checks the role). */

export const users = (deps: Deps): Promise<User[]> => listUsers(deps.db.kysely);

export const organisations = (deps: Deps): Promise<Organisation[]> =>
  listOrganisations(deps.db.kysely);

/** A new account in an existing organisation; an email is used once. */
export async function createUser(deps: Deps, b: NewUserBody): Promise<User> {
  const db = deps.db.kysely;
  if (!(await findOrganisation(db, b.organisationId)))
    throw new DomainError('unknown_organisation');
  if (await emailTaken(db, b.email)) throw new DomainError('email_taken', { email: b.email });
  const weak = passwordProblems(b.password, b);
  if (weak.length > 0) throw new DomainError('weak_password', { reasons: weak });
  const id = randomUUID();
  await insertUser(db, {
    id,
    orgId: b.organisationId,
    email: b.email,
    name: b.name,
    role: b.role,
    passwordHash: await hashPassword(b.password, deps.hashSlots),
    at: deps.now().toISOString(),
  });
  const created = await findUser(db, id);
  if (!created) throw new Error(`user ${id} vanished after insert`);
  return created;
}
