import { type CSSProperties, memo, type RefObject, useLayoutEffect, useRef, useState } from 'react';
import { StepView, type StepViewProps } from './step-view.tsx';
import type { Step } from './steps.ts';

/** How many steps stay mounted: the one shown and the last ones left. */
export const KEPT_STEPS = 4;

type Shared = Omit<StepViewProps, 'step' | 'stepNo' | 'headingRef' | 'current'>;

interface Props extends Shared {
  steps: Step[];
  /** The step shown. */
  current: Step;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

/**
 * The step shown, and the last few left, kept mounted but hidden, so going
 * back to one shows it rather than rendering it again: no React work, and
 * the browser reuses the style and layout it kept (test/bench/browser.bench.ts,
 * section switch). A hidden step is `content-visibility: hidden`: the browser
 * skips its style, layout and paint, and its contents are out of the tab
 * order, unfocusable and out of the accessibility tree. It is not re-rendered
 * while hidden (the score result it last showed is kept); shown again, only
 * what changed since re-renders (SectionView and ItemField are memoised).
 */
export function KeptSteps({ steps, current, headingRef, ...shared }: Props) {
  const [kept, setKept] = useState<string[]>(() => [current.id]);
  // The step shown joins at the front; steps that no longer apply leave.
  const ids = remember(kept, current.id, steps);
  if (ids !== kept) setKept(ids);
  // In step order, never moved: a DOM node that moves loses its style and layout, so showing a
  // kept step that React had moved to the front laid it all out again. Hidden steps' contents
  // are out of the tab order and invisible to `checkVisibility()` (browser tests look at
  // visible controls only), so Tab still starts at the step shown.
  const order = steps.map((s, index) => ({ s, index })).filter(({ s }) => ids.includes(s.id));
  return (
    <>
      {order.map(({ s: step, index }) => {
        const id = step.id;
        const shown = id === current.id;
        return (
          <Kept
            key={id}
            {...shared}
            step={step}
            stepNo={index + 1}
            current={shown}
            headingRef={shown ? headingRef : undefined}
          />
        );
      })}
    </>
  );
}

/** The kept ids with `current` first, at most KEPT_STEPS, only steps that still apply (same array if unchanged). */
export function remember(kept: string[], current: string, steps: Step[]): string[] {
  const applies = new Set(steps.map((s) => s.id));
  const next = [current, ...kept.filter((id) => id !== current && applies.has(id))].slice(
    0,
    KEPT_STEPS,
  );
  const same = next.length === kept.length && next.every((id, i) => id === kept[i]);
  return same ? kept : next;
}

// `content-visibility: hidden` alone: the browser skips the step's style, layout and paint,
// keeps them for when it is shown again, and leaves its contents out of the tab order, find in
// page and the accessibility tree (CSS Containment 2, "skipped contents"; `checkVisibility()`
// is false inside). Not `visibility: hidden` nor `inert` as well: both are inherited styles,
// so showing the step again restyled every element in it (the section switch of
// test/bench/browser.bench.ts).
const HIDDEN: CSSProperties = { display: 'block', contentVisibility: 'hidden' };

type KeptProps = Omit<StepViewProps, 'headingRef'> & {
  headingRef: RefObject<HTMLHeadingElement | null> | undefined;
};

/** One kept step; while hidden, nothing it is given re-renders it. */
const Kept = memo(
  function Kept({ current, headingRef, ...rest }: KeptProps) {
    const box = useRef<HTMLDivElement>(null);
    // `[data-item]` means a question on screen (browser tests and the bench look for the
    // questions that way): a hidden step's questions carry it as data-kept-item instead.
    // React never writes the attribute again (an item's id never changes), so the rename
    // holds; it happens before the paint.
    useLayoutEffect(() => {
      const el = box.current;
      if (!el) return;
      const [from, to] = current ? KEPT_ATTRS : SHOWN_ATTRS;
      for (const q of el.querySelectorAll(`[${from}]`)) {
        q.setAttribute(to, q.getAttribute(from) ?? '');
        q.removeAttribute(from);
      }
    }, [current]);
    return (
      <div ref={box} hidden={!current} style={current ? undefined : HIDDEN}>
        <StepView {...rest} current={current} headingRef={headingRef} />
      </div>
    );
  },
  (a, b) => !a.current && !b.current,
);

const SHOWN_ATTRS = ['data-item', 'data-kept-item'] as const;
const KEPT_ATTRS = ['data-kept-item', 'data-item'] as const;
