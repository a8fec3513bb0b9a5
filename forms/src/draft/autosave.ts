import type { Answers } from '../schema/answers.ts';
import { type AnswerConflict, mergeAnswers, type PendingDraft, pendingDraft } from './merge.ts';
import { type AnswerPatch, applyPatch, diffAnswers } from './patch.ts';

export {
  type AnswerConflict,
  type Merged,
  mergeAnswers,
  type PendingDraft,
  pendingDraft,
  restoreDraft,
} from './merge.ts';

/*
 * The questionnaire's autosave as a plain state machine, free of React and
 * HTTP (the way TanStack's MutationObserver sits under useMutation): the
 * caller reports what the respondent has now (`update`), injects how to
 * save and how to read a failure, and subscribes to the state. Time comes
 * from an injected scheduler, so tests drive it without waiting.
 *
 *   idle ──edit──▶ pending ──delay──▶ saving ──ok──▶ saved ──edit──▶ pending …
 *                    ▲                  │
 *                    │                  ├─ stale revision ─▶ (with `fetchLatest`) merged per item and sent again,
 *                    │                  │                    or conflict on items changed on both sides (waits for `resolve`)
 *                    │                  ├─ not editable ───▶ locked (nothing more is sent)
 *                    └──edit / retry ───┴─ other failure ──▶ error (transient ones retried with backoff)
 */

/** Timers and the clock, injected: the browser's in the app, a fake one in tests. */
export interface Scheduler {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

/** One save: the answers changed since `revision` (null clears), and where the respondent is. */
export interface SaveBody {
  revision: number;
  answers: AnswerPatch;
  position: string | null;
}

/** What a failed save means; the caller tells (e.g. from the HTTP problem type). */
export type SaveFailure =
  /** Someone saved in between: our revision is stale. */
  | { kind: 'stale'; currentRevision: number | null }
  /** The assessment is no longer editable (submitted, in review …). */
  | { kind: 'locked'; status: string | null }
  /** Worth trying again by itself: the network, an overloaded server. */
  | { kind: 'transient' }
  /** Refused as it is; sent again only after the next edit or an explicit retry. */
  | { kind: 'refused' };

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  /** `retryAt`: when the next attempt starts by itself, or null when it waits. */
  | { kind: 'error'; error: unknown; retryAt: number | null }
  | {
      kind: 'conflict';
      error: unknown;
      currentRevision: number | null;
      unsaved: AnswerPatch;
      /** Items changed here and elsewhere to different values (after a merge; empty without one). */
      conflicts: AnswerConflict[];
    }
  | { kind: 'locked'; error: unknown; status: string | null };

export interface AutosaveSnapshot {
  state: SaveState;
  /** The revision the server confirmed last. */
  revision: number;
  /** How many changed answers are held back (invalid; sent once fixed). */
  heldBack: number;
}

export interface AutosaveOptions {
  /** The server's copy the respondent started from. */
  answers: Answers;
  revision: number;
  position: string | null;
  save: (body: SaveBody) => Promise<{ revision: number }>;
  classify: (error: unknown) => SaveFailure;
  scheduler: Scheduler;
  /** Ids among the changed answers that must not be sent yet (the server would refuse them). */
  holdBack?: ((patch: AnswerPatch) => ReadonlySet<string>) | undefined;
  /** Quiet time after the last edit before saving, ms. Default 800. */
  delay?: number | undefined;
  /** Waits before the 1st, 2nd, … automatic retry of a transient failure; the last repeats. */
  retryDelays?: readonly number[] | undefined;
  /** False for a read-only view: nothing is ever sent. */
  enabled?: boolean | undefined;
  /**
   * The server's copy now. Given, a stale revision is merged per item with
   * the last acknowledged copy as the common base: one-sided changes merge
   * silently, only an item changed on both sides is a conflict.
   */
  fetchLatest?: (() => Promise<{ answers: Answers; revision: number }>) | undefined;
  /** Told which answers came from elsewhere in a merge (null clears): the view adopts them. */
  onRemote?: ((patch: AnswerPatch) => void) | undefined;
  /** Told the unsaved changes whenever they change (null: nothing unsaved), e.g. to keep them in storage. */
  persist?: ((draft: PendingDraft | null) => void) | undefined;
  /** Conflicts known at the start (a restored draft that met newer answers). */
  conflicts?: AnswerConflict[] | undefined;
}

/** The options a caller may change while the machine runs. */
export type AutosaveConfig = Pick<
  AutosaveOptions,
  'save' | 'classify' | 'holdBack' | 'enabled' | 'fetchLatest' | 'onRemote' | 'persist'
>;

const NONE: ReadonlySet<string> = new Set();
const DEFAULT_RETRY = [2_000, 5_000, 15_000, 30_000] as const;

/**
 * Debounced autosave that sends only what changed, with the revision it was
 * based on. One request at a time; edits made during a save go out straight
 * after it. A stale revision or a locked assessment stops saving: nothing
 * is overwritten, and the unsaved patch stays available (`unsaved`).
 *
 * @example
 * const a = new Autosave({ answers, revision: 3, position: null, save, classify, scheduler });
 * a.subscribe(() => render(a.getSnapshot()));
 * a.update({ ...answers, 'c5.policy': true }, 'c5'); // saved 800 ms later
 */
export class Autosave {
  #o: AutosaveOptions;
  #base: { answers: Answers; position: string | null };
  #latest: { answers: Answers; position: string | null };
  #revision: number;
  #snapshot: AutosaveSnapshot;
  #listeners = new Set<() => void>();
  #timer: unknown = null;
  #inFlight: Promise<boolean> | null = null;
  #failures = 0;

  constructor(options: AutosaveOptions) {
    this.#o = { ...options };
    this.#base = { answers: options.answers, position: options.position };
    this.#latest = this.#base;
    this.#revision = options.revision;
    this.#snapshot = { state: { kind: 'idle' }, revision: options.revision, heldBack: 0 };
    if (options.conflicts?.length)
      this.#snapshot.state = {
        kind: 'conflict',
        error: null,
        currentRevision: options.revision,
        unsaved: {},
        conflicts: options.conflicts,
      };
  }

  /** Swaps the injected functions (a React hook passes fresh closures each render). */
  configure(config: Partial<AutosaveConfig>): void {
    Object.assign(this.#o, config);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** The same object until something a caller shows changes (for useSyncExternalStore). */
  getSnapshot = (): AutosaveSnapshot => this.#snapshot;

  /** The revision right now (the snapshot's, without waiting for a render). */
  get revision(): number {
    return this.#revision;
  }

  /** Local changes the server does not have yet (null = cleared), held-back ones included. */
  unsaved(): AnswerPatch {
    return diffAnswers(this.#base.answers, this.#latest.answers);
  }

  /** The respondent's answers and step now; a change (re)starts the quiet period. */
  update(answers: Answers, position: string | null): void {
    const changed = answers !== this.#latest.answers;
    this.#latest = { answers, position };
    if (changed) this.#persist();
    const k = this.#snapshot.state.kind;
    // A save in flight picks up these edits when it returns.
    if (k === 'conflict' || k === 'locked' || k === 'saving' || this.#o.enabled === false) return;
    if (this.#pending().any) {
      this.#set({ kind: 'pending' });
      this.#schedule(this.#o.delay ?? 800);
    } else if (k === 'pending') {
      this.#cancel();
      this.#set({ kind: 'idle' });
    }
  }

  /** Saves now; resolves true when nothing sendable is left unsaved. */
  async flush(): Promise<boolean> {
    this.#cancel();
    const ok = await this.#run();
    return ok && !this.#pending().any;
  }

  /** Adopts a fresh server copy as the new base, e.g. to leave a conflict. */
  rebase(answers: Answers, revision: number, position: string | null): void {
    this.#cancel();
    this.#base = { answers, position };
    this.#revision = revision;
    this.#failures = 0;
    this.#set({ kind: 'idle' });
    this.#persist();
  }

  /**
   * Settles a merge conflict item by item ('mine' keeps this side's value,
   * 'theirs' takes the other's; an item not named keeps mine) and saves.
   */
  resolve(choices: Readonly<Record<string, 'mine' | 'theirs'>>): void {
    const s = this.#snapshot.state;
    if (s.kind !== 'conflict') return;
    const taken: AnswerPatch = {};
    for (const c of s.conflicts) {
      const v = choices[c.id] === 'theirs' ? c.theirs : c.mine;
      taken[c.id] = v === undefined ? null : v;
    }
    if (Object.keys(taken).length > 0) {
      this.#latest = {
        answers: applyPatch(this.#latest.answers, taken),
        position: this.#latest.position,
      };
      this.#o.onRemote?.(taken);
    }
    this.#set({ kind: 'idle' });
    this.#persist();
    if (this.#pending().any) {
      this.#set({ kind: 'pending' });
      this.#schedule(0);
    }
  }

  /** Whether anything typed is not on the server yet (held-back answers included). */
  get dirty(): boolean {
    return Object.keys(this.unsaved()).length > 0;
  }

  /** Stops the timer (the view went away); a save in flight still completes. */
  dispose(): void {
    this.#cancel();
  }

  /** What a save would send now, without the held-back answers. */
  #pending() {
    const patch = diffAnswers(this.#base.answers, this.#latest.answers);
    const held = this.#o.holdBack?.(patch) ?? NONE;
    for (const id of held) delete patch[id];
    if (held.size !== this.#snapshot.heldBack)
      this.#publish({ ...this.#snapshot, heldBack: held.size });
    // A move to another step alone is never written (it would bump the
    // revision and raise false conflicts elsewhere); it rides with answers.
    const position = this.#latest.position;
    const any = Object.keys(patch).length > 0;
    return { patch, position, any };
  }

  async #run(): Promise<boolean> {
    if (this.#inFlight) {
      await this.#inFlight;
      return this.#run();
    }
    const k = this.#snapshot.state.kind;
    if (k === 'conflict' || k === 'locked' || this.#o.enabled === false) return false;
    const p = this.#pending();
    if (!p.any) {
      if (k === 'pending' || k === 'error') this.#set({ kind: 'idle' });
      return true;
    }
    const body: SaveBody = { revision: this.#revision, answers: p.patch, position: p.position };
    this.#set({ kind: 'saving' });
    this.#inFlight = this.#send(body);
    const ok = await this.#inFlight;
    this.#inFlight = null;
    // Edits made while the request was out are saved straight after it.
    if (ok && this.#pending().any) return this.#run();
    return ok;
  }

  async #send(body: SaveBody): Promise<boolean> {
    try {
      const saved = await this.#o.save(body);
      this.#base = {
        answers: applyPatch(this.#base.answers, body.answers),
        position: body.position,
      };
      this.#revision = saved.revision;
      this.#failures = 0;
      this.#persist();
      this.#set({ kind: 'saved', at: this.#o.scheduler.now() });
      return true;
    } catch (error) {
      const f = this.#o.classify(error);
      if (f.kind === 'stale' && this.#o.fetchLatest) return this.#merge(error);
      if (f.kind === 'stale')
        this.#set({
          kind: 'conflict',
          error,
          currentRevision: f.currentRevision,
          unsaved: this.unsaved(),
          conflicts: [],
        });
      else if (f.kind === 'locked') this.#set({ kind: 'locked', error, status: f.status });
      else this.#failed(error, f);
      return false;
    }
  }

  /** Someone saved meanwhile: merge with their copy; send again unless an item needs a choice. */
  async #merge(error: unknown): Promise<boolean> {
    let latest: { answers: Answers; revision: number };
    try {
      latest = await (this.#o.fetchLatest as NonNullable<AutosaveOptions['fetchLatest']>)();
    } catch (e) {
      const f = this.#o.classify(e);
      if (f.kind === 'locked') this.#set({ kind: 'locked', error: e, status: f.status });
      else this.#failed(e, f);
      return false;
    }
    const m = mergeAnswers(this.#base.answers, this.#latest.answers, latest.answers);
    const mine: AnswerPatch = {};
    for (const c of m.conflicts) mine[c.id] = c.mine === undefined ? null : c.mine;
    this.#base = { answers: latest.answers, position: this.#base.position };
    this.#revision = latest.revision;
    this.#latest = { answers: applyPatch(m.answers, mine), position: this.#latest.position };
    if (Object.keys(m.remote).length > 0) this.#o.onRemote?.(m.remote);
    this.#persist();
    if (m.conflicts.length > 0) {
      this.#set({
        kind: 'conflict',
        error,
        currentRevision: latest.revision,
        unsaved: this.unsaved(),
        conflicts: m.conflicts,
      });
      return false;
    }
    this.#set({ kind: 'pending' });
    return true;
  }

  #failed(error: unknown, f: SaveFailure): void {
    if (f.kind === 'transient') {
      const waits = this.#o.retryDelays ?? DEFAULT_RETRY;
      const wait = waits[Math.min(this.#failures, waits.length - 1)] ?? 0;
      this.#failures++;
      this.#schedule(wait);
      this.#set({ kind: 'error', error, retryAt: this.#o.scheduler.now() + wait });
    } else this.#set({ kind: 'error', error, retryAt: null });
  }

  #persist(): void {
    if (!this.#o.persist) return;
    this.#o.persist(
      pendingDraft(
        this.#revision,
        this.#base.answers,
        diffAnswers(this.#base.answers, this.#latest.answers),
      ),
    );
  }

  #schedule(ms: number): void {
    this.#cancel();
    this.#timer = this.#o.scheduler.setTimeout(() => {
      this.#timer = null;
      void this.#run();
    }, ms);
  }

  #cancel(): void {
    if (this.#timer !== null) this.#o.scheduler.clearTimeout(this.#timer);
    this.#timer = null;
  }

  // Every keystroke passes through `update`: only a change a caller shows is
  // published ('saved' always, it carries a new time), so a view re-renders
  // on a change of state, not per key.
  #set(state: SaveState): void {
    const prev = this.#snapshot;
    if (state.kind === prev.state.kind && state.kind === 'idle' && prev.revision === this.#revision)
      return;
    if (state.kind === prev.state.kind && (state.kind === 'pending' || state.kind === 'saving'))
      return;
    this.#publish({ ...prev, state, revision: this.#revision });
  }

  #publish(next: AutosaveSnapshot): void {
    this.#snapshot = next;
    for (const l of this.#listeners) l();
  }
}
