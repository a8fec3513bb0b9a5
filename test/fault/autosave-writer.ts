import type { ApiClient } from '../support/api-client.ts';
import type { ReadOnlyDb } from '../support/sqlite.ts';

/** The evidence item every save rewrites: its note names the save, so a stored value points at one save. */
export const NOTE_ITEM = 'c7.1.budget-evidence';
/** Written in the same save: the right note with the wrong flag would be half a save. */
export const FLAG_ITEM = 'pre.penalty';

interface Save {
  note: string;
  flag: boolean;
}

/** An assessment's state as one source (the API or the file) reports it. */
export interface Stored {
  revision: number;
  answers: Record<string, unknown>;
  /** `detail.revision` of every 'saved' audit entry, in log order. */
  savedRevisions: number[];
}

export interface Verdict {
  /** Acknowledged saves that are not in the store (revision gone, or no audit entry). */
  lost: number;
  problems: string[];
}

/**
 * One assessment and the one client that autosaves to it, a save at a
 * time, each from the revision the previous answer returned. It remembers
 * every save it sent by the revision that save would create, and which of
 * them were acknowledged (200), so any stored state can be traced to
 * exactly one save.
 */
export class Writer {
  /** The revision the next save is made from. */
  revision: number;
  /** Every save sent, by the revision it creates if it lands. */
  private readonly sent = new Map<number, Save>();
  /** Acknowledged saves, by revision: these must survive. */
  private readonly acked = new Map<number, Save>();
  /** Acknowledged saves over the whole run. */
  ackCount = 0;
  /** Answers that were neither 200 nor a dropped connection. */
  readonly unexpected: string[] = [];
  private seq = 0;

  constructor(
    readonly id: string,
    readonly createdRevision: number,
    readonly name: string,
  ) {
    this.revision = createdRevision;
  }

  /** The highest acknowledged revision (the creation's if none). */
  get highestAcked(): number {
    return Math.max(this.createdRevision, ...this.acked.keys());
  }

  /** Saves one after another while `keepGoing()`, until the server goes away. */
  async stream(api: ApiClient, keepGoing: () => boolean): Promise<void> {
    while (keepGoing()) {
      const seq = ++this.seq;
      const save = { note: `${this.name} #${seq}`, flag: seq % 2 === 0 };
      const from = this.revision;
      this.sent.set(from + 1, save);
      let r: { status: number; body: { revision?: number } };
      try {
        r = await api.call('PATCH', `/api/assessments/${this.id}`, {
          revision: from,
          answers: {
            [NOTE_ITEM]: { files: [], ref: `自动保存 ${this.name}`, note: save.note },
            [FLAG_ITEM]: save.flag,
          },
        });
      } catch {
        return; // the server went away: this save is unacknowledged, it may or may not be stored
      }
      if (r.status !== 200 || r.body.revision !== from + 1) {
        this.unexpected.push(`${save.note}: ${r.status} ${JSON.stringify(r.body)}`);
        return;
      }
      this.acked.set(from + 1, save);
      this.ackCount++;
      this.revision = from + 1;
    }
  }

  /** Answers by status over the run (streamThroughFaults). */
  readonly statuses: Record<string, number> = {};

  /**
   * Saves one after another while `keepGoing()`, through database and disk
   * faults: a 503, a 507 (or a dropped connection) is not an acknowledgement, so the writer
   * waits, reads what is stored (the save may have landed unacknowledged)
   * and carries on from there. Anything but 200, 503, 507 or a 409 after such a
   * fault is recorded as unexpected.
   */
  async streamThroughFaults(api: ApiClient, keepGoing: () => boolean): Promise<void> {
    let afterFault = false;
    while (keepGoing()) {
      const seq = ++this.seq;
      const save = { note: `${this.name} #${seq}`, flag: seq % 2 === 0 };
      const from = this.revision;
      this.sent.set(from + 1, save);
      let r: { status: number; body: { revision?: number } } | null = null;
      try {
        r = await api.call('PATCH', `/api/assessments/${this.id}`, {
          revision: from,
          answers: {
            [NOTE_ITEM]: { files: [], ref: `自动保存 ${this.name}`, note: save.note },
            [FLAG_ITEM]: save.flag,
          },
        });
      } catch {
        r = null;
      }
      const key = r ? String(r.status) : 'dropped';
      this.statuses[key] = (this.statuses[key] ?? 0) + 1;
      if (r?.status === 200 && r.body.revision === from + 1) {
        this.acked.set(from + 1, save);
        this.ackCount++;
        this.revision = from + 1;
        afterFault = false;
        continue;
      }
      if (r && r.status !== 503 && r.status !== 507 && !(r.status === 409 && afterFault)) {
        this.unexpected.push(`${save.note}: ${r.status} ${JSON.stringify(r.body)}`);
        return;
      }
      afterFault = true;
      this.revision = await this.storedRevision(api, keepGoing);
    }
  }

  /** What the server has stored now, retried until it answers. */
  private async storedRevision(api: ApiClient, keepGoing: () => boolean): Promise<number> {
    for (;;) {
      await new Promise((res) => setTimeout(res, 50));
      try {
        const r = await api.call<{ revision?: number }>('GET', `/api/assessments/${this.id}`);
        if (r.status === 200 && typeof r.body.revision === 'number') return r.body.revision;
      } catch {
        // still down
      }
      if (!keepGoing()) return this.revision;
    }
  }

  /**
   * Judges a stored state against what was sent and acknowledged:
   * - the revision is at least `floor` (the highest acknowledged revision,
   *   or for a backup the highest acknowledged when it began) and no more
   *   than the last save sent;
   * - the answers are exactly those of the save that made that revision
   *   (note and flag together);
   * - the audit log has one 'saved' entry for each revision from creation
   *   to the stored one, no gaps, no extras: written in the same
   *   transaction as the answers, so it must agree with them.
   */
  check(stored: Stored, floor: number = this.highestAcked): Verdict {
    const problems: string[] = [];
    const at = `${this.name} (${this.id})`;
    const lostRevs = new Set<number>();
    for (const r of this.acked.keys()) if (r <= floor && r > stored.revision) lostRevs.add(r);
    if (stored.revision < floor)
      problems.push(`${at}: stored revision ${stored.revision} < acknowledged ${floor}`);
    const lastSent = Math.max(this.createdRevision, ...this.sent.keys());
    if (stored.revision > lastSent)
      problems.push(`${at}: stored revision ${stored.revision} > last sent ${lastSent}`);

    if (stored.revision > this.createdRevision) {
      const expected = this.sent.get(stored.revision);
      const note = (stored.answers[NOTE_ITEM] as { note?: string } | undefined)?.note;
      const flag = stored.answers[FLAG_ITEM];
      if (!expected || note !== expected.note || flag !== expected.flag) {
        problems.push(
          `${at}: revision ${stored.revision} holds ${JSON.stringify({ note, flag })}, expected ${JSON.stringify(expected)}`,
        );
        if (this.acked.has(stored.revision)) lostRevs.add(stored.revision);
      }
    }

    const want = Array.from(
      { length: Math.max(0, stored.revision - this.createdRevision) },
      (_, i) => this.createdRevision + 1 + i,
    );
    const got = [...stored.savedRevisions].sort((a, b) => a - b);
    if (JSON.stringify(got) !== JSON.stringify(want))
      problems.push(
        `${at}: audit 'saved' revisions ${compact(got)} do not match revisions ${compact(want)}`,
      );
    const audited = new Set(got);
    for (const r of this.acked.keys()) if (r <= floor && !audited.has(r)) lostRevs.add(r);
    if (lostRevs.size > 0)
      problems.push(
        `${at}: acknowledged revisions lost: ${compact([...lostRevs].sort((a, b) => a - b))}`,
      );
    return { lost: lostRevs.size, problems };
  }

  /** After a restart, carry on from what is stored (an unacknowledged save may have landed). */
  resync(storedRevision: number): void {
    this.revision = storedRevision;
    for (const r of [...this.acked.keys()]) if (r > storedRevision) this.acked.delete(r);
    for (const r of [...this.sent.keys()]) if (r > storedRevision) this.sent.delete(r);
  }
}

/** `1–40` for a run, so a problem report stays short. */
function compact(xs: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < xs.length; ) {
    let j = i;
    while (j + 1 < xs.length && xs[j + 1] === (xs[j] ?? 0) + 1) j++;
    parts.push(i === j ? `${xs[i]}` : `${xs[i]}–${xs[j]}`);
    i = j + 1;
  }
  return `[${parts.join(', ')}]`;
}

/** The state as the server reports it, after a restart. */
export async function storedViaApi(api: ApiClient, id: string): Promise<Stored> {
  const a = await api.ok<{ revision: number; answers: Record<string, unknown> }>(
    'GET',
    `/api/assessments/${id}`,
  );
  const log = await api.ok<{ action: string; detail: { revision?: number } }[]>(
    'GET',
    `/api/assessments/${id}/audit`,
  );
  return {
    revision: a.revision,
    answers: a.answers,
    savedRevisions: log.filter((e) => e.action === 'saved').map((e) => Number(e.detail.revision)),
  };
}

/** The state read straight from a database file, by SQL, with no server code. */
export function storedInFile(db: ReadOnlyDb, id: string): Stored {
  const row = db.prepare('SELECT revision, answers FROM assessments WHERE id = ?').get(id) as
    | { revision: number; answers: string }
    | undefined;
  if (!row) throw new Error(`assessment ${id} is not in the file`);
  const saved = db
    .prepare("SELECT detail FROM audit_log WHERE assessment_id = ? AND action = 'saved'")
    .all(id) as { detail: string }[];
  return {
    revision: row.revision,
    answers: JSON.parse(row.answers) as Record<string, unknown>,
    savedRevisions: saved.map((s) =>
      Number((JSON.parse(s.detail) as { revision: number }).revision),
    ),
  };
}

/** What a fault did to a set of writers: acknowledged saves, those lost, and every answer status seen. */
export interface Tally {
  acked: number;
  lost: number;
  problems: string[];
  statuses: Record<string, number>;
}

/** Checks every writer's acknowledged saves against what the API now serves, and adds them up. */
export async function tally(writers: readonly Writer[], api: ApiClient): Promise<Tally> {
  const out: Tally = { acked: 0, lost: 0, problems: [], statuses: {} };
  for (const w of writers) {
    const v = w.check(await storedViaApi(api, w.id));
    out.lost += v.lost;
    out.problems.push(...v.problems);
    out.acked += w.ackCount;
    for (const [k, n] of Object.entries(w.statuses)) out.statuses[k] = (out.statuses[k] ?? 0) + n;
  }
  return out;
}

/** Polls `/api/health` until the server is ready again: whether it became so, and how long it took. */
export async function waitReady(
  url: string,
  limitMs = 15_000,
): Promise<{ ready: boolean; ms: number }> {
  const from = performance.now();
  let ready = false;
  while (!ready && performance.now() - from < limitMs) {
    ready = (await fetch(`${url}/api/health`)).ok;
    if (!ready) await new Promise((r) => setTimeout(r, 100));
  }
  return { ready, ms: performance.now() - from };
}
