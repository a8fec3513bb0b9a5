import {
  type AnswerConflict,
  type AnswerPatch,
  type Answers,
  Autosave as AutosaveMachine,
  type AutosaveSnapshot,
  type PendingDraft,
  type SaveBody,
  type SaveFailure,
  type SaveState,
  type Scheduler,
} from '@zhiping/forms';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { ApiError, isStale, isWrongState } from '../api/client.ts';
import { afterPaint } from './after-paint.ts';

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
  /** The answers and step this instant (the form's own values, ahead of a deferred render). */
  read?: () => { answers: Answers; position: string | null };
  /** The server's copy now: a stale save is then merged per item instead of refused. */
  fetchLatest?: () => Promise<{ answers: Answers; revision: number }>;
  /** Answers a merge took from elsewhere (null clears), for the form to show. */
  onRemote?: (patch: AnswerPatch) => void;
  /** Where unsaved changes are kept until the server has them. */
  persist?: (draft: PendingDraft | null) => void;
  /** Conflicts known at the start (a restored draft met newer answers). */
  conflicts?: AnswerConflict[];
}

/** A save state that needs the page's attention. */
export type SaveTrouble = Extract<SaveState, { kind: 'error' | 'conflict' | 'locked' }>;

/**
 * What the page around the save status shows: it changes far less often than
 * the save state (pending → saving → saved on every pause in typing), so the
 * page re-renders only for these; the status itself follows the machine
 * alone (`SaveSource`, save-status.tsx).
 */
export interface AutosaveView {
  /** An error, a conflict or a lock, else null. */
  trouble: SaveTrouble | null;
  /** How many changed answers are held back (invalid; sent once fixed). */
  heldBack: number;
  /** From a failure (offline, conflict, lock) until a save succeeds: leaving then asks. */
  troubled: boolean;
}

/** The machine's full state, for the one view that shows it (the save status). */
export interface SaveSource {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => AutosaveSnapshot;
}

const isTrouble = (s: SaveState): s is SaveTrouble =>
  s.kind === 'error' || s.kind === 'conflict' || s.kind === 'locked';

/** The page's view of each machine snapshot, the same object while nothing it shows changed. */
export function viewOf(
  machine: Pick<AutosaveMachine, 'getSnapshot' | 'subscribe'>,
): () => AutosaveView {
  const NONE: AutosaveView = { trouble: null, heldBack: 0, troubled: false };
  const next = (view: AutosaveView): AutosaveView => {
    const { state, heldBack } = machine.getSnapshot();
    const trouble = isTrouble(state) ? state : null;
    const troubled = trouble
      ? true
      : state.kind === 'saved' || state.kind === 'idle'
        ? false
        : view.troubled;
    const same =
      trouble === view.trouble && heldBack === view.heldBack && troubled === view.troubled;
    return same ? view : { trouble, heldBack, troubled };
  };
  let view = next(NONE);
  // Every state is seen (a listener, not the renders): "troubled" holds through a retry's saving.
  machine.subscribe(() => {
    view = next(view);
  });
  return () => view;
}

export interface Autosave extends AutosaveView {
  /** The full save state as it changes (save-status.tsx). */
  source: SaveSource;
  /** The revision right now, for callers inside an async flow (state lags a render). */
  revisionNow: () => number;
  /** Local changes the server does not have yet (null = cleared). */
  unsaved: () => AnswerPatch;
  /** Saves now; resolves true when nothing is left unsaved. */
  flush: () => Promise<boolean>;
  /** Adopts a fresh server copy as the new base, e.g. after a conflict. */
  rebase: (answers: Answers, revision: number, position: string | null) => void;
  /** Settles a merge conflict per item and saves. */
  resolve: (choices: Readonly<Record<string, 'mine' | 'theirs'>>) => void;
  /** Reads the form now and saves at once (a step change, leaving, hiding the page). */
  flushNow: () => Promise<boolean>;
  /** Whether anything typed is not on the server yet. */
  isDirty: () => boolean;
  /** The answers now (reported as they change, without waiting for a render). */
  report: (answers: Answers) => void;
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
        // Offline, a save is retried soon and then every 8 s: back online, all is sent shortly.
        retryDelays: [1_000, 2_000, 4_000, 8_000],
        enabled: opts.enabled,
        fetchLatest: opts.fetchLatest && (() => latest.current.fetchLatest?.() ?? never()),
        onRemote: (patch) => latest.current.onRemote?.(patch),
        persist: (draft) => latest.current.persist?.(draft),
        conflicts: opts.conflicts,
      }),
  );
  const [view] = useState(() => viewOf(machine));
  const snapshot = useSyncExternalStore(machine.subscribe, view);

  useEffect(() => machine.configure({ enabled: opts.enabled }), [machine, opts.enabled]);
  // The form's own values when it can be read (ahead of a deferred render), once the frame
  // showing the change is painted: a step change paints its step first (reading every answer
  // and writing the draft cost a section switch ~1 ms at 4× slower CPU); leaving the step sends
  // at once anyway (questionnaire.tsx), and the form's changes are reported as they come.
  useEffect(() => {
    let live = true;
    const answers = opts.answers;
    const position = opts.position;
    afterPaint(() => {
      if (live) machine.update(latest.current.read?.().answers ?? answers, position);
    });
    return () => {
      live = false;
    };
  }, [machine, opts.answers, opts.position]);

  const [api] = useState(() => {
    const catchUp = () => {
      const now = latest.current.read?.();
      if (now) machine.update(now.answers, now.position);
    };
    return {
      source: { subscribe: machine.subscribe, getSnapshot: machine.getSnapshot },
      revisionNow: () => machine.revision,
      unsaved: () => machine.unsaved(),
      flush: () => machine.flush(),
      rebase: (answers: Answers, revision: number, position: string | null) =>
        machine.rebase(answers, revision, position),
      resolve: (choices: Readonly<Record<string, 'mine' | 'theirs'>>) => machine.resolve(choices),
      flushNow: () => {
        catchUp();
        return machine.flush();
      },
      report: (answers: Answers) => machine.update(answers, latest.current.position),
      isDirty: () => {
        catchUp();
        return machine.dirty;
      },
    };
  });

  // Hiding or closing the page saves at once (the request is keepalive) —
  // the storage already holds every change — and closing with anything
  // unsent asks first. Leaving the questionnaire inside the app saves too.
  useEffect(() => {
    const save = () => void api.flushNow();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') save();
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!api.isDirty()) return;
      save();
      e.preventDefault();
      e.returnValue = '';
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', save);
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('online', save);
    return () => {
      window.removeEventListener('online', save);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', save);
      window.removeEventListener('beforeunload', onBeforeUnload);
      save();
      machine.dispose();
    };
  }, [api, machine]);

  return { ...snapshot, ...api };
}

function never(): never {
  throw new Error('fetchLatest was removed while autosave ran');
}
