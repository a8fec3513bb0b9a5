import { copyFileSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { checkDatabase, type DatabaseCheck, sqliteFile, timestamp } from './backup.ts';
import { copyTree, exists, fsyncPath } from './durable-fs.ts';
import { backupEvidenceDir, checkEvidence, liveEvidenceDir } from './evidence-files.ts';

export class RestoreError extends Error {}

/**
 * Refuses while any process has the database open. A running server keeps
 * its connection for its whole life, so an exclusive lock cannot be taken
 * then (SQLITE_BUSY at once, no waiting). When the lock is granted, closing
 * the connection also checkpoints a WAL left by a crashed server into the
 * old file, so the old file is complete on its own when it is set aside.
 */
export function assertNotInUse(file: string): void {
  if (!exists(file)) return;
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { fileMustExist: true, timeout: 0 });
  } catch {
    // Not a database any more (which may be why we restore): nothing can hold a lock on it.
    return;
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
      throw new RestoreError(
        `数据库正被使用，请先停止服务 (the database is in use: stop the server first): ${file}`,
      );
    if (!code.startsWith('SQLITE_NOTADB') && !code.startsWith('SQLITE_CORRUPT')) throw err;
  } finally {
    db.close();
  }
}

export interface RestoreReport extends DatabaseCheck {
  file: string;
  files: number;
  /** Where the replaced database and evidence directory now live (empty if there were none). */
  kept: string[];
}

/**
 * Puts a backup (database and evidence files) in place of DATA_DIR's. The
 * server must be stopped. What is replaced is renamed, not deleted, so a
 * restore from the wrong file can be undone; the old -wal goes with its
 * database and the -shm is removed, because SQLite would apply a stale WAL
 * to the restored file.
 */
export function restoreSqlite(backup: string, dataDir: string, now: Date): RestoreReport {
  let check: DatabaseCheck;
  try {
    check = checkDatabase(backup);
  } catch (err) {
    throw new RestoreError(
      `不是可用的知评备份 (not a usable Zhiping backup): ${backup}\n  ${err instanceof Error ? err.message : err}`,
    );
  }
  if (check.integrity !== 'ok')
    throw new RestoreError(
      `备份文件未通过完整性检查 (backup failed integrity_check): ${backup}\n${check.integrity}`,
    );
  const evidence = backupEvidenceDir(backup);
  const files = checkEvidence(backup, evidence);
  if (files.problems.length > 0)
    throw new RestoreError(
      `备份的证据文件不完整 (the backup's evidence files are incomplete):\n${files.problems.join('\n')}`,
    );

  mkdirSync(dataDir, { recursive: true });
  const file = sqliteFile(dataDir);
  if (resolve(backup) === resolve(file))
    throw new RestoreError(`这就是当前数据库 (that is the live database itself): ${backup}`);
  assertNotInUse(file);
  const kept: string[] = [];
  const setAside = (path: string) => {
    if (!exists(path)) return;
    const to = `${path}.before-restore-${timestamp(now)}`;
    renameSync(path, to);
    kept.push(to);
  };
  if (exists(`${file}-wal`))
    renameSync(`${file}-wal`, `${file}.before-restore-${timestamp(now)}-wal`);
  setAside(file);
  rmSync(`${file}-shm`, { force: true });
  const liveEvidence = liveEvidenceDir(dataDir);
  setAside(liveEvidence);

  // Copy under other names and rename: DATA_DIR never holds a half-copied database or directory.
  if (exists(evidence)) {
    rmSync(`${liveEvidence}.restoring`, { recursive: true, force: true });
    copyTree(evidence, `${liveEvidence}.restoring`);
    renameSync(`${liveEvidence}.restoring`, liveEvidence);
  }
  const partial = `${file}.restoring`;
  copyFileSync(backup, partial);
  fsyncPath(partial);
  renameSync(partial, file);
  fsyncPath(dataDir);
  return { file, files: files.files, kept, ...check };
}
