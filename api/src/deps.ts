import type { BlockedKeys } from './auth/blocked-keys.ts';
import type { Slots } from './auth/slots.ts';
import type { Config } from './config.ts';
import type { EvidenceStore } from './db/evidence-store.ts';
import type { Db } from './db/open.ts';
import type { DefinitionStore } from './services/definitions.ts';
import type { ReportRenderer } from './services/report-renderer.ts';

export interface Logger {
  info(msg: string): void;
  error(msg: string, err?: unknown): void;
}

/** What services and routes need, built once at start-up and passed in (no globals). */
export interface Deps {
  config: Config;
  db: Db;
  /** Evidence bytes: on disk with SQLite, in the database with PostgreSQL. */
  evidence: EvidenceStore;
  definitions: DefinitionStore;
  /** Password hashes that may run at once (PASSWORD_HASH_CONCURRENCY). */
  hashSlots: Slots;
  /** Renders reports in worker threads, cached, limited per user. */
  reports: ReportRenderer;
  /** Login keys refused until their window ends (a shortcut; the database decides). */
  blockedLogins: BlockedKeys;
  now: () => Date;
  log: Logger;
}
