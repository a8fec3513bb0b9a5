import { useEffect, useRef, useState } from 'react';
import { afterPaint } from '../after-paint.ts';

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
  /** A keystroke's answer: nothing re-renders; the form gets it after the paint. */
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

/**
 * An answer as it is being typed. The text boxes are uncontrolled (the DOM
 * holds the text), so a keystroke renders nothing before the browser paints
 * it; the form — its validation, the watchers that feed autosave and the
 * live score — gets the text once the frame showing it has been painted,
 * one hand-over for all the keystrokes of that frame (so each keystroke is
 * still in the browser's storage within a frame).
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
    const send = () => {
      if (!queued) return;
      queued = false;
      waiting.delete(send);
      formValue.current = latest;
      commitRef.current(latest);
    };
    return {
      send,
      type: (v: unknown) => {
        latest = v;
        if (queued) return;
        queued = true;
        waiting.add(send);
        afterPaint(send);
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
