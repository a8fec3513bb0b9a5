import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import { DomainError } from '../domain/errors.ts';
import type { ReportInput, SourceInfo } from '../reports/index.ts';
import type { RenderTask } from '../reports/worker.ts';

export type ReportKind = RenderTask['kind'];

const CACHE_ENTRIES = 64;
const CACHE_BYTES = 128 * 1024 * 1024;

/**
 * Renders reports in a pool of worker threads, so the event loop keeps
 * answering while they render; caches them by content, so a second
 * download of the same round costs nothing; and lets each user have only
 * `perUser` renders under way (429 beyond).
 */
export class ReportRenderer {
  private pool: Tinypool | null = null;
  private readonly running = new Map<string, number>();
  private readonly cache = new Map<string, Uint8Array>();
  private cachedBytes = 0;
  private readonly inFlight = new Map<string, Promise<Uint8Array>>();

  constructor(
    private readonly threads: number,
    private readonly perUser: number,
  ) {}

  private poolOf(): Tinypool {
    this.pool ??= new Tinypool({
      // A JS entry that loads the TypeScript worker through tsx.
      filename: new URL('../reports/worker-entry.mjs', import.meta.url).href,
      minThreads: 1,
      maxThreads: Math.max(1, Math.min(this.threads, availableParallelism())),
      idleTimeout: 60_000,
      maxQueue: 500,
    });
    return this.pool;
  }

  /**
   * The report for `input`, from the cache when the same content was
   * rendered before (the time it was generated is not part of the key).
   */
  async render(
    kind: ReportKind,
    userId: string,
    input: ReportInput,
    sources: ReadonlyMap<string, SourceInfo>,
  ): Promise<Uint8Array> {
    // A published definition version never changes: its ref stands for it in the key.
    const { generatedAt: _, definition, ...content } = input;
    const ref = `${definition.id}@${definition.version}`;
    const key = `${kind}:${createHash('sha256')
      .update(JSON.stringify({ ...content, definition: ref }))
      .digest('hex')}`;
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const shared = this.inFlight.get(key);
    if (shared) return shared;
    const mine = this.running.get(userId) ?? 0;
    if (mine >= this.perUser) throw new DomainError('rate_limited', { retryAfter: 2 });
    this.running.set(userId, mine + 1);
    const task: RenderTask = { kind, input, sources };
    const job = (this.poolOf().run(task) as Promise<Uint8Array>)
      .catch((err: unknown) => {
        if (err instanceof Error && /queue is at limit/i.test(err.message))
          throw new DomainError('unavailable', { retryAfter: 5 });
        throw err;
      })
      .finally(() => {
        this.inFlight.delete(key);
        const n = (this.running.get(userId) ?? 1) - 1;
        if (n > 0) this.running.set(userId, n);
        else this.running.delete(userId);
      });
    this.inFlight.set(key, job);
    const bytes = await job;
    this.remember(key, bytes);
    return bytes;
  }

  private remember(key: string, bytes: Uint8Array): void {
    this.cache.set(key, bytes);
    this.cachedBytes += bytes.byteLength;
    for (const [k, v] of this.cache) {
      if (this.cache.size <= CACHE_ENTRIES && this.cachedBytes <= CACHE_BYTES) break;
      this.cache.delete(k);
      this.cachedBytes -= v.byteLength;
    }
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
    this.pool = null;
  }
}
