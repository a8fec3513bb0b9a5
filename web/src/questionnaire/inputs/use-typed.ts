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

/**
 * An answer as it is being typed. A keystroke re-renders only the input
 * that shows it (local state); the form — its validation, the watchers that
 * feed autosave and the live score — gets the text once the frame showing
 * it has been painted, one hand-over for all the keystrokes of that frame.
 * A choice (`change`) goes to the form at once, as before.
 *
 * @example const { value, type, change } = useTyped(field.value, field.onChange)
 */
export function useTyped(value: unknown, commit: (v: unknown) => void) {
  // The text typed last (`n` counts the keystrokes), shown until the form has it.
  const [local, setLocal] = useState<Local | null>(null);
  // The last hand-over: up to which keystroke, on top of which form value, and whether the
  // form has moved on from that value since (then the form's value is shown again).
  const handed = useRef<Handed>({ n: 0, from: undefined, caught: true });
  const formValue = useRef(value);
  formValue.current = value;
  const latest = useRef<unknown>(undefined);
  const commitRef = useRef(commit);
  commitRef.current = commit;
  const [job] = useState(() => {
    let queued = false;
    let n = 0;
    const send = () => {
      if (!queued) return;
      queued = false;
      waiting.delete(send);
      // No state of its own: the form's own re-render shows the text from here on (a state
      // update here, and another to let it go, re-rendered the answer twice more per hand-over).
      handed.current = { n, from: formValue.current, caught: false };
      commitRef.current(latest.current);
    };
    return {
      send,
      type: (v: unknown) => {
        latest.current = v;
        n += 1;
        setLocal({ v, n });
        if (queued) return;
        queued = true;
        waiting.add(send);
        afterPaint(send);
      },
      change: (v: unknown) => {
        // A choice follows the text typed before it, never the other way round.
        send();
        setLocal(null);
        commitRef.current(v);
      },
    };
  });
  // Leaving the step (unmounting) hands over what was typed.
  useEffect(() => job.send, [job]);
  const h = handed.current;
  let shown = value;
  if (local && local.n > h.n)
    shown = local.v; // not handed over yet
  else if (local && !h.caught) {
    // Handed over: the text until the form's value moves on from where it was handed over
    // (the form may re-render once more with its older value). Once it has, for good.
    if (Object.is(value, h.from)) shown = local.v;
    else h.caught = true;
  }
  return { value: shown, type: job.type, change: job.change };
}

interface Local {
  v: unknown;
  n: number;
}

interface Handed {
  n: number;
  from: unknown;
  caught: boolean;
}
