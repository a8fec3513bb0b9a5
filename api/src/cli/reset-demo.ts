/**
 * `pnpm demo:reset --yes`: puts the demo back as a fresh install has it.
 * SQLite only, with the server stopped: the database is first backed up
 * (DATA_DIR/backups/), then the database and evidence files are removed and
 * the schema, built-in definitions and demo data are created again.
 */
import { existsSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { boot } from '../bootstrap.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { backupSqlite, defaultBackupFile, sqliteFile } from '../db/backup.ts';
import { liveEvidenceDir } from '../db/evidence-files.ts';

/** Whether something answers on the server's address: a running server holds the database. */
const listening = (host: string, port: number) =>
  new Promise<boolean>((done) => {
    const s = createConnection({ host, port });
    s.setTimeout(1000);
    s.once('connect', () => {
      s.destroy();
      done(true);
    });
    s.once('error', () => done(false));
    s.once('timeout', () => {
      s.destroy();
      done(false);
    });
  });

async function main(args: string[]): Promise<number> {
  const config = loadConfig({ ...process.env, SEED_DEMO: '1' });
  if (config.DATABASE_URL) {
    console.error(
      'PostgreSQL: 请删除并重建数据库（dropdb / createdb）后启动服务，演示数据会自动载入。\n' +
        'With PostgreSQL, drop and create the database, then start the server: the demo loads itself.',
    );
    return 2;
  }
  const file = sqliteFile(config.dataDir);
  if (!args.includes('--yes')) {
    console.error(`将删除 ${file} 及证据文件，重建演示数据（先自动备份）。确认请加 --yes`);
    console.error(
      `This deletes ${file} and the evidence files (after a backup). Add --yes to go ahead.`,
    );
    return 2;
  }
  if (await listening(config.HOST, config.PORT)) {
    console.error(
      `服务仍在 ${config.HOST}:${config.PORT} 运行：请先停止（在运行它的终端按 Ctrl+C）。\n` +
        'The server is still running: stop it first (Ctrl+C in its terminal).',
    );
    return 1;
  }
  if (existsSync(file)) {
    const saved = await backupSqlite(config.dataDir, defaultBackupFile(config.dataDir, new Date()));
    console.log(`已备份 backed up: ${saved.file}`);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    rmSync(liveEvidenceDir(config.dataDir), { recursive: true, force: true });
  }
  const deps = await boot(config, { log: { info: () => {}, error: console.error } });
  await deps.reports.close();
  await deps.db.close();
  console.log('演示数据已重建 demo data reset: 密码 password Demo-2026-zhiping (README)');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof ConfigError) console.error(err.message);
    else console.error(err);
    process.exit(1);
  },
);
