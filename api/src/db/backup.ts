import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { copyTree, exists, fsyncPath } from './durable-fs.ts';
import { backupEvidenceDir, checkEvidence, liveEvidenceDir } from './evidence-files.ts';

/** The database file inside DATA_DIR (as `openDb` names it). */
export const sqliteFile = (dataDir: string) => join(dataDir, 'zhiping.db');

/** `YYYYMMDD-HHMMSS` in local time, as an operator reads it. */
export function timestamp(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

/** `DATA_DIR/backups/zhiping-YYYYMMDD-HHMMSS.db`. */
export const defaultBackupFile = (dataDir: string, now: Date) =>
  join(dataDir, 'backups', `zhiping-${timestamp(now)}.db`);

/** What PostgreSQL users run instead: the server's own tools know its consistency rules. */
export const PG_DUMP_ADVICE = [
  '使用 PostgreSQL（设置了 DATABASE_URL）时，请用 PostgreSQL 自带的工具备份和恢复。',
  'DATABASE_URL is set (PostgreSQL): back up and restore with PostgreSQL’s own tools:',
  '',
  '  备份 backup:   pg_dump --format=custom "$DATABASE_URL" > zhiping.dump',
  '  恢复 restore:  pg_restore --clean --dbname "$DATABASE_URL" zhiping.dump',
  '',
  '证据文件存于数据库的 evidence_blobs 表，已包含在 pg_dump 中，无需另行复制 DATA_DIR',
  '(evidence files live in the evidence_blobs table: pg_dump includes them; DATA_DIR holds nothing to copy).',
].join('\n');

export interface DatabaseCheck {
  /** `ok`, or SQLite's list of problems. */
  integrity: string;
  assessments: number;
  users: number;
}

/**
 * Opens a SQLite file read-only and reports `PRAGMA integrity_check` and the
 * row counts an operator recognises. Throws if the file is not a Zhiping
 * database at all (no such table).
 */
export function checkDatabase(file: string): DatabaseCheck {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('\n');
    const count = (table: string) =>
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { integrity, assessments: count('assessments'), users: count('users') };
  } finally {
    db.close();
  }
}

export interface BackupReport extends DatabaseCheck {
  file: string;
  bytes: number;
  /** Evidence files copied beside it (in `<name>.files/`) and their total size. */
  files: number;
  fileBytes: number;
  ms: number;
}

export class BackupError extends Error {}

/**
 * Online backup of the live database with SQLite's backup API, from a
 * separate read-only connection, so the server keeps running and writing.
 *
 * The copy is taken in ONE backup step: that step is a single read
 * transaction, so the copy is the database exactly as of one commit (every
 * assessment together with its audit entries), and in WAL mode it does not
 * block the server's writers. (Copying in small steps would let a write by
 * the server restart the backup over and over under steady autosaves.)
 * Evidence files are copied after the snapshot (see evidence-files.ts).
 *
 * Everything is written under `.partial` names, switched to a rollback
 * journal so the database is one self-contained file, checked, flushed to
 * disk and only then renamed into place: a file with the target's name is
 * always a complete, verified backup.
 */
export async function backupSqlite(dataDir: string, target: string): Promise<BackupReport> {
  const t0 = performance.now();
  const source = sqliteFile(dataDir);
  const evidence = backupEvidenceDir(target);
  for (const t of [target, evidence])
    if (exists(t)) throw new BackupError(`目标已存在，不会覆盖 (target exists): ${t}`);
  if (!exists(source)) throw new BackupError(`找不到数据库文件 (no database at): ${source}`);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  const partialEvidence = `${evidence}.partial`;
  const cleanUp = () => {
    rmSync(partial, { force: true });
    rmSync(partialEvidence, { recursive: true, force: true });
  };
  cleanUp();
  try {
    const db = new SQLite(source, { readonly: true, fileMustExist: true });
    try {
      // better-sqlite3 opens the backup with a zero-page step; the page count
      // returned here is for every step after it: all remaining pages at once.
      await db.backup(partial, { progress: () => 0x7fffffff });
    } finally {
      db.close();
    }
    const copy = new SQLite(partial);
    try {
      // The copy inherits WAL mode from the source; a backup should not need a -wal beside it.
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const check = checkDatabase(partial);
    if (check.integrity !== 'ok')
      throw new BackupError(
        `备份副本未通过完整性检查 (copy failed integrity_check):\n${check.integrity}`,
      );
    if (exists(liveEvidenceDir(dataDir))) copyTree(liveEvidenceDir(dataDir), partialEvidence);
    const files = checkEvidence(partial, partialEvidence);
    if (files.problems.length > 0)
      throw new BackupError(
        `证据文件不完整 (evidence files incomplete):\n${files.problems.join('\n')}`,
      );
    fsyncPath(partial);
    // Evidence first: the database's name appearing is what marks the backup complete.
    if (exists(partialEvidence)) renameSync(partialEvidence, evidence);
    renameSync(partial, target);
    fsyncPath(dirname(target));
    return {
      file: target,
      bytes: statSync(target).size,
      files: files.files,
      fileBytes: files.bytes,
      ms: performance.now() - t0,
      ...check,
    };
  } catch (err) {
    cleanUp();
    throw err;
  }
}
