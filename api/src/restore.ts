/**
 * `pnpm restore <backup-file>`: puts a backup in place of DATA_DIR/zhiping.db.
 * Stop the server first; this refuses while one answers on the configured
 * port or holds the database open (see db/restore.ts). Then start it again.
 */
import { resolve } from 'node:path';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { PG_DUMP_ADVICE } from './db/backup.ts';
import { RestoreError, restoreSqlite } from './db/restore.ts';

/** Whether a server answers /api/health where this configuration would listen. */
async function serverAnswers(config: Config): Promise<string | null> {
  const host = ['0.0.0.0', '::', ''].includes(config.HOST) ? '127.0.0.1' : config.HOST;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${config.PORT}/api/health`;
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return url;
  } catch {
    return null;
  }
}

async function main(args: string[]): Promise<number> {
  const config = loadConfig(process.env);
  if (config.DATABASE_URL) {
    console.error(PG_DUMP_ADVICE);
    return 2;
  }
  const [arg] = args;
  if (args.length !== 1 || !arg || arg.startsWith('-')) {
    console.error('用法 usage: pnpm restore <backup-file>');
    return 2;
  }
  const running = await serverAnswers(config);
  if (running) {
    console.error(`服务似乎仍在运行，请先停止 (a server answers at ${running}: stop it first).`);
    return 2;
  }
  // pnpm runs the script in api/; a path the user typed is relative to where they typed it.
  const backup = resolve(process.env.INIT_CWD ?? process.cwd(), arg);
  const r = restoreSqlite(backup, config.dataDir, new Date());
  console.log(`恢复完成 restored: ${backup} → ${r.file}`);
  console.log(
    `  integrity_check ${r.integrity} · 评估 assessments ${r.assessments} · 用户 users ${r.users} · 证据文件 evidence files ${r.files}`,
  );
  for (const k of r.kept) console.log(`  被替换的保留为 (what was replaced is kept as): ${k}`);
  console.log('现在可以启动服务 (now start the server): pnpm start');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof ConfigError || err instanceof RestoreError) {
      console.error(err.message);
      process.exit(2);
    }
    console.error('恢复失败 (restore failed):', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
