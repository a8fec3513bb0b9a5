import { closeSync, fdatasync, openSync } from 'node:fs';

/**
 * Group commit for SQLite in WAL mode. With `synchronous = NORMAL` a commit
 * only writes the WAL into the page cache; before any write is acknowledged
 * we fsync the WAL file ourselves. Writes that commit while one fsync runs
 * share the next one, so a burst of autosaves costs one disk flush instead
 * of one each, and the flush runs off the event loop. The guarantee is the
 * same as `synchronous = FULL` for everything acknowledged.
 *
 * fdatasync, as SQLite itself uses on Linux: it flushes the data and what
 * reading it back needs (the size when the WAL grew), not the timestamps.
 * SQLite rewrites its WAL in place after a checkpoint, where fdatasync
 * took 0.4–1.5 ms at the median against 1.9–2.5 ms for fsync on this
 * kind of machine (measured under load, issue 15).
 */
export class WalSync {
  private fd: number | null = null;
  private running: Promise<void> | null = null;
  private next: {
    promise: Promise<void>;
    resolve: () => void;
    reject: (e: unknown) => void;
  } | null = null;

  constructor(
    private readonly walFile: string,
    /** The flush itself; replaceable so tests can count and delay flushes. */
    private readonly fsyncFd: (fd: number) => Promise<void> = (fd) =>
      new Promise((res, rej) => fdatasync(fd, (e) => (e ? rej(e) : res()))),
  ) {}

  /** Resolves once everything committed before the call is on disk. */
  sync(): Promise<void> {
    if (!this.running) {
      this.running = this.flush();
      return this.running;
    }
    // A flush is under way but may have started before our commit: wait for the next one.
    if (!this.next) {
      let resolve!: () => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      this.next = { promise, resolve, reject };
    }
    return this.next.promise;
  }

  private async flush(): Promise<void> {
    try {
      this.fd ??= openSync(this.walFile, 'r');
      await this.fsyncFd(this.fd);
    } finally {
      const waiting = this.next;
      this.next = null;
      this.running = waiting ? this.flush() : null;
      if (waiting) this.running?.then(waiting.resolve, waiting.reject);
    }
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
