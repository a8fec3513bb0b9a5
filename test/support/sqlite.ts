import { createRequire } from 'node:module';
import { join } from 'node:path';
import { apiDir } from './server.ts';

/** The little of better-sqlite3 the tests use (its types live with the api package). */
export interface ReadOnlyDb {
  pragma(source: string, options?: { simple: boolean }): unknown;
  prepare(sql: string): {
    get(...params: unknown[]): unknown;
    all(...params: unknown[]): unknown[];
  };
  close(): void;
}

type Ctor = new (
  file: string,
  options: { readonly: boolean; fileMustExist: boolean },
) => ReadOnlyDb;

// better-sqlite3 is the api's dependency: load the same build the server uses.
const SQLite = createRequire(join(apiDir, 'package.json'))('better-sqlite3') as Ctor;

/** Opens a database file read-only, as a second process would (no server code involved). */
export function openReadOnly(file: string): ReadOnlyDb {
  return new SQLite(file, { readonly: true, fileMustExist: true });
}

/** `PRAGMA integrity_check` on a file: 'ok' or SQLite's list of problems. */
export function integrityCheck(file: string): string {
  const db = openReadOnly(file);
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('\n');
  } finally {
    db.close();
  }
}
