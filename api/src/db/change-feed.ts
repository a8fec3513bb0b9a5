import pg from 'pg';
import type { ActorCache } from '../auth/actor-cache.ts';

/** The channel migration 0015's triggers notify on (sessions, users, organisations changed). */
export const ACTOR_CHANNEL = 'zp_actor_changes';

/** The listening connection's application_name. */
export const FEED_APPLICATION = 'zhiping-change-feed';

/**
 * The feed's application_name for a deployment in `schema`: with several in
 * one database, an operator (or a fault-injection test) can tell whose feed
 * a connection is. PostgreSQL keeps the first 63 bytes.
 */
export const feedApplication = (schema: string | undefined) =>
  schema ? `${FEED_APPLICATION}:${schema}` : FEED_APPLICATION;

export interface ChangeFeedOptions {
  /** How often the listening connection must prove it is alive. */
  heartbeatMs?: number;
  /** How long a heartbeat may take before the feed counts as down. */
  timeoutMs?: number;
  /** Wait before connecting again after a failure. */
  retryMs?: number;
  /** application_name of the listening connection. */
  application?: string;
  /**
   * The schema this process works in (as the pool's search_path names it):
   * notifications about another schema's tables are not this process's.
   */
  schema?: string | undefined;
}

/*
 * One PostgreSQL connection per process that LISTENs for changes to what a
 * cached actor is made of, and empties the actor cache on each. The cache
 * is live only between a successful LISTEN and the first sign of trouble:
 * an error or end on the connection (a terminated backend, a restart), or a
 * heartbeat (SELECT 1 on the same connection) not answered in time. A
 * notification committed before a heartbeat is delivered before its answer
 * on that connection, so an answered heartbeat means nothing was missed.
 * Then it reconnects, and the cache starts again empty.
 *
 * Each notification names the schema whose table changed (migration 0017):
 * deployments that share one database in schemas of their own do not empty
 * each other's caches. The feed's connection resolves its schema as the
 * pool's connections do (the same search_path), so both agree on its name.
 */
export class ChangeFeed {
  private client: pg.Client | null = null;
  private beat: NodeJS.Timeout | null = null;
  /** A heartbeat query is in flight. */
  private beating = false;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly heartbeatMs: number;
  private readonly timeoutMs: number;
  private readonly retryMs: number;
  private readonly application: string;
  private readonly schema: string | undefined;
  /** The schema whose changes count here, once the feed listens (null: count them all). */
  private own: string | null = null;

  constructor(
    private readonly url: string,
    private readonly cache: ActorCache,
    private readonly onError: (msg: string, err: unknown) => void,
    o: ChangeFeedOptions = {},
  ) {
    this.heartbeatMs = o.heartbeatMs ?? 5_000;
    this.timeoutMs = o.timeoutMs ?? 2_000;
    this.retryMs = o.retryMs ?? 1_000;
    this.application = o.application ?? feedApplication(o.schema);
    this.schema = o.schema;
  }

  start(): void {
    void this.connect();
  }

  /** Resolves once the feed listens (or `ms` passed); for tests and start-up checks. */
  async ready(ms = 5_000): Promise<boolean> {
    const until = Date.now() + ms;
    while (!this.cache.enabled && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    return this.cache.enabled;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.url,
      keepAlive: true,
      // Named, so that an operator (or a fault-injection test) can find it in pg_stat_activity.
      application_name: this.application,
      connectionTimeoutMillis: this.timeoutMs + 1_000,
      ...(this.schema ? { options: `-c search_path=${this.schema}` } : {}),
    });
    client.on('error', (err) => this.down(client, err));
    client.on('end', () => this.down(client, new Error('connection ended')));
    client.on('notification', (n) => {
      // Another schema's change is another deployment's; anything unnamed counts.
      if (this.own === null || !n.payload || n.payload === this.own) this.cache.clear();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${ACTOR_CHANNEL}`);
      const { rows } = await client.query<{ s: string | null }>('select current_schema() as s');
      this.own = rows[0]?.s ?? null;
      if (this.stopped) {
        await client.end().catch(() => {});
        return;
      }
      this.client = client;
      this.cache.setLive(true);
      this.beat = setInterval(() => void this.heartbeat(client), this.heartbeatMs);
      this.beat.unref();
    } catch (err) {
      this.down(client, err);
    }
  }

  private async heartbeat(client: pg.Client): Promise<void> {
    // One at a time: a beat still waiting (a stalled backend) is what decides, and pg would
    // only queue a second query behind it (deprecated in pg 8, an error in pg 9).
    if (this.beating) return;
    this.beating = true;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('heartbeat timed out')), this.timeoutMs);
    });
    try {
      await Promise.race([client.query('SELECT 1'), late]);
    } catch (err) {
      this.down(client, err);
    } finally {
      clearTimeout(timer);
      this.beating = false;
    }
  }

  private down(client: pg.Client, err: unknown): void {
    // Errors of a connection already given up on (its 'end' after its 'error').
    if (this.client !== null && this.client !== client) return;
    const wasLive = this.cache.enabled;
    this.cache.setLive(false);
    this.client = null;
    if (this.beat) clearInterval(this.beat);
    this.beat = null;
    client.removeAllListeners('notification');
    client.removeAllListeners('end');
    // Further errors of this client are expected while it closes.
    client.removeAllListeners('error');
    client.on('error', () => {});
    client.end().catch(() => {});
    if (this.stopped) return;
    if (wasLive) this.onError('会话变更通知连接断开，暂停会话缓存并重连', err);
    if (!this.retry) {
      this.retry = setTimeout(() => {
        this.retry = null;
        void this.connect();
      }, this.retryMs);
      this.retry.unref();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cache.setLive(false);
    if (this.beat) clearInterval(this.beat);
    if (this.retry) clearTimeout(this.retry);
    const c = this.client;
    this.client = null;
    if (c) {
      c.removeAllListeners('end');
      await c.end().catch(() => {});
    }
  }
}
