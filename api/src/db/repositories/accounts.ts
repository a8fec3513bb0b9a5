import type { OrgKind, Role } from '@zhiping/forms';
import type { Kysely } from 'kysely';
import { DomainError } from '../../domain/errors.ts';
import { isUniqueViolation } from '../faults.ts';
import type { Database } from '../schema.ts';

/* Organisations and users (sessions: auth/session.ts). */

export interface Organisation {
  id: string;
  name: string;
  kind: OrgKind;
  region: string | null;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisation: Organisation;
}

const users = (db: Kysely<Database>) =>
  db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.org_id')
    .select([
      'u.id',
      'u.email',
      'u.name',
      'u.role',
      'o.id as orgId',
      'o.name as orgName',
      'o.kind as orgKind',
      'o.region as orgRegion',
    ])
    .orderBy('o.name')
    .orderBy('u.email');

type UserJoin = Awaited<ReturnType<ReturnType<typeof users>['execute']>>[number];
const userOf = (u: UserJoin): User => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  organisation: { id: u.orgId, name: u.orgName, kind: u.orgKind, region: u.orgRegion },
});

export async function listUsers(db: Kysely<Database>): Promise<User[]> {
  return (await users(db).execute()).map(userOf);
}

export async function findUser(db: Kysely<Database>, id: string): Promise<User | undefined> {
  const u = await users(db).where('u.id', '=', id).executeTakeFirst();
  return u && userOf(u);
}

/** The id and password hash behind an email, for a login. */
export async function credentialsOf(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'password_hash'])
    .where('email', '=', email)
    .executeTakeFirst();
}

export async function emailTaken(db: Kysely<Database>, email: string): Promise<boolean> {
  const u = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  return u !== undefined;
}

export async function insertUser(
  db: Kysely<Database>,
  u: {
    id: string;
    orgId: string;
    email: string;
    name: string;
    role: Role;
    passwordHash: string;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: u.id,
      org_id: u.orgId,
      email: u.email,
      name: u.name,
      role: u.role,
      password_hash: u.passwordHash,
      created_at: u.at,
    })
    .execute()
    .catch((err: unknown) => {
      // Two creations of one e-mail at once: the check before passed for both.
      if (isUniqueViolation(err)) throw new DomainError('email_taken', { email: u.email });
      throw err;
    });
}

export async function listOrganisations(db: Kysely<Database>): Promise<Organisation[]> {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'kind', 'region'])
    .orderBy('name')
    .execute();
}

export async function findOrganisation(
  db: Kysely<Database>,
  id: string,
): Promise<Organisation | undefined> {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'kind', 'region'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertOrganisation(
  db: Kysely<Database>,
  o: Organisation & { at: string },
): Promise<void> {
  await db
    .insertInto('organisations')
    .values({ id: o.id, name: o.name, kind: o.kind, region: o.region, created_at: o.at })
    .execute();
}

/** Whether the database has any organisation yet (a fresh install has none). */
export async function anyOrganisation(db: Kysely<Database>): Promise<boolean> {
  return (
    (await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst()) !== undefined
  );
}
