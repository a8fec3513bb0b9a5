import type { Answers, AssessmentStatus } from '@zhiping/forms';
import type { SelfModel } from './read-model.ts';

/*
 * What the last save (or read) of a draft left, by assessment id, so that
 * the next save from the same revision needs no read before its one
 * conditional write, and a GET of it sends the result computed by that save. Safe with several processes: an entry is used only for
 * the revision it holds, and the write itself is conditional on that
 * revision, so a save that landed elsewhere turns an entry's use into a
 * 409, never into a lost update. Bounded: the oldest entries go first.
 */

export interface DraftEntry {
  orgId: string;
  status: AssessmentStatus;
  revision: number;
  definitionRef: string;
  asOf: string;
  answers: Answers;
  /**
   * The self result at this revision (what a GET sends and a save's delta
   * is measured from); null when not computed in this process.
   */
  self: SelfModel | null;
  /**
   * The owner's GET of this revision as sent, encoded once: a reread (the
   * questionnaire refetches on focus, a second tab) costs a lookup, not a
   * 66 KB JSON build and UTF-8 encoding. Keyed by the ETag, which names
   * the reader as well as the revision.
   */
  view?: { etag: string; body: Uint8Array<ArrayBuffer> };
}

export class DraftCache {
  private readonly entries = new Map<string, DraftEntry>();

  // About 100 KB an entry with its result: a few hundred open questionnaires.
  constructor(private readonly capacity = 300) {}

  /** The entry when it is at `revision`; a miss otherwise. */
  at(id: string, revision: number): DraftEntry | undefined {
    const e = this.entries.get(id);
    if (!e || e.revision !== revision) return undefined;
    // Map order is insertion order: re-inserting marks it recently used.
    this.entries.delete(id);
    this.entries.set(id, e);
    return e;
  }

  put(id: string, entry: DraftEntry): void {
    this.entries.delete(id);
    this.entries.set(id, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  drop(id: string): void {
    this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }
}

/*
 * One cache per database handle rather than a field of Deps: it is derived
 * state of that database's rows, and dies with the handle (tests open many).
 */
const caches = new WeakMap<object, DraftCache>();

export function draftCacheFor(db: object): DraftCache {
  let c = caches.get(db);
  if (!c) {
    c = new DraftCache();
    caches.set(db, c);
  }
  return c;
}
