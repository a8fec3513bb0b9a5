import type { OrgKind, RegionLevel, Role, UserStatus } from '@zhiping/forms';
import type { Kysely } from 'kysely';
import { DomainError } from '../../domain/errors.ts';
import { isUniqueViolation } from '../faults.ts';
import type { Database, UserTable } from '../schema.ts';
import { contains, offsetOf } from './search.ts';

/* Organisations and users (sessions: auth/session.ts; links: user-links.ts). */

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

/** The password hash of an invited user who has not chosen one: no password matches it. */
export const NO_PASSWORD = '!';

/** An account as the admin sees it: with its standing. */
export interface AdminUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: UserStatus;
  organisation: { id: string; name: string; kind: OrgKind };
  createdAt: string;
}

const statusOf = (u: Pick<UserTable, 'disabled_at' | 'password_hash'>): UserStatus =>
  u.disabled_at !== null ? 'disabled' : u.password_hash === NO_PASSWORD ? 'invited' : 'active';

const users = (db: Kysely<Database>) =>
  db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.org_id')
    .select([
      'u.id',
      'u.email',
      'u.name',
      'u.role',
      'u.disabled_at',
      'u.password_hash',
      'u.created_at',
      'o.id as orgId',
      'o.name as orgName',
      'o.kind as orgKind',
      'o.region as orgRegion',
    ]);

type UserJoin = Awaited<ReturnType<ReturnType<typeof users>['execute']>>[number];
const userOf = (u: UserJoin): User => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  organisation: { id: u.orgId, name: u.orgName, kind: u.orgKind, region: u.orgRegion },
});
const adminUserOf = (u: UserJoin): AdminUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  status: statusOf(u),
  organisation: { id: u.orgId, name: u.orgName, kind: u.orgKind },
  createdAt: u.created_at,
});

export interface UserFilter {
  q?: string | undefined;
  role?: Role | undefined;
  status?: UserStatus | undefined;
  organisationId?: string | undefined;
}

/** One page of accounts matching a filter, by organisation then e-mail (ids break ties). */
export async function userPage(
  db: Kysely<Database>,
  f: UserFilter,
  page: number,
  pageSize: number,
): Promise<{ items: AdminUser[]; total: number }> {
  let q = users(db);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([
        contains(eb.ref('u.name'), text),
        contains(eb.ref('u.email'), text),
        contains(eb.ref('o.name'), text),
      ]),
    );
  }
  if (f.role) q = q.where('u.role', '=', f.role);
  if (f.organisationId) q = q.where('u.org_id', '=', f.organisationId);
  if (f.status === 'disabled') q = q.where('u.disabled_at', 'is not', null);
  else if (f.status === 'invited')
    q = q.where('u.disabled_at', 'is', null).where('u.password_hash', '=', NO_PASSWORD);
  else if (f.status === 'active')
    q = q.where('u.disabled_at', 'is', null).where('u.password_hash', '!=', NO_PASSWORD);
  const [rows, count] = await Promise.all([
    q
      .orderBy('o.name')
      .orderBy('u.email')
      .orderBy('u.id')
      .limit(pageSize)
      .offset(offsetOf(page, pageSize))
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(adminUserOf), total: Number(count.n) };
}

export async function findUser(db: Kysely<Database>, id: string): Promise<User | undefined> {
  const u = await users(db).where('u.id', '=', id).executeTakeFirst();
  return u && userOf(u);
}

export async function findAdminUser(
  db: Kysely<Database>,
  id: string,
): Promise<AdminUser | undefined> {
  const u = await users(db).where('u.id', '=', id).executeTakeFirst();
  return u && adminUserOf(u);
}

/** The id, password hash and standing behind an email, for a login. */
export async function credentialsOf(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'password_hash', 'disabled_at'])
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

/** Changes name or role; true when the user exists. */
export async function updateUser(
  db: Kysely<Database>,
  id: string,
  changes: { name?: string | undefined; role?: Role | undefined },
): Promise<boolean> {
  const set = {
    ...(changes.name !== undefined ? { name: changes.name } : {}),
    ...(changes.role !== undefined ? { role: changes.role } : {}),
  };
  if (Object.keys(set).length === 0) return true;
  const r = await db.updateTable('users').set(set).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Disables (a time) or enables (null) an account; disabling also ends its sessions. */
export async function setDisabled(
  db: Kysely<Database>,
  id: string,
  at: string | null,
): Promise<void> {
  await db.updateTable('users').set({ disabled_at: at }).where('id', '=', id).execute();
  if (at !== null) await db.deleteFrom('sessions').where('user_id', '=', id).execute();
}

/** A new password hash; every session of the account ends (a reset locks out whoever had it). */
export async function setPasswordHash(
  db: Kysely<Database>,
  id: string,
  hash: string,
): Promise<void> {
  await db.updateTable('users').set({ password_hash: hash }).where('id', '=', id).execute();
  await db.deleteFrom('sessions').where('user_id', '=', id).execute();
}

/**
 * Enabled admins other than `except`: the last one must stay. Inside a
 * transaction on PostgreSQL the admins' rows are locked first, so two admins
 * disabling each other at once cannot both pass the count (SQLite runs one
 * writing transaction at a time anyway).
 */
export async function otherActiveAdmins(
  db: Kysely<Database>,
  except: string,
  dialect: 'sqlite' | 'postgres',
): Promise<number> {
  if (dialect === 'postgres')
    await db.selectFrom('users').select('id').where('role', '=', 'admin').forUpdate().execute();
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .where('id', '!=', except)
    .executeTakeFirstOrThrow();
  return Number(r.n);
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
  o: Organisation & {
    at: string;
    regionLevel?: RegionLevel | null;
    shortName?: string | null;
  },
): Promise<void> {
  await db
    .insertInto('organisations')
    .values({
      id: o.id,
      name: o.name,
      kind: o.kind,
      region: o.region,
      region_level: o.regionLevel ?? null,
      short_name: o.shortName ?? null,
      created_at: o.at,
    })
    .execute();
}

/** Whether the database has any organisation yet (a fresh install has none). */
export async function anyOrganisation(db: Kysely<Database>): Promise<boolean> {
  return (
    (await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst()) !== undefined
  );
}
