import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/*
 * SQLite copies its WAL back into the database file ("checkpoints") in the
 * connection that commits, by default every 1,000 pages, and then flushes
 * the database file: a synchronous stall of the event loop, every request
 * waiting behind it (a CPU profile of autosaves under load: 10.6 % of the
 * event loop in that flush; issue 15). Here the serving connection never
 * checkpoints (`wal_autocheckpoint = 0`); a worker thread with a
 * connection of its own does, in PASSIVE mode, which never blocks a writer
 * or a reader. With `synchronous = NORMAL` SQLite syncs the WAL before a
 * checkpoint and the database file after it, so durability is unchanged:
 * everything acknowledged was already in the synced WAL (wal-sync.ts).
 *
 * A passive checkpoint that runs beside writes may not catch up with them;
 * the WAL then grows instead of starting over. Past `restartFrames` frames
 * the next checkpoint is a RESTART, which waits for the writer and makes
 * the next write start the WAL from the beginning. Should the worker die,
 * the serving connection takes checkpointing back (the default).
 */

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
db.pragma('synchronous = NORMAL');
db.pragma('wal_autocheckpoint = 0');
parentPort.on('message', (mode) => {
  if (mode === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [r] = db.pragma('wal_checkpoint(' + mode + ')');
    parentPort.postMessage({ ok: true, busy: r.busy, log: r.log, checkpointed: r.checkpointed });
  } catch (e) {
    parentPort.postMessage({ ok: false, error: String((e && e.message) || e) });
  }
});
`;

export interface CheckpointResult {
  ok: boolean;
  busy?: number;
  log?: number;
  checkpointed?: number;
  error?: string;
}

export interface CheckpointerOptions {
  /** Commits between checkpoints. */
  every?: number;
  /** WAL frames beyond which the next checkpoint is a RESTART. */
  restartFrames?: number;
  busyTimeoutMs?: number;
  onError?: (msg: string, err: unknown) => void;
}

export class Checkpointer {
  private readonly worker: Worker;
  private commits = 0;
  private running: Promise<CheckpointResult> | null = null;
  private restart = false;
  private dead = false;
  private closing = false;
  private readonly every: number;
  private readonly restartFrames: number;
  private readonly onError: (msg: string, err: unknown) => void;
  private waiting: ((r: CheckpointResult) => void) | null = null;

  constructor(
    private readonly serving: SQLite.Database,
    file: string,
    o: CheckpointerOptions = {},
  ) {
    this.every = o.every ?? 64;
    this.restartFrames = o.restartFrames ?? 16_384;
    this.onError = o.onError ?? (() => {});
    serving.pragma('wal_autocheckpoint = 0');
    this.worker = new Worker(WORKER, {
      eval: true,
      workerData: {
        file,
        driver: createRequire(import.meta.url).resolve('better-sqlite3'),
        busyTimeoutMs: o.busyTimeoutMs ?? 5_000,
      },
    });
    this.worker.unref();
    this.worker.on('message', (r: CheckpointResult) => {
      const done = this.waiting;
      this.waiting = null;
      done?.(r);
    });
    this.worker.on('error', (err) => this.fallBack(err));
    this.worker.on('exit', (code) => {
      if (!this.closing) this.fallBack(new Error(`checkpoint worker exited (${code})`));
    });
  }

  /** Whether checkpoints run in the worker (false once it died and the serving connection took over). */
  get active(): boolean {
    return !this.dead;
  }

  /** Called after each acknowledged write: every `every` commits, a checkpoint in the background. */
  committed(): void {
    if (this.dead || this.closing) return;
    this.commits++;
    if (this.commits >= this.every && !this.running) void this.checkpoint();
  }

  /** Runs a checkpoint now (or waits for the one under way); resolves with SQLite's figures. */
  checkpoint(): Promise<CheckpointResult> {
    if (this.running) return this.running;
    if (this.dead) return Promise.resolve({ ok: false, error: 'checkpoint worker gone' });
    this.commits = 0;
    const mode = this.restart ? 'RESTART' : 'PASSIVE';
    this.running = new Promise<CheckpointResult>((resolve) => {
      this.waiting = resolve;
      this.worker.postMessage(mode);
    }).then((r) => {
      this.running = null;
      if (!r.ok) this.onError('WAL 检查点失败，稍后重试', r.error);
      // The WAL's length in frames: this long, it has not started over for a
      // while (writes kept passing the checkpoint), so the next one restarts it.
      this.restart = (r.log ?? 0) > this.restartFrames;
      return r;
    });
    return this.running;
  }

  private fallBack(err: unknown): void {
    if (this.dead) return;
    this.dead = true;
    this.waiting?.({ ok: false, error: String(err) });
    this.waiting = null;
    this.running = null;
    try {
      this.serving.pragma('wal_autocheckpoint = 1000');
    } catch {
      // the serving connection is closing as well
    }
    this.onError('WAL 检查点线程退出，改由主连接检查点', err);
  }

  /** Ends the worker abruptly, as a crash of the thread would: for fault-injection tests. */
  crashForTest(): Promise<number> {
    return this.worker.terminate();
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    await this.running;
    if (this.dead) return;
    const exited = new Promise<void>((r) => this.worker.once('exit', () => r()));
    this.worker.postMessage('close');
    const timer = setTimeout(() => void this.worker.terminate(), 5_000);
    await exited;
    clearTimeout(timer);
  }
}
