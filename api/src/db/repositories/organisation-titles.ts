import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

/* Titles an office or admin declared for organisations (migration 0014). */

export interface DeclaredTitle {
  id: string;
  orgId: string;
  title: string;
  since: string;
  source: string;
  declaredBy: { id: string; name: string };
  declaredOrg: { id: string; name: string };
  declaredAt: string;
  revoked: { at: string; by: string; reason: string } | null;
}

const select = (db: Db) =>
  db
    .selectFrom('organisation_titles as t')
    .innerJoin('users as u', 'u.id', 't.declared_by')
    .innerJoin('organisations as o', 'o.id', 't.declared_org_id')
    .selectAll('t')
    .select(['u.name as declared_by_name', 'o.name as declared_org_name']);

type Row = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];

const fromRow = (r: Row): DeclaredTitle => ({
  id: r.id,
  orgId: r.org_id,
  title: r.title,
  since: r.since,
  source: r.source,
  declaredBy: { id: r.declared_by, name: r.declared_by_name },
  declaredOrg: { id: r.declared_org_id, name: r.declared_org_name },
  declaredAt: r.declared_at,
  revoked:
    r.revoked_at && r.revoked_by
      ? { at: r.revoked_at, by: r.revoked_by, reason: r.revoke_reason ?? '' }
      : null,
});

/** Every declaration for these organisations, revoked ones included, oldest title first. */
export async function declaredTitles(db: Db, orgIds: readonly string[]): Promise<DeclaredTitle[]> {
  if (orgIds.length === 0) return [];
  const rows = await select(db)
    .where('t.org_id', 'in', [...orgIds])
    .orderBy('t.since')
    .orderBy('t.id')
    .execute();
  return rows.map(fromRow);
}

export async function findDeclaredTitle(db: Db, id: string): Promise<DeclaredTitle | null> {
  const row = await select(db).where('t.id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : null;
}

export async function insertDeclaredTitle(
  db: Db,
  t: {
    id: string;
    orgId: string;
    title: string;
    since: string;
    source: string;
    by: string;
    byOrg: string;
    at: string;
  },
) {
  await db
    .insertInto('organisation_titles')
    .values({
      id: t.id,
      org_id: t.orgId,
      title: t.title,
      since: t.since,
      source: t.source,
      declared_by: t.by,
      declared_org_id: t.byOrg,
      declared_at: t.at,
      revoked_at: null,
      revoked_by: null,
      revoke_reason: null,
    })
    .execute();
}

/** Revokes a live declaration; false when it was already revoked. */
export async function revokeDeclaredTitle(
  db: Db,
  id: string,
  r: { by: string; at: string; reason: string },
): Promise<boolean> {
  const res = await db
    .updateTable('organisation_titles')
    .set({ revoked_at: r.at, revoked_by: r.by, revoke_reason: r.reason })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
