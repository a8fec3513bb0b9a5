import { OrgKind } from '@zhiping/forms';
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { Database, ProgrammeTable } from '../schema.ts';
import { parseColumn, toColumn } from './json.ts';

type Db = Kysely<Database>;

const Kinds = z.array(OrgKind);
const Quotas = z.record(z.string(), z.number().int().nonnegative());
const TitleRules = z
  .record(z.string(), z.object({ title: z.string(), years: z.number().int().nonnegative() }))
  .nullable();

/** A programme (call) with its JSON columns parsed once, here. */
export interface Programme {
  id: string;
  ownerOrgId: string;
  ownerName: string;
  title: string;
  definitionId: string;
  definitionVersion: string;
  region: string;
  eligibleKinds: OrgKind[];
  opensOn: string;
  closesOn: string;
  quotas: Record<string, number>;
  excellentShare: number | null;
  recurrence: 'yearly' | null;
  previousId: string | null;
  reviewers: string[];
  createdAt: string;
  /** When the office ended the call early; null while it runs to its closing date. */
  closedAt: string | null;
  /** The office user who opened the call: reviewers are assigned in their name. */
  createdBy: string;
  /** Per tier, the previous title (a tier id) and whole years held it asks for (titles.ts). */
  titleRules: Record<string, { title: string; years: number }>;
}

export type NewProgramme = Omit<Programme, 'ownerName' | 'closedAt'>;

const fromRow = (
  row: Selectable<ProgrammeTable> & { owner_name: string },
  reviewers: string[],
): Programme => ({
  id: row.id,
  ownerOrgId: row.owner_org_id,
  ownerName: row.owner_name,
  title: row.title,
  definitionId: row.definition_id,
  definitionVersion: row.definition_version,
  region: row.region,
  eligibleKinds: parseColumn(Kinds, row.eligible_kinds, 'programmes.eligible_kinds'),
  opensOn: row.opens_on,
  closesOn: row.closes_on,
  quotas: parseColumn(Quotas, row.quotas, 'programmes.quotas'),
  excellentShare: row.excellent_share,
  recurrence: row.recurrence === 'yearly' ? 'yearly' : null,
  previousId: row.previous_id,
  reviewers,
  createdAt: row.created_at,
  closedAt: row.closed_at,
  createdBy: row.created_by,
  titleRules: parseColumn(TitleRules, row.title_rules ?? 'null', 'programmes.title_rules') ?? {},
});

export async function insertProgramme(db: Db, p: NewProgramme) {
  await db
    .insertInto('programmes')
    .values({
      id: p.id,
      owner_org_id: p.ownerOrgId,
      title: p.title,
      definition_id: p.definitionId,
      definition_version: p.definitionVersion,
      region: p.region,
      eligible_kinds: toColumn(p.eligibleKinds),
      opens_on: p.opensOn,
      closes_on: p.closesOn,
      quotas: toColumn(p.quotas),
      excellent_share: p.excellentShare,
      recurrence: p.recurrence,
      previous_id: p.previousId,
      created_by: p.createdBy,
      created_at: p.createdAt,
      title_rules: Object.keys(p.titleRules).length ? toColumn(p.titleRules) : null,
    })
    .execute();
  if (p.reviewers.length > 0)
    await db
      .insertInto('programme_reviewers')
      .values(p.reviewers.map((user_id) => ({ programme_id: p.id, user_id })))
      .execute();
}

const selectProgrammes = (db: Db) =>
  db
    .selectFrom('programmes as p')
    .innerJoin('organisations as o', 'o.id', 'p.owner_org_id')
    .selectAll('p')
    .select('o.name as owner_name');

async function withReviewers(
  db: Db,
  rows: (Selectable<ProgrammeTable> & { owner_name: string })[],
): Promise<Programme[]> {
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('programme_reviewers')
    .select(['programme_id', 'user_id'])
    .where(
      'programme_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('user_id')
    .execute();
  return rows.map((r) =>
    fromRow(
      r,
      links.filter((l) => l.programme_id === r.id).map((l) => l.user_id),
    ),
  );
}

export async function findProgramme(db: Db, id: string): Promise<Programme | null> {
  const row = await selectProgrammes(db).where('p.id', '=', id).executeTakeFirst();
  return row ? ((await withReviewers(db, [row]))[0] ?? null) : null;
}

/** Every programme, newest window first: callers filter by what the actor may see. */
export async function allProgrammes(db: Db): Promise<Programme[]> {
  const rows = await selectProgrammes(db).orderBy('p.opens_on', 'desc').orderBy('p.id').execute();
  return withReviewers(db, rows);
}

export interface Application {
  id: string;
  programmeId: string;
  assessmentId: string;
  orgId: string;
  orgName: string;
  appliedAt: string;
  withdrawnAt: string | null;
}

const selectApplications = (db: Db) =>
  db
    .selectFrom('programme_applications as a')
    .innerJoin('organisations as o', 'o.id', 'a.org_id')
    .select([
      'a.id as id',
      'a.programme_id as programmeId',
      'a.assessment_id as assessmentId',
      'a.org_id as orgId',
      'o.name as orgName',
      'a.applied_at as appliedAt',
      'a.withdrawn_at as withdrawnAt',
    ]);

export const applicationsOf = (db: Db, programmeId: string): Promise<Application[]> =>
  selectApplications(db)
    .where('a.programme_id', '=', programmeId)
    .orderBy('a.applied_at')
    .orderBy('a.id')
    .execute();

/** The organisation's live (not withdrawn) application to a programme, if any. */
export const liveApplication = (
  db: Db,
  programmeId: string,
  orgId: string,
): Promise<Application | undefined> =>
  selectApplications(db)
    .where('a.programme_id', '=', programmeId)
    .where('a.org_id', '=', orgId)
    .where('a.withdrawn_at', 'is', null)
    .executeTakeFirst();

/** Live applications citing an assessment (at most one by the service's rules). */
export const applicationsFor = (db: Db, assessmentId: string): Promise<Application[]> =>
  selectApplications(db)
    .where('a.assessment_id', '=', assessmentId)
    .where('a.withdrawn_at', 'is', null)
    .execute();

export async function insertApplication(
  db: Db,
  a: {
    id: string;
    programmeId: string;
    assessmentId: string;
    orgId: string;
    by: string;
    at: string;
  },
) {
  await db
    .insertInto('programme_applications')
    .values({
      id: a.id,
      programme_id: a.programmeId,
      assessment_id: a.assessmentId,
      org_id: a.orgId,
      applied_by: a.by,
      applied_at: a.at,
      withdrawn_at: null,
    })
    .execute();
}

/** Withdraws a live application; false when there was none (already withdrawn). */
export async function withdrawApplication(db: Db, id: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('programme_applications')
    .set({ withdrawn_at: at })
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Ends a call now; false when it was already ended early. */
export async function closeProgramme(db: Db, id: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('programmes')
    .set({ closed_at: at })
    .where('id', '=', id)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
