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
  // The text typed and not yet in the form's value: `from` is the form's value it was
  // handed over on top of (undefined while not handed over yet).
  const [local, setLocal] = useState<Local | null>(null);
  const formValue = useRef(value);
  formValue.current = value;
  const latest = useRef<unknown>(undefined);
  const commitRef = useRef(commit);
  commitRef.current = commit;
  const [job] = useState(() => {
    let queued = false;
    const send = () => {
      if (!queued) return;
      queued = false;
      waiting.delete(send);
      const from = formValue.current;
      commitRef.current(latest.current);
      setLocal({ v: latest.current, sent: true, from });
    };
    return {
      send,
      type: (v: unknown) => {
        latest.current = v;
        setLocal({ v, sent: false, from: undefined });
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
  // Until the form's value moves on from where the text was handed over, the text is shown:
  // the form may re-render once more with its older value.
  const caughtUp = local?.sent === true && !Object.is(value, local.from);
  useEffect(() => {
    if (caughtUp) setLocal(null);
  }, [caughtUp]);
  // Leaving the step (unmounting) hands over what was typed.
  useEffect(() => job.send, [job]);
  return { value: local && !caughtUp ? local.v : value, type: job.type, change: job.change };
}

interface Local {
  v: unknown;
  sent: boolean;
  from: unknown;
}
