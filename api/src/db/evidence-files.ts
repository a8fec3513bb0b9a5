import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { exists } from './durable-fs.ts';

/**
 * On SQLite, evidence files live beside the database, one file per `files`
 * row, at DATA_DIR/files/<assessment>/<id> (db/evidence-disk.ts). They are written
 * and flushed before their row is committed and never change afterwards,
 * so copying the directory AFTER the database snapshot finds every file
 * the snapshot refers to (later uploads are harmless extras).
 */
export const liveEvidenceDir = (dataDir: string) => join(dataDir, 'files');

/** A backup `name.db` keeps its evidence files in `name.files/`. */
export const backupEvidenceDir = (backupFile: string) =>
  `${backupFile.replace(/\.db$/i, '')}.files`;

export interface EvidenceCheck {
  files: number;
  bytes: number;
  /** Rows whose file is missing or differs from its recorded size and SHA-256. */
  problems: string[];
}

/** Checks that `dir` holds every evidence file the database at `dbFile` refers to, byte for byte. */
export function checkEvidence(dbFile: string, dir: string): EvidenceCheck {
  const db = new SQLite(dbFile, { readonly: true, fileMustExist: true });
  let rows: { id: string; assessment_id: string; size: number; sha256: string }[] = [];
  try {
    const hasTable = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'files'")
      .get();
    if (hasTable)
      rows = db.prepare('SELECT id, assessment_id, size, sha256 FROM files').all() as typeof rows;
  } finally {
    db.close();
  }
  const problems: string[] = [];
  let bytes = 0;
  for (const r of rows) {
    const path = join(dir, r.assessment_id, r.id);
    if (!exists(path)) {
      problems.push(`缺少证据文件 (missing evidence file): ${path}`);
      continue;
    }
    const data = readFileSync(path);
    bytes += data.length;
    if (data.length !== r.size || createHash('sha256').update(data).digest('hex') !== r.sha256)
      problems.push(`证据文件内容不符 (evidence file differs from its record): ${path}`);
  }
  return { files: rows.length, bytes, problems };
}
