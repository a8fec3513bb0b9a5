import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives, for logs: a file path or the server without credentials. */
  location: string;
  close(): Promise<void>;
}

export interface DbOptions {
  /** `postgres://…`; absent → SQLite. */
  url?: string | undefined;
  /** SQLite file; `:memory:` for a throwaway database. */
  file?: string | undefined;
  dataDir?: string | undefined;
  synchronous?: 'FULL' | 'NORMAL' | undefined;
  /** PostgreSQL schema to use (created if missing): lets tests share one database. */
  schema?: string | undefined;
  poolSize?: number | undefined;
}

/** Opens the configured database: SQLite in WAL mode by default, PostgreSQL from a URL. */
export function openDb(o: DbOptions): Db {
  if (o.url) return openPostgres(o.url, o.schema, o.poolSize ?? 10);
  const file = o.file ?? join(o.dataDir ?? './data', 'zhiping.db');
  if (file !== ':memory:' && o.dataDir) mkdirSync(o.dataDir, { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers run during a write; FULL syncs the WAL on every commit, so an
  // acknowledged save survives a power cut, not only a crash of the process.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${o.synchronous ?? 'FULL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { kysely, dialect: 'sqlite', location: file, close: () => kysely.destroy() };
}

function openPostgres(url: string, schema: string | undefined, max: number): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const u = new URL(url);
  return {
    kysely,
    dialect: 'postgres',
    location: `${u.hostname}:${u.port || 5432}${u.pathname}${schema ? ` (${schema})` : ''}`,
    close: () => kysely.destroy(),
  };
}
