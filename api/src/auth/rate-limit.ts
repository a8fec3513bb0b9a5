/**
 * A fixed-window counter per key (account + address), kept in memory. It
 * guards one process; with several processes behind a balancer each keeps
 * its own count, so the effective limit multiplies by the process count.
 */
export class RateLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds to wait when `key` is over its limit, else 0. */
  blockedFor(key: string): number {
    const h = this.hits.get(key);
    const t = this.now();
    if (!h || h.resetAt <= t) return 0;
    return h.count >= this.limit ? Math.ceil((h.resetAt - t) / 1000) : 0;
  }

  fail(key: string): void {
    const t = this.now();
    const h = this.hits.get(key);
    if (!h || h.resetAt <= t) this.hits.set(key, { count: 1, resetAt: t + this.windowMs });
    else h.count++;
    if (this.hits.size > 10_000) this.sweep(t);
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private sweep(t: number): void {
    for (const [k, h] of this.hits) if (h.resetAt <= t) this.hits.delete(k);
  }
}
