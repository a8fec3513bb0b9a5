import { type Expression, type SqlBool, sql } from 'kysely';

/*
 * Search text as a LIKE pattern that matches it literally (%, _ and \ are
 * escaped) and case-blind on both databases (SQLite's LIKE ignores ASCII
 * case, PostgreSQL's does not: both sides are lowered).
 */
const literal = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `lower(column) LIKE '%q%'`, for one column of a search. */
export const contains = (column: Expression<string>, q: string): Expression<SqlBool> =>
  sql<SqlBool>`lower(${column}) like ${`%${literal(q.toLowerCase())}%`} escape '\\'`;

/** The offset of a 1-based page. */
export const offsetOf = (page: number, pageSize: number) => (page - 1) * pageSize;
