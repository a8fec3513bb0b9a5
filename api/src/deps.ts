import type { RateLimiter } from './auth/rate-limit.ts';
import type { Config } from './config.ts';
import type { Db } from './db/open.ts';
import type { DefinitionStore } from './services/definitions.ts';

export interface Logger {
  info(msg: string): void;
  error(msg: string, err?: unknown): void;
}

/** What services and routes need, built once at start-up and passed in (no globals). */
export interface Deps {
  config: Config;
  db: Db;
  definitions: DefinitionStore;
  loginLimiter: RateLimiter;
  now: () => Date;
  log: Logger;
}
