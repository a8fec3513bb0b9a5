import {
  type ChangeEvent,
  type CompositionEvent,
  type FocusEvent,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';

type Box = HTMLInputElement | HTMLTextAreaElement;

export interface TextBoxOptions {
  /** The form's answer as text. */
  text: string;
  /** Whether the box's own text means the form's answer ("1." and 1), so it is left as it is. */
  means?: (typed: string) => boolean;
  /** Typed text still waits for the hand-over (use-typed.ts): the box is right, not the form. */
  pending: () => boolean;
  /** The box's text after a keystroke (never in the middle of an IME composition). */
  onText: (raw: string) => void;
  /** Leaving the box. */
  onBlur?: (() => void) | undefined;
}

/**
 * The props of an uncontrolled text box (`<input>`, `<textarea>`): the DOM
 * holds the text while it is typed, so a keystroke re-renders nothing before
 * the browser paints it (a controlled box re-rendered its answer first, the
 * largest script of a keystroke at 4× slower CPU, test/bench/browser.bench.ts).
 *
 * The form's answer is written into the box only when it changes to text
 * the box does not already mean — an answer from elsewhere (a merge, a
 * conflict reload) — and never while typed text waits for its hand-over or
 * an IME composition is open: Chinese is typed as pinyin that the IME turns
 * into characters, and the box's text is the respondent's until
 * `compositionend`, when it is passed on whole.
 */
export function useTextBox<E extends Box>(o: TextBoxOptions) {
  const ref = useRef<E>(null);
  const composing = useRef(false);
  const [initial] = useState(o.text);
  const latest = useRef(o);
  latest.current = o;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new answer from the form is news.
  useLayoutEffect(() => {
    const el = ref.current;
    const { text, means, pending } = latest.current;
    if (!el || composing.current || pending() || el.value === text) return;
    if (means?.(el.value)) return;
    el.value = text;
  }, [o.text]);
  return {
    ref,
    defaultValue: initial,
    onChange: (e: ChangeEvent<E>) => {
      // Inside a composition the text is the IME's, not yet the respondent's.
      if (composing.current || isComposing(e.nativeEvent)) return;
      latest.current.onText(e.currentTarget.value);
    },
    onCompositionStart: () => {
      composing.current = true;
    },
    onCompositionEnd: (e: CompositionEvent<E>) => {
      composing.current = false;
      latest.current.onText(e.currentTarget.value);
    },
    onBlur: (_: FocusEvent<E>) => latest.current.onBlur?.(),
  };
}

function isComposing(e: Event): boolean {
  return 'isComposing' in e && e.isComposing === true;
}
