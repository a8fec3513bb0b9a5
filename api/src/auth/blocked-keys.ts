/**
 * Login keys this process has seen refused, until their window ends: a
 * flood from a blocked address or against a locked account is answered
 * from memory, without touching the database. Only ever a shortcut to a
 * refusal the database already made; the database stays the one truth for
 * what is allowed, shared by every process.
 */
export class BlockedKeys {
  private readonly until = new Map<string, number>();

  block(key: string, untilMs: number): void {
    this.until.set(key, untilMs);
    if (this.until.size > 10_000) this.sweep(Date.now());
  }

  /** Seconds until `key` may try again, or 0. */
  waitFor(key: string, nowMs: number): number {
    const t = this.until.get(key);
    if (t === undefined) return 0;
    if (t <= nowMs) {
      this.until.delete(key);
      return 0;
    }
    return Math.max(1, Math.ceil((t - nowMs) / 1000));
  }

  forget(key: string): void {
    this.until.delete(key);
  }

  private sweep(nowMs: number): void {
    for (const [k, t] of this.until) if (t <= nowMs) this.until.delete(k);
  }
}
