import { useCallback, useEffect, useRef, useState } from 'react';
import { afterPaint } from './after-paint.ts';

type Target = { kind: 'heading'; scrolled: boolean } | { kind: 'item'; id: string };

/**
 * Scrolls the page so that a step heading put where `heading` is now will be
 * at the top (below the sticky header: its scroll-margin-top), before the
 * step changes. A step's heading always sits at the same place — the steps
 * kept hidden before it take no room (kept-steps.tsx) — and the page's layout
 * is clean at the click, so this costs nothing, where scrollIntoView after
 * the change forced the browser to lay out the new step on the spot (the
 * largest part of a section switch at 4× slower CPU, test/bench/browser.bench.ts).
 */
function scrollToStepTop(heading: HTMLElement): boolean {
  const page = document.scrollingElement;
  if (!page || !heading.isConnected || heading.id !== STEP_TITLE) return false;
  const margin = Number.parseFloat(getComputedStyle(heading).scrollMarginTop) || 0;
  const top = heading.getBoundingClientRect().top + page.scrollTop - margin;
  page.scrollTop = Math.max(0, top);
  return true;
}

/** The shown step's heading (step-view.tsx); the check step's has another id, elsewhere. */
const STEP_TITLE = 'zp-step-title';

/**
 * Step changes move keyboard and screen-reader focus to the new step's
 * heading (or to a question the missing-answers summary links to), so
 * nobody is left at the bottom of a page that has just been replaced.
 */
export function useStepFocus(
  setStep: (id: string) => void,
  stepOfItem: (itemId: string) => string | undefined,
  /** Whether `id` is a section's step (its heading where the shown step's is), not the check step. */
  isStep: (id: string) => boolean,
) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const target = useRef<Target | null>(null);
  const [moves, setMoves] = useState(0);

  const goTo = useCallback(
    (id: string) => {
      const heading = headingRef.current;
      target.current = {
        kind: 'heading',
        scrolled: heading !== null && isStep(id) && scrollToStepTop(heading),
      };
      setStep(id);
      setMoves((n) => n + 1);
    },
    [setStep, isStep],
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
    // Scrolled before the change (a step) or before the paint; focused once the new step is
    // painted: moving the focus (blur and focus events, the focus ring) cost a section switch
    // more than its own render did (test/bench/browser.bench.ts, a CPU profile at 4× slower CPU).
    if (to.kind === 'heading') {
      const heading = headingRef.current;
      if (!to.scrolled) heading?.scrollIntoView?.({ block: 'start' });
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
