import { useCallback, useEffect, useRef, useState } from 'react';
import { afterPaint } from './after-paint.ts';

type Target = { kind: 'heading' } | { kind: 'item'; id: string };

/**
 * Step changes move keyboard and screen-reader focus to the new step's
 * heading (or to a question the missing-answers summary links to), so
 * nobody is left at the bottom of a page that has just been replaced.
 */
export function useStepFocus(
  setStep: (id: string) => void,
  stepOfItem: (itemId: string) => string | undefined,
) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const target = useRef<Target | null>(null);
  const [moves, setMoves] = useState(0);

  const goTo = useCallback(
    (id: string) => {
      target.current = { kind: 'heading' };
      setStep(id);
      setMoves((n) => n + 1);
    },
    [setStep],
  );

  const goToItem = useCallback(
    (itemId: string) => {
      const step = stepOfItem(itemId);
      if (!step) return;
      target.current = { kind: 'item', id: itemId };
      setStep(step);
      setMoves((n) => n + 1);
    },
    [setStep, stepOfItem],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after each move has rendered.
  useEffect(() => {
    const to = target.current;
    target.current = null;
    if (!to) return;
    // Scrolled before the paint; focused once the new step is painted: moving the focus (blur
    // and focus events, the focus ring) cost a section switch more than its own render did
    // (test/bench/browser.bench.ts, a CPU profile at 4× slower CPU).
    if (to.kind === 'heading') {
      const heading = headingRef.current;
      heading?.scrollIntoView?.({ block: 'start' });
      afterPaint(() => heading?.focus({ preventScroll: true }));
      return;
    }
    const el = document.querySelector(`[data-item="${to.id}"]`);
    const input = el?.querySelector<HTMLElement>('input, textarea, button');
    el?.scrollIntoView?.({ block: 'center' });
    afterPaint(() => input?.focus({ preventScroll: true }));
  }, [moves]);

  return { headingRef, goTo, goToItem };
}
