import type { OrgKind, RegionLevel } from '@zhiping/forms';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { contains, offsetOf } from './search.ts';

/* Organisations as the admin manages them (the login's view: accounts.ts). */

export interface AdminOrganisation {
  id: string;
  name: string;
  shortName: string | null;
  kind: OrgKind;
  region: string | null;
  regionLevel: RegionLevel | null;
  users: number;
  createdAt: string;
}

export interface OrganisationFilter {
  q?: string | undefined;
  kind?: OrgKind | undefined;
  regionLevel?: RegionLevel | undefined;
}

const organisations = (db: Kysely<Database>, f: OrganisationFilter) => {
  let q = db.selectFrom('organisations as o');
  if (f.q) {
    const text = f.q;
    q = q.where((eb) =>
      eb.or([
        contains(eb.ref('o.name'), text),
        contains(eb.fn.coalesce('o.region', eb.val('')), text),
      ]),
    );
  }
  if (f.kind) q = q.where('o.kind', '=', f.kind);
  if (f.regionLevel) q = q.where('o.region_level', '=', f.regionLevel);
  return q;
};

const withUsers = (db: Kysely<Database>, f: OrganisationFilter) =>
  organisations(db, f).select((eb) => [
    'o.id',
    'o.name',
    'o.short_name',
    'o.kind',
    'o.region',
    'o.region_level',
    'o.created_at',
    eb
      .selectFrom('users as u')
      .whereRef('u.org_id', '=', 'o.id')
      .select((e) => e.fn.countAll<string | number>().as('n'))
      .as('users'),
  ]);

type Row = Awaited<ReturnType<ReturnType<typeof withUsers>['execute']>>[number];
const fromRow = (r: Row): AdminOrganisation => ({
  id: r.id,
  name: r.name,
  shortName: r.short_name,
  kind: r.kind,
  region: r.region,
  regionLevel: r.region_level,
  users: Number(r.users ?? 0),
  createdAt: r.created_at,
});

/** One page of organisations by name (ids break ties), with how many match. */
export async function organisationPage(
  db: Kysely<Database>,
  f: OrganisationFilter,
  page: number,
  pageSize: number,
): Promise<{ items: AdminOrganisation[]; total: number }> {
  const [rows, count] = await Promise.all([
    withUsers(db, f)
      .orderBy('o.name')
      .orderBy('o.id')
      .limit(pageSize)
      .offset(offsetOf(page, pageSize))
      .execute(),
    organisations(db, f)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(fromRow), total: Number(count.n) };
}

export async function findAdminOrganisation(
  db: Kysely<Database>,
  id: string,
): Promise<AdminOrganisation | undefined> {
  const r = await withUsers(db, {}).where('o.id', '=', id).executeTakeFirst();
  return r && fromRow(r);
}

export async function updateOrganisation(
  db: Kysely<Database>,
  id: string,
  c: {
    name?: string | undefined;
    shortName?: string | null | undefined;
    kind?: OrgKind | undefined;
    region?: string | null | undefined;
    regionLevel?: RegionLevel | null | undefined;
  },
): Promise<void> {
  const set = {
    ...(c.name !== undefined ? { name: c.name } : {}),
    ...(c.shortName !== undefined ? { short_name: c.shortName } : {}),
    ...(c.kind !== undefined ? { kind: c.kind } : {}),
    ...(c.region !== undefined ? { region: c.region } : {}),
    ...(c.regionLevel !== undefined ? { region_level: c.regionLevel } : {}),
  };
  if (Object.keys(set).length === 0) return;
  await db.updateTable('organisations').set(set).where('id', '=', id).execute();
}
