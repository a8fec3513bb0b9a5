import type { AssessmentStatus, Family } from '@zhiping/forms';
import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { AssessmentSort, SortOrder } from '../../contract/lists.ts';
import type { Dialect } from '../open.ts';
import type { Database } from '../schema.ts';
import { LIST_COLUMNS, type ListRow } from './assessment-reads.ts';
import type { Scope } from './assessments.ts';
import { contains, offsetOf } from './search.ts';

/*
 * The one query behind every assessment list (respondent, reviewer, admin):
 * scope, search, filters, a total order and a page, over the read-model
 * columns only. Filters are SQL, so the total and every page agree.
 */

export interface AssessmentFilter {
  scope: Scope;
  q?: string | undefined;
  /** Search the organisation's name as well as the title (the admin's list). */
  qInOrganisation?: boolean;
  statuses?: readonly AssessmentStatus[] | undefined;
  definition?: string | undefined;
  family?: Family | undefined;
  /** The tier labels (JSON, as `list_verdict` stores them) that match; [] matches nothing. */
  verdicts?: readonly string[] | undefined;
  organisationId?: string | undefined;
  /** A region prefix: 江苏省 matches 江苏省青澜市. */
  region?: string | undefined;
  reviewerId?: string | undefined;
  /** A half-open range [from, to) of instants on `dateColumn`. */
  dates?: {
    column: 'updated_at' | 'submitted_at';
    from?: string | undefined;
    to?: string | undefined;
  };
}

export interface Sorting {
  sort: AssessmentSort;
  order: SortOrder;
}

const COLUMN: Record<AssessmentSort, string> = {
  updatedAt: 'a.updated_at',
  title: 'a.title',
  score: 'a.list_score',
  asOf: 'a.as_of',
  submittedAt: 'a.submitted_at',
};

const likePrefix = (s: string) => `${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function where(f: AssessmentFilter): RawBuilder<SqlBool>[] {
  const c: RawBuilder<SqlBool>[] = [];
  const s = f.scope;
  if (s !== 'all' && 'orgId' in s) c.push(sql<SqlBool>`a.org_id = ${s.orgId}`);
  else if (s !== 'all')
    c.push(
      sql<SqlBool>`exists (select 1 from assignments r where r.assessment_id = a.id and r.reviewer_id = ${s.reviewerId})`,
    );
  if (f.q) {
    const title = contains(sql.ref('a.title'), f.q);
    c.push(
      f.qInOrganisation
        ? sql<SqlBool>`(${title} or ${contains(sql.ref('o.name'), f.q)})`
        : sql<SqlBool>`${title}`,
    );
  }
  if (f.statuses)
    c.push(
      f.statuses.length === 0
        ? sql<SqlBool>`1 = 0`
        : sql<SqlBool>`a.status in (${sql.join(f.statuses)})`,
    );
  if (f.definition) c.push(sql<SqlBool>`a.definition_id = ${f.definition}`);
  if (f.family)
    c.push(
      sql<SqlBool>`a.definition_id in (select d.id from definitions d where d.family = ${f.family})`,
    );
  if (f.verdicts)
    c.push(
      f.verdicts.length === 0
        ? sql<SqlBool>`1 = 0`
        : sql<SqlBool>`a.list_verdict in (${sql.join(f.verdicts)})`,
    );
  if (f.organisationId) c.push(sql<SqlBool>`a.org_id = ${f.organisationId}`);
  if (f.region) c.push(sql<SqlBool>`o.region like ${likePrefix(f.region)} escape '\\'`);
  if (f.reviewerId)
    c.push(
      sql<SqlBool>`exists (select 1 from assignments s where s.assessment_id = a.id and s.reviewer_id = ${f.reviewerId})`,
    );
  if (f.dates?.from) c.push(sql<SqlBool>`${sql.ref(`a.${f.dates.column}`)} >= ${f.dates.from}`);
  if (f.dates?.to) c.push(sql<SqlBool>`${sql.ref(`a.${f.dates.column}`)} < ${f.dates.to}`);
  return c;
}

const matching = (db: Kysely<Database>, f: AssessmentFilter) => {
  const conditions = where(f);
  return db
    .selectFrom('assessments as a')
    .innerJoin('organisations as o', 'o.id', 'a.org_id')
    .where(
      conditions.length === 0
        ? sql<SqlBool>`1 = 1`
        : sql<SqlBool>`${sql.join(conditions, sql` and `)}`,
    );
};

/**
 * The order: the column, rows without a value (no score yet, never
 * submitted) last in both directions, then the id in the same direction —
 * so the ascending list is the descending one reversed, and pages are
 * stable. Titles compare by code point on both databases (PostgreSQL's
 * "C" collation is SQLite's default), not by the server's locale.
 */
function orderBy(s: Sorting, dialect: Dialect) {
  const col = sql.ref(COLUMN[s.sort]);
  const dir = s.order === 'asc' ? sql`asc` : sql`desc`;
  const value = s.sort === 'title' && dialect === 'postgres' ? sql`${col} collate "C"` : col;
  return sql`case when ${col} is null then 1 else 0 end asc, ${value} ${dir}, a.id ${dir}`;
}

/** One page of rows as lists show them, and how many match in all. */
export async function assessmentPage(
  db: Kysely<Database>,
  dialect: Dialect,
  f: AssessmentFilter,
  s: Sorting,
  page: { page: number; pageSize: number },
): Promise<{ rows: ListRow[]; total: number }> {
  const rows = await matching(db, f)
    .select(LIST_COLUMNS)
    // The total from a window over the same query: one round trip for a page.
    .select(sql<number | string>`count(*) over ()`.as('total'))
    .orderBy(orderBy(s, dialect))
    .limit(page.pageSize)
    .offset(offsetOf(page.page, page.pageSize))
    .execute();
  const first = rows[0];
  if (first) return { rows: rows.map(({ total: _, ...r }) => r), total: Number(first.total) };
  // Past the end (or nothing matches): only then a separate count.
  return { rows: [], total: page.page === 1 ? 0 : await countOf(db, f) };
}

/** How many rows match. */
export async function countOf(db: Kysely<Database>, f: AssessmentFilter): Promise<number> {
  const c = await matching(db, f)
    .select(sql<number | string>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(c.n);
}
