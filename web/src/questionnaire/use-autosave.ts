import type { Answers } from '@zhiping/forms';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, isStale } from '../api/client.ts';
import type { Saved } from '../api/types.ts';
import { applyChanges, diffAnswers } from './diff-answers.ts';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; error: ApiError | Error }
  | { kind: 'conflict'; error: ApiError; currentRevision: number | null };

export interface SaveBody {
  revision: number;
  answers: Answers;
  position: string | null;
}

export interface AutosaveOptions {
  /** The form's current answers and step; a change schedules a save. */
  answers: Answers;
  position: string | null;
  /** The server's copy when the page loaded. */
  initial: { answers: Answers; revision: number; position: string | null };
  save: (body: SaveBody) => Promise<Saved>;
  /** Ids whose current value would be refused (shown inline instead, sent once fixed). */
  holdBack?: (changed: Answers) => ReadonlySet<string>;
  delay?: number;
  /** False for a read-only view: nothing is ever sent. */
  enabled?: boolean;
}

export interface Autosave {
  state: SaveState;
  /** How many changed answers are held back as malformed. */
  heldBack: number;
  revision: number;
  /** The revision right now, for callers inside an async flow (state lags a render). */
  revisionNow: () => number;
  /** Local changes the server does not have yet (null = cleared). */
  unsaved: () => Answers;
  /** Saves now; resolves true when nothing is left unsaved. */
  flush: () => Promise<boolean>;
  /** Adopts a fresh server copy as the new base, e.g. after a conflict. */
  rebase: (answers: Answers, revision: number, position: string | null) => void;
}

/**
 * Debounced autosave that sends only what changed, with the revision it was
 * based on. One request at a time; edits made during a save go in the next
 * one. A 409 stops saving until the caller rebases: nothing is overwritten.
 */
export function useAutosave(opts: AutosaveOptions): Autosave {
  const { delay = 800 } = opts;
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [revision, setRevision] = useState(opts.initial.revision);
  const [heldBack, setHeldBack] = useState(0);
  const latest = useRef(opts);
  latest.current = opts;
  const base = useRef({ answers: opts.initial.answers, position: opts.initial.position });
  const rev = useRef(opts.initial.revision);
  const stateRef = useRef(state);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const alive = useRef(true);

  // Only a change of kind re-renders ('saved' always: it carries a new time).
  // Every keystroke passes through here; a needless render per key is felt.
  const set = useCallback((s: SaveState) => {
    if (s.kind === stateRef.current.kind && s.kind !== 'saved') return;
    stateRef.current = s;
    if (alive.current) setState(s);
  }, []);

  /** What a save would send now, without the held-back (invalid) answers. */
  const pending = useCallback(() => {
    const { answers, position, holdBack } = latest.current;
    const changed = diffAnswers(base.current.answers, answers);
    const held = holdBack?.(changed) ?? new Set<string>();
    for (const id of held) delete changed[id];
    if (alive.current) setHeldBack(held.size);
    const moved = position !== base.current.position;
    return { changed, position, any: moved || Object.keys(changed).length > 0 };
  }, []);

  const run = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) {
      await inFlight.current;
      return run();
    }
    const k = stateRef.current.kind;
    if (k === 'conflict' || latest.current.enabled === false) return false;
    const p = pending();
    if (!p.any) return k !== 'error';
    const body: SaveBody = { revision: rev.current, answers: p.changed, position: p.position };
    set({ kind: 'saving' });
    const attempt = (async () => {
      try {
        const saved = await latest.current.save(body);
        base.current = {
          answers: applyChanges(base.current.answers, body.answers),
          position: body.position,
        };
        rev.current = saved.revision;
        if (alive.current) setRevision(saved.revision);
        set({ kind: 'saved', at: new Date() });
        return true;
      } catch (e) {
        if (isStale(e)) {
          const cur = e.body.currentRevision;
          set({
            kind: 'conflict',
            error: e,
            currentRevision: typeof cur === 'number' ? cur : null,
          });
        } else {
          set({ kind: 'error', error: e instanceof Error ? e : new Error(String(e)) });
        }
        return false;
      }
    })();
    inFlight.current = attempt;
    const ok = await attempt;
    inFlight.current = null;
    // Edits made while the request was out are saved straight after it.
    if (ok && pending().any) return run();
    return ok;
  }, [pending, set]);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void run();
    }, delay);
  }, [delay, run]);

  // Every change of answers or step (re)starts the debounce.
  // biome-ignore lint/correctness/useExhaustiveDependencies: answers/position are the triggers; their values are read through `latest`.
  useEffect(() => {
    const k = stateRef.current.kind;
    if (k === 'conflict' || k === 'saving' || latest.current.enabled === false) return;
    if (pending().any) {
      set({ kind: 'pending' });
      schedule();
    } else if (k === 'pending') {
      if (timer.current) clearTimeout(timer.current);
      set({ kind: 'idle' });
    }
  }, [opts.answers, opts.position, pending, schedule, set]);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const ok = await run();
    return ok && !pending().any;
  }, [run, pending]);

  const unsaved = useCallback(() => diffAnswers(base.current.answers, latest.current.answers), []);

  const rebase = useCallback(
    (answers: Answers, revision: number, position: string | null) => {
      if (timer.current) clearTimeout(timer.current);
      base.current = { answers, position };
      rev.current = revision;
      setRevision(revision);
      set({ kind: 'idle' });
    },
    [set],
  );

  const revisionNow = useCallback(() => rev.current, []);
  return { state, heldBack, revision, revisionNow, unsaved, flush, rebase };
}
