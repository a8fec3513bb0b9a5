import { useCallback, useEffect, useRef, useState } from 'react';
import type { Judgement, JudgementBody } from './types.ts';

/** `pending`: typed, waiting for the pause before it is sent — not saved yet. */
export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/**
 * Records one item's judgement as the reviewer works — no 保存 button: a
 * choice is sent at once, typing after a pause. One request at a time per
 * item; the latest body wins (a body chosen while one is in flight is sent
 * after it). Anything still waiting is sent when the row goes away.
 */
export function useAutosaveJudgement(
  save: (body: JudgementBody) => Promise<Judgement>,
  onSaved: (j: Judgement) => void,
) {
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<unknown>(null);
  const next = useRef<JudgementBody | null>(null);
  const busy = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;
  const savedRef = useRef(onSaved);
  savedRef.current = onSaved;

  const run = useCallback(async () => {
    clearTimeout(timer.current);
    if (busy.current) return;
    const body = next.current;
    if (body === null) return;
    next.current = null;
    busy.current = true;
    setState('saving');
    try {
      const j = await saveRef.current(body);
      savedRef.current(j);
      setError(null);
      setState(next.current === null ? 'saved' : 'saving');
    } catch (e) {
      setError(e);
      setState('error');
    } finally {
      busy.current = false;
      if (next.current !== null) void run();
    }
  }, []);

  const schedule = useCallback(
    (body: JudgementBody, delayMs: number) => {
      next.current = body;
      clearTimeout(timer.current);
      if (delayMs <= 0) void run();
      else {
        // Never "已保存" while typed text waits: the status says so until it is sent.
        if (!busy.current) setState('pending');
        timer.current = setTimeout(() => void run(), delayMs);
      }
    },
    [run],
  );

  /** Sends what waits now (leaving a field: the next click may be 决定 or a link). */
  const flush = useCallback(() => void run(), [run]);

  useEffect(() => () => void run(), [run]);
  return { state, error, schedule, flush };
}
