import {
  type AnswerPatch,
  type Answers,
  Autosave as AutosaveMachine,
  type AutosaveSnapshot,
  type SaveBody,
  type SaveFailure,
  type SaveState,
  type Scheduler,
} from '@zhiping/forms';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { ApiError, isStale, isWrongState } from '../api/client.ts';

export type { SaveBody, SaveState };

/** The browser's timers and clock, for the autosave machine. */
const browser: Scheduler = {
  setTimeout: (run, ms) => window.setTimeout(run, ms),
  clearTimeout: (h) => window.clearTimeout(h as number),
  now: () => Date.now(),
};

/** What a failed save means, from the API's problem type (a 409 is not always a conflict). */
export function classifySaveError(e: unknown): SaveFailure {
  if (isStale(e)) {
    const cur = e.body.currentRevision;
    return { kind: 'stale', currentRevision: typeof cur === 'number' ? cur : null };
  }
  if (isWrongState(e)) {
    const status = e.body.assessmentStatus;
    return { kind: 'locked', status: typeof status === 'string' ? status : null };
  }
  // No answer (status 0), a timeout, too many requests or a server fault: it may pass.
  if (e instanceof ApiError && (e.status === 0 || e.status === 408 || e.status === 429))
    return { kind: 'transient' };
  if (e instanceof ApiError && e.status >= 500) return { kind: 'transient' };
  return { kind: 'refused' };
}

export interface AutosaveOptions {
  /** The form's current answers and step; a change schedules a save. */
  answers: Answers;
  position: string | null;
  /** The server's copy when the page loaded. */
  initial: { answers: Answers; revision: number; position: string | null };
  save: (body: SaveBody) => Promise<{ revision: number }>;
  /** Ids whose current value would be refused (shown inline instead, sent once fixed). */
  holdBack?: (changed: AnswerPatch) => ReadonlySet<string>;
  delay?: number | undefined;
  /** False for a read-only view: nothing is ever sent. */
  enabled?: boolean;
}

export interface Autosave extends AutosaveSnapshot {
  /** The revision right now, for callers inside an async flow (state lags a render). */
  revisionNow: () => number;
  /** Local changes the server does not have yet (null = cleared). */
  unsaved: () => AnswerPatch;
  /** Saves now; resolves true when nothing is left unsaved. */
  flush: () => Promise<boolean>;
  /** Adopts a fresh server copy as the new base, e.g. after a conflict. */
  rebase: (answers: Answers, revision: number, position: string | null) => void;
}

/**
 * The autosave machine (`@zhiping/forms` draft/autosave.ts) bound to React:
 * one machine per questionnaire, its state read with useSyncExternalStore,
 * and every change of answers or step reported to it. The rules live in the
 * machine; this is only the adapter.
 */
export function useAutosave(opts: AutosaveOptions): Autosave {
  const latest = useRef(opts);
  latest.current = opts;
  const [machine] = useState(
    () =>
      new AutosaveMachine({
        ...opts.initial,
        save: (body) => latest.current.save(body),
        holdBack: (patch) => latest.current.holdBack?.(patch) ?? new Set(),
        classify: classifySaveError,
        scheduler: browser,
        delay: opts.delay,
        enabled: opts.enabled,
      }),
  );
  const snapshot = useSyncExternalStore(machine.subscribe, machine.getSnapshot);

  useEffect(() => machine.configure({ enabled: opts.enabled }), [machine, opts.enabled]);
  useEffect(
    () => machine.update(opts.answers, opts.position),
    [machine, opts.answers, opts.position],
  );
  useEffect(() => () => machine.dispose(), [machine]);

  const [api] = useState(() => ({
    revisionNow: () => machine.revision,
    unsaved: () => machine.unsaved(),
    flush: () => machine.flush(),
    rebase: (answers: Answers, revision: number, position: string | null) =>
      machine.rebase(answers, revision, position),
  }));
  return { ...snapshot, ...api };
}
