import { useEffect, useRef, useState } from 'react';

/** Typed text not yet handed to the form, by field: sent at once by `flushTyping`. */
const waiting = new Set<() => void>();

/**
 * Hands every answer still being typed to the form now. Autosave calls it
 * before it reads the form (leaving, hiding the page, a step change), so a
 * keystroke made a moment ago is never left behind.
 */
export function flushTyping(): void {
  for (const send of [...waiting]) send();
}

/** An answer as it is typed, for the text boxes that type it (text-box.ts). */
export interface Typed {
  /** A keystroke's answer: nothing re-renders; the form gets it when typing pauses. */
  type: (v: unknown) => void;
  /** A choice or a file: to the form at once, after any text typed before it. */
  change: (v: unknown) => void;
  /** Hands the text typed so far to the form now (leaving the field). */
  send: () => void;
  /** Whether typed text waits for the hand-over: the boxes, not the form, show the answer. */
  pending: () => boolean;
  /** The answer as typed so far: the text waiting, else the form's value. */
  current: () => unknown;
}

/** A pause in typing this long hands the text over… */
export const QUIET_MS = 300;
/** …and while typing goes on, it is handed over at least this often. */
export const MAX_WAIT_MS = 1_000;

/**
 * An answer as it is being typed. The text boxes are uncontrolled (the DOM
 * holds the text), so a keystroke renders nothing; the form — its
 * validation, the watchers that feed autosave, the browser's storage and
 * the live score — gets the text when typing pauses (QUIET_MS), at least
 * every MAX_WAIT_MS while it goes on, and at once when the box is left
 * (blur), a choice is made, or autosave reads the form (`flushTyping`: a
 * step change, hiding or leaving the page — a reload's `pagehide` keeps the
 * last keystroke in storage synchronously). Handing over on every keystroke
 * cost each one a render of its answer, a read of the whole form and a
 * write of the draft (test/bench/browser.bench.ts, script per keystroke).
 *
 * @example const typed = useTyped(field.value, field.onChange)
 */
export function useTyped(value: unknown, commit: (v: unknown) => void): Typed {
  // The form's value as last seen or given: a render never takes it back to an older one
  // (only a value that changed since the last render is news; the form may lag a hand-over).
  const seen = useRef(value);
  const formValue = useRef(value);
  if (!Object.is(value, seen.current)) {
    seen.current = value;
    formValue.current = value;
  }
  const commitRef = useRef(commit);
  commitRef.current = commit;
  const [typed] = useState(() => {
    let queued = false;
    let latest: unknown;
    let since = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const send = () => {
      if (!queued) return;
      queued = false;
      clearTimeout(timer);
      waiting.delete(send);
      formValue.current = latest;
      commitRef.current(latest);
    };
    return {
      send,
      type: (v: unknown) => {
        latest = v;
        const now = Date.now();
        if (!queued) {
          queued = true;
          since = now;
          waiting.add(send);
        }
        clearTimeout(timer);
        timer = setTimeout(send, Math.max(0, Math.min(QUIET_MS, since + MAX_WAIT_MS - now)));
      },
      change: (v: unknown) => {
        // A choice follows the text typed before it, never the other way round.
        send();
        formValue.current = v;
        commitRef.current(v);
      },
      pending: () => queued,
      current: () => (queued ? latest : formValue.current),
    };
  });
  // Leaving the step (unmounting) hands over what was typed.
  useEffect(() => typed.send, [typed]);
  return typed;
}
