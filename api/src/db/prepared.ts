import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { Dialect } from './open.ts';
import type { Database } from './schema.ts';

/*
 * A hot query built and compiled by Kysely once per dialect, then run with
 * new values. Building a query through Kysely's builder and compiling it to
 * SQL costs several times what SQLite then takes to run it (--cpu-prof of a
 * GET under load: 15–18 % of the request in the builder and compiler, for
 * two small queries; issue 15). The query is written with the builder as
 * usual; each value given per run is a named placeholder, found again among
 * the compiled parameters and replaced.
 *
 * Only for queries whose shape is fixed: a list whose length varies, or a
 * column that is set only sometimes, changes the SQL — use one prepared
 * query per shape, or the builder.
 */

const MARK = '\u0000zp-param:';

/*
 * The SQL of every prepared query, named: on PostgreSQL each connection
 * parses and plans a named statement once and then only binds and runs it
 * (db/open.ts hands these names to node-postgres). SQLite keeps its own
 * prepared statements by SQL text (open.ts, withStatementCache).
 */
const names = new Map<string, string>();
export const statementName = (sqlText: string): string | undefined => names.get(sqlText);

/** The value of `name` at each run, as the builder sees it while compiling. */
export type Placeholder<A> = <K extends keyof A & string>(name: K) => A[K];

type Slot = { name: string } | { value: unknown };

interface Compiled {
  compiled: CompiledQuery;
  slots: Slot[];
}

export function prepared<A extends Record<string, unknown>, R>(
  build: (db: Kysely<Database>, p: Placeholder<A>, dialect: Dialect) => Compilable<R>,
) {
  const byDialect = new Map<Dialect, Compiled>();
  const compile = (db: Kysely<Database>, dialect: Dialect): Compiled => {
    const p = ((name: string) => `${MARK}${name}`) as Placeholder<A>;
    const compiled = build(db, p, dialect).compile();
    if (!names.has(compiled.sql)) names.set(compiled.sql, `zp_${names.size + 1}`);
    const slots = compiled.parameters.map(
      (v): Slot =>
        typeof v === 'string' && v.startsWith(MARK) ? { name: v.slice(MARK.length) } : { value: v },
    );
    return { compiled, slots };
  };
  /** Runs the query on `db` (a Kysely or a transaction of that dialect) with `args`. */
  return async function run(
    db: Kysely<Database>,
    dialect: Dialect,
    args: A,
  ): Promise<QueryResult<R>> {
    let c = byDialect.get(dialect);
    if (!c) {
      c = compile(db, dialect);
      byDialect.set(dialect, c);
    }
    const parameters = c.slots.map((s) => {
      if (!('name' in s)) return s.value;
      const v = args[s.name];
      if (v === undefined) throw new Error(`prepared query: no value for ${s.name}`);
      return v;
    });
    return db.executeQuery<R>({ ...c.compiled, parameters });
  };
}
