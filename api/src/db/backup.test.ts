import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackupError, backupSqlite, checkDatabase, sqliteFile } from './backup.ts';
import { migrate } from './migrations.ts';
import { openDb } from './open.ts';
import { RestoreError, restoreSqlite } from './restore.ts';

// The refusals and the file handling; backup during live autosaves, and a
// restore the server then starts on, are proven in test/fault/backup.test.ts.
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));

async function database() {
  const dataDir = tmp('zhiping-bk-');
  const db = openDb({ dataDir });
  await migrate(db.kysely, 'sqlite');
  return { dataDir, db };
}

describe('SQLite backup and restore', () => {
  it('copies a database that is open and in WAL mode into one self-contained file', async () => {
    const { dataDir, db } = await database();
    const target = join(tmp('zhiping-bk-out-'), 'b.db');
    const r = await backupSqlite(dataDir, target);
    expect(r).toMatchObject({ integrity: 'ok', assessments: 0, users: 0, files: 0 });
    expect(existsSync(`${target}-wal`) || existsSync(`${target}.partial`)).toBe(false);
    await expect(backupSqlite(dataDir, target)).rejects.toThrow(BackupError);
    // Restoring over a database a process holds open is refused, and changes nothing.
    expect(() => restoreSqlite(target, dataDir, new Date())).toThrow(/in use/);
    await db.close();
    const restored = restoreSqlite(target, dataDir, new Date());
    expect(restored.kept).toHaveLength(1);
    expect(checkDatabase(sqliteFile(dataDir)).integrity).toBe('ok');
    expect(existsSync(restored.kept[0] ?? '')).toBe(true);
  });

  it('refuses a file that is not a Zhiping database, leaving DATA_DIR alone', () => {
    const dataDir = tmp('zhiping-bk-');
    const junk = join(dataDir, 'junk.db');
    writeFileSync(junk, 'not a database');
    expect(() => restoreSqlite(junk, dataDir, new Date())).toThrow(RestoreError);
    expect(existsSync(sqliteFile(dataDir))).toBe(false);
  });
});
