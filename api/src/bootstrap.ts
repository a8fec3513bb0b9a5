import { BlockedKeys } from './auth/blocked-keys.ts';
import { Slots } from './auth/slots.ts';
import type { Config } from './config.ts';
import { PgEvidenceStore } from './db/evidence-pg.ts';
import { evidenceStoreFor } from './db/evidence-store.ts';
import { migrate } from './db/migrations.ts';
import { openDb } from './db/open.ts';
import type { Deps, Logger } from './deps.ts';
import { seedDemo, syncBuiltins } from './seed/seed.ts';
import { DefinitionStore } from './services/definitions.ts';
import { removePartialUploads } from './services/files.ts';
import { ReportRenderer } from './services/report-renderer.ts';

export const consoleLogger: Logger = {
  info: (msg) => console.log(msg),
  error: (msg, err) => console.error(msg, err),
};

export interface BootOptions {
  log?: Logger;
  now?: () => Date;
  /** PostgreSQL schema to work in (tests use one schema each). */
  pgSchema?: string;
  /** SQLite file other than DATA_DIR/zhiping.db, e.g. ':memory:'. */
  sqliteFile?: string;
}

/**
 * Opens and migrates the database, loads the built-in definitions and, on
 * an empty database, the demo data: everything the app needs, as `Deps`.
 */
export async function boot(config: Config, o: BootOptions = {}): Promise<Deps> {
  const log = o.log ?? consoleLogger;
  const pgSchema = o.pgSchema ?? config.DATABASE_SCHEMA;
  const db = openDb({
    url: config.DATABASE_URL,
    dataDir: config.dataDir,
    file: o.sqliteFile,
    durability: config.SQLITE_DURABILITY,
    busyTimeoutMs: config.SQLITE_BUSY_TIMEOUT_MS,
    schema: pgSchema,
    onError: (msg, err) => log.error(msg, err instanceof Error ? err.message : err),
  });
  try {
    await migrate(db.kysely, db.dialect, pgSchema);
    const partial = removePartialUploads(config.dataDir, new Date());
    if (partial > 0) log.info(`已删除 ${partial} 个未写完的上传文件 (.part)`);
    const evidence = evidenceStoreFor(db, config.dataDir);
    if (evidence instanceof PgEvidenceStore) {
      const adopted = await evidence.adopt(config.dataDir);
      if (adopted > 0) log.info(`已将 ${adopted} 个证据文件从 DATA_DIR 迁入数据库`);
    }
    const deps: Deps = {
      config,
      db,
      evidence,
      definitions: new DefinitionStore(db.kysely),
      hashSlots: new Slots(config.PASSWORD_HASH_CONCURRENCY),
      reports: new ReportRenderer(config.REPORT_WORKERS, config.REPORTS_PER_USER),
      blockedLogins: new BlockedKeys(),
      now: o.now ?? (() => new Date()),
      log,
    };
    const { added, drifted } = await syncBuiltins(deps);
    if (added.length) log.info(`内置评估表已载入: ${added.join(', ')}`);
    for (const ref of drifted)
      log.error(`内置评估表 ${ref} 的内容与已发布版本不同；已发布版本不会被改写，请提高版本号。`);
    if (config.SEED_DEMO && (await seedDemo(deps)))
      log.info('已载入演示数据（见 README 的演示账号）');
    return deps;
  } catch (err) {
    await db.close();
    throw err;
  }
}
