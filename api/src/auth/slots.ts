/**
 * A counting semaphore: at most `size` holders at once, the rest wait in
 * order. Password hashing takes a slot so that a login flood cannot take
 * every libuv thread from the file-system work that acknowledges saves
 * (the WAL fsync, evidence writes).
 */
export class Slots {
  private used = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {}

  /** Tasks started so far (how many hashes a login cost, in tests). */
  started = 0;

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.used >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.used++;
    this.started++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.used--;
    }
  }

  /** How many wait for a slot now. */
  get queued(): number {
    return this.waiting.length;
  }
}
