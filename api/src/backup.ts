/**
 * `pnpm backup [target-file]`: a consistent copy of the SQLite database,
 * taken while the server runs (see db/backup.ts). Without a target it
 * writes DATA_DIR/backups/zhiping-YYYYMMDD-HHMMSS.db, and the evidence
 * files, if any, into zhiping-YYYYMMDD-HHMMSS.files/ beside it.
 */
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from './config.ts';
import { BackupError, backupSqlite, defaultBackupFile, PG_DUMP_ADVICE } from './db/backup.ts';
import { backupEvidenceDir } from './db/evidence-files.ts';

async function main(args: string[]): Promise<number> {
  const config = loadConfig(process.env);
  if (config.DATABASE_URL) {
    console.error(PG_DUMP_ADVICE);
    return 2;
  }
  if (args.length > 1 || args[0]?.startsWith('-')) {
    console.error('用法 usage: pnpm backup [target-file]');
    return 2;
  }
  // pnpm runs the script in api/; a path the user typed is relative to where they typed it.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const target = args[0] ? resolve(cwd, args[0]) : defaultBackupFile(config.dataDir, new Date());
  const r = await backupSqlite(config.dataDir, target);
  console.log(`备份完成 backup written: ${r.file}`);
  console.log(
    `  ${(r.bytes / 1024).toFixed(0)} KB · ${r.ms.toFixed(0)} ms · integrity_check ${r.integrity} · 评估 assessments ${r.assessments} · 用户 users ${r.users}`,
  );
  if (r.files > 0)
    console.log(
      `  证据文件 evidence files: ${r.files} (${(r.fileBytes / 1024).toFixed(0)} KB) → ${backupEvidenceDir(r.file)}`,
    );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof ConfigError || err instanceof BackupError) {
      console.error(err.message);
      process.exit(2);
    }
    console.error('备份失败 (backup failed):', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
