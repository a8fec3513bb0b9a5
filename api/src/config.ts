import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { DEFAULT_TIME_ZONE } from '@zhiping/forms';
import { z } from 'zod';

/** An IANA time zone name this runtime knows (Intl refuses the others). */
function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

/**
 * Everything the service reads from its environment, validated once at
 * start-up; the rest of the code receives a `Config` and never reads `process.env`.
 */
export const ConfigSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 须为 postgres:// 开头的连接串；不设则使用 SQLite')
    .optional(),
  /** PostgreSQL schema to use instead of the connection's default (created if missing). */
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'DATABASE_SCHEMA 须为小写字母、数字和下划线')
    .optional(),
  /** Set to 0 to start with an empty database (no demo organisations, users or assessments). */
  SEED_DEMO: flag.default(true),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  /** Largest request body accepted, in bytes. */
  BODY_LIMIT: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /** Largest evidence file accepted, in bytes. */
  FILE_LIMIT: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  /** Worker threads rendering PDF and Excel reports (off the event loop). */
  REPORT_WORKERS: z.coerce.number().int().min(1).max(16).default(2),
  /** Reports one user may have rendering at once (429 beyond; cached ones are free). */
  REPORTS_PER_USER: z.coerce.number().int().min(1).max(50).default(2),
  /** Evidence files one assessment may hold (deleted ones not counted). */
  EVIDENCE_MAX_FILES: z.coerce.number().int().positive().default(100),
  /** Bytes of evidence one assessment may hold. */
  EVIDENCE_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(200 * 1024 * 1024),
  /** Login attempts allowed per account within a minute (a success gives its attempt back). */
  LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().positive().default(5),
  /** Login attempts allowed per client address within a minute. */
  LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().positive().default(20),
  /** Login attempts allowed in all within a minute: caps the hashing work a flood can cause. */
  LOGIN_ATTEMPTS_GLOBAL_PER_MINUTE: z.coerce.number().int().positive().default(300),
  /**
   * Password hashes computed at once; the rest queue. scrypt is CPU-bound:
   * half the cores (at least one) leaves the rest to the event loop and
   * libuv threads for the fsyncs that acknowledge saves.
   */
  PASSWORD_HASH_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .max(16)
    .default(Math.max(1, Math.floor(availableParallelism() / 2))),
  /** Directory of the built web app to serve; unset → web/dist when it exists. */
  WEB_DIST: z.string().optional(),
  /**
   * How SQLite makes acknowledged writes durable: `group` fsyncs the WAL once
   * for all writes committed meanwhile; `full` lets SQLite fsync every commit.
   * Both survive a power cut; `group` sustains far more saves per second.
   */
  SQLITE_DURABILITY: z.enum(['group', 'full']).default('group'),
  /** How long a SQLite write waits for another process's lock before answering 503. */
  SQLITE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  /**
   * Behind a reverse proxy that sets X-Forwarded-For and X-Forwarded-Host:
   * only then are they believed (login limits per client address, the
   * same-origin check). Off, anyone could claim any address or host.
   */
  TRUST_PROXY: flag.default(false),
  /** Cookies marked Secure: turn on behind HTTPS. */
  SECURE_COOKIES: flag.default(false),
  /**
   * The time zone organisations work in: "today" for a new assessment's
   * date, and the zone reports print times in.
   */
  TIME_ZONE: z
    .string()
    .refine(isTimeZone, 'TIME_ZONE 须为 IANA 时区名，如 Asia/Shanghai')
    .default(DEFAULT_TIME_ZONE),
  LOG_REQUESTS: flag.default(false),
});

export type Config = z.infer<typeof ConfigSchema> & { dataDir: string };

export class ConfigError extends Error {}

/** Parses the environment into a Config, or throws one message listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const r = ConfigSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`配置有误 (invalid configuration):\n${lines.join('\n')}`);
  }
  // A relative DATA_DIR means relative to where the user ran the command (pnpm
  // records it as INIT_CWD), not to api/, where pnpm runs the server.
  return { ...r.data, dataDir: resolve(env.INIT_CWD ?? '.', r.data.DATA_DIR) };
}
