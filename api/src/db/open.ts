import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { type Driver, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { ActorCache } from '../auth/actor-cache.ts';
import { ChangeFeed } from './change-feed.ts';
import { Checkpointer } from './checkpointer.ts';
import { namingPool } from './pg-named.ts';
import { ReadCache } from './read-cache.ts';
import type { DetailHead } from './repositories/assessment-reads.ts';
import type { Database } from './schema.ts';
import { WalSync } from './wal-sync.ts';
import { type WriteRule, watchWrites, writesActors, writesAssessments } from './write-watch.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives, for logs: a file path or the server without credentials. */
  location: string;
  /** Sessions remembered between requests (auth/actor-cache.ts). */
  actors: ActorCache;
  /**
   * The columns of an assessment its ETag is made of, remembered between
   * requests — SQLite only, where data_version tells at once and exactly
   * that another process wrote (db/read-cache.ts). On PostgreSQL every read
   * asks the database for the current revision: a notification's delay
   * would let a read there miss a save just answered by another process.
   */
  heads: ReadCache<DetailHead> | null;
  /**
   * Called as a request begins: what the caches above check against another
   * process's writes is read now, after the request arrived, and serves the
   * rest of this turn of the event loop (SQLite; a no-op on PostgreSQL).
   */
  observe(): void;
  /** Resolves when every write committed so far would survive a power cut. */
  durable(): Promise<void>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** `postgres://…`; absent → SQLite. */
  url?: string | undefined;
  /** SQLite file; `:memory:` for a throwaway database. */
  file?: string | undefined;
  dataDir?: string | undefined;
  /** `group` (default): one WAL fsync shared by concurrent writes; `full`: SQLite syncs each commit. */
  durability?: 'group' | 'full' | undefined;
  /** SQLite: wait this long for another connection's lock, then fail with SQLITE_BUSY. */
  busyTimeoutMs?: number | undefined;
  /** PostgreSQL schema to use (created if missing): lets tests share one database. */
  schema?: string | undefined;
  poolSize?: number | undefined;
  /** Where connection errors outside any request go (a dropped idle connection). */
  onError?: ((msg: string, err: unknown) => void) | undefined;
}

/** Opens the configured database: SQLite in WAL mode by default, PostgreSQL from a URL. */
export function openDb(o: DbOptions): Db {
  if (o.url) return openPostgres(o.url, o.schema, o.poolSize ?? 10, o.onError ?? (() => {}));
  const file = o.file ?? join(o.dataDir ?? './data', 'zhiping.db');
  if (file !== ':memory:' && o.dataDir) mkdirSync(o.dataDir, { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers run during a write. Either SQLite syncs the WAL at every
  // commit (FULL) or WalSync does it once for a group of commits before they
  // are acknowledged: both keep an acknowledged save through a power cut.
  const group = (o.durability ?? 'group') === 'group' && file !== ':memory:';
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${group ? 'NORMAL' : 'FULL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${Math.trunc(o.busyTimeoutMs ?? 5000)}`);
  const probe = dataVersionProbe(sqlite);
  const version = probe.version;
  const actors = new ActorCache(30_000, 10_000, { version, live: true });
  const heads = new ReadCache<DetailHead>({ ttlMs: 30_000, capacity: 10_000, version, live: true });
  const kysely = new Kysely<Database>({
    dialect: new SafeRollbackSqliteDialect(
      { database: withStatementCache(sqlite) },
      keptReads(actors, heads),
    ),
  });
  const wal = group ? new WalSync(`${file}-wal`) : null;
  // Group commit on a file: checkpoints run in a worker, off the event loop (checkpointer.ts).
  const checkpoints = group
    ? new Checkpointer(sqlite, file, {
        busyTimeoutMs: Math.trunc(o.busyTimeoutMs ?? 5000),
        onError: o.onError,
      })
    : null;
  return {
    kysely,
    dialect: 'sqlite',
    actors,
    heads,
    observe: probe.observe,
    location: file,
    durable: wal
      ? async () => {
          await wal.sync();
          checkpoints?.committed();
        }
      : () => Promise.resolve(),
    close: async () => {
      await checkpoints?.close();
      await kysely.destroy();
      wal?.close();
    },
  };
}

/**
 * Kysely prepares every query afresh; preparing costs about as much as
 * running a small query. Our queries are few and fixed, so keep the
 * prepared statements (bounded, in case a query embeds varying lists).
 * Safe because Kysely runs one query at a time on this connection.
 */
function withStatementCache(db: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => db.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = db.prepare(sql);
        if (cache.size >= 500) cache.clear();
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

/*
 * Another connection's commit moves this connection's data_version (its
 * own commits do not). Reading it is a statement of its own, a few
 * microseconds, and a request consults two caches: `observe` reads it once
 * as a request begins and the value serves until the event loop turns —
 * never older than the start of any request being handled in this turn, so
 * a save another process acknowledged before the request was sent is seen.
 * Outside a request (no `observe` this turn) every look reads it afresh.
 */
function dataVersionProbe(sqlite: SQLite.Database) {
  const stmt = sqlite.prepare('PRAGMA data_version').pluck();
  let seen = 0;
  let fresh = false;
  const observe = () => {
    seen = stmt.get() as number;
    if (fresh) return;
    fresh = true;
    setImmediate(() => {
      fresh = false;
    });
  };
  return {
    observe,
    version: (): number => (fresh ? seen : (stmt.get() as number)),
  };
}

/** What this process's own writes must empty at once (db/write-watch.ts). */
function keptReads(actors: ActorCache, heads: ReadCache<DetailHead> | null): WriteRule[] {
  const rules: WriteRule[] = [{ writes: writesActors, clear: () => actors.clear() }];
  if (heads) rules.push({ writes: writesAssessments, clear: () => heads.clear() });
  return rules;
}

/**
 * When SQLite itself rolled a transaction back (SQLITE_FULL, SQLITE_IOERR),
 * Kysely's ROLLBACK fails with "no transaction is active" and that error
 * would replace the real one; keep the real one.
 */
class SafeRollbackSqliteDialect extends SqliteDialect {
  constructor(
    config: ConstructorParameters<typeof SqliteDialect>[0],
    private readonly rules: WriteRule[],
  ) {
    super(config);
  }

  override createDriver(): Driver {
    const driver = watchWrites(super.createDriver(), this.rules);
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (connection) => {
      try {
        await rollback(connection);
      } catch (err) {
        if (!(err instanceof Error && /no transaction is active/.test(err.message))) throw err;
      }
    };
    return driver;
  }
}

class WatchedPostgresDialect extends PostgresDialect {
  constructor(
    config: ConstructorParameters<typeof PostgresDialect>[0],
    private readonly rules: WriteRule[],
  ) {
    super(config);
  }

  override createDriver(): Driver {
    return watchWrites(super.createDriver(), this.rules);
  }
}

function openPostgres(
  url: string,
  schema: string | undefined,
  max: number,
  onError: (msg: string, err: unknown) => void,
): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // Opened connections are kept (pg closes idle ones after 10 s by default): a burst after
    // a quiet spell would otherwise wait for new connections and their first statements.
    // Not measured apart from the engine's warm-up (services/warm-up.ts), which was most of
    // the first seconds' slow saves.
    min: max,
    // Unreachable → fail fast (503) rather than queue requests behind a dead server.
    connectionTimeoutMillis: 3_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // A connection that dies (server restart, failover, pg_terminate_backend)
  // emits 'error'; unhandled, that would end the process. The pool drops a
  // broken client when it is released and opens a fresh one on demand, so
  // logging is all there is to do. Checked-out clients have no pool listener
  // of their own: give every client one for its whole life.
  pool.on('error', (err) => onError('数据库连接断开（空闲连接），将自动重连', err));
  pool.on('connect', (client) => {
    client.on('error', (err) => onError('数据库连接断开，将自动重连', err));
  });
  const actors = new ActorCache();
  const kysely = new Kysely<Database>({
    dialect: new WatchedPostgresDialect({ pool: namingPool(pool) }, keptReads(actors, null)),
  });
  const feed = new ChangeFeed(url, actors, onError, { schema });
  feed.start();
  const u = new URL(url);
  return {
    kysely,
    dialect: 'postgres',
    actors,
    heads: null,
    observe: () => {},
    location: `${u.hostname}:${u.port || 5432}${u.pathname}${schema ? ` (${schema})` : ''}`,
    // PostgreSQL acknowledges a commit once its WAL is flushed (synchronous_commit = on).
    durable: () => Promise.resolve(),
    close: async () => {
      await feed.stop();
      await kysely.destroy();
    },
  };
}
