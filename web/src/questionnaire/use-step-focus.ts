import { useCallback, useEffect, useRef, useState } from 'react';

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
    if (to.kind === 'heading') {
      // One scroll, not two (focus would scroll the heading into view first).
      headingRef.current?.focus({ preventScroll: true });
      headingRef.current?.scrollIntoView?.({ block: 'start' });
      return;
    }
    const el = document.querySelector(`[data-item="${to.id}"]`);
    const input = el?.querySelector<HTMLElement>('input, textarea, button');
    el?.scrollIntoView?.({ block: 'center' });
    input?.focus();
  }, [moves]);

  return { headingRef, goTo, goToItem };
}
