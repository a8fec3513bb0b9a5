import {
  type Answers,
  type Compiled,
  compile,
  type Definition,
  type Locale,
  sameValue,
  score,
  scoringView,
} from '@zhiping/forms';
import { startTransition, useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { afterPaint } from './after-paint.ts';
import { answersResolver, type ResolverContext } from './answers-resolver.ts';
import { type FormValues, fieldCodec } from './field-codec.ts';

/**
 * The engine's scoring view of the answers (`scoringView`), keeping the
 * previous object while it is the same: a keystroke in free text then leaves
 * the score — and every view memoised on it — exactly as it was.
 */
function useScoringView(c: Compiled, answers: Answers): Answers {
  const last = useRef<Answers | null>(null);
  return useMemo(() => {
    const next = scoringView(c, answers);
    if (last.current && sameValue(last.current, next)) return last.current;
    last.current = next;
    return next;
  }, [c, answers]);
}

/**
 * The form (react-hook-form, validated by the engine) and what the engine
 * makes of it, live: the answers and their score result.
 *
 * The click or keystroke itself paints first — only the answered input
 * re-renders, through its own controller; nothing else runs on the input
 * path. After that frame is painted, the answers are read once for all the
 * changes of that frame and handed to `onAnswers` (autosave); only when the
 * engine's view of them changed (not while typing free text) do scoring,
 * showing and hiding questions and progress follow, in a transition React
 * may interrupt. This keeps answering responsive on slow machines: see
 * test/bench/browser.bench.ts.
 */
export function useLiveAnswers(
  definition: Definition,
  initial: Record<string, unknown>,
  asOf: string,
  mode: ResolverContext['mode'],
  locale: Locale,
  onAnswers?: (answers: Answers) => void,
) {
  const compiled = compile(definition);
  const codec = fieldCodec(definition);
  const resolver = useMemo(() => answersResolver(compiled, codec), [compiled, codec]);
  const [defaultValues] = useState(() => codec.toValues(initial));
  const form = useForm<FormValues, ResolverContext>({
    defaultValues,
    resolver,
    context: { mode, asOf, locale },
    mode: 'onChange',
  });
  const [values, setValues] = useState<FormValues>(() => ({ ...form.getValues() }));
  const report = useRef(onAnswers);
  report.current = onAnswers;
  const shownView = useRef<Answers | null>(null);
  useEffect(() => {
    let queued = false;
    const settle = () => {
      queued = false;
      const now = { ...form.getValues() };
      const answers = codec.toAnswers(now);
      report.current?.(answers);
      const view = scoringView(compiled, answers);
      if (shownView.current && sameValue(shownView.current, view)) return;
      shownView.current = view;
      startTransition(() => setValues(now));
    };
    const sub = form.watch(() => {
      if (queued) return;
      queued = true;
      afterPaint(settle);
    });
    return () => sub.unsubscribe();
  }, [form, codec, compiled]);
  // Messages on screen follow a change of language.
  const shownIn = useRef(locale);
  useEffect(() => {
    if (shownIn.current === locale) return;
    shownIn.current = locale;
    const invalid = Object.keys(form.formState.errors);
    if (invalid.length > 0) void form.trigger(invalid);
  }, [form, locale]);
  const answers = useMemo(() => codec.toAnswers(values), [codec, values]);
  const scoring = useScoringView(compiled, answers);
  shownView.current = scoring;
  const result = useMemo(() => score(compiled, scoring, { asOf }), [compiled, scoring, asOf]);
  return { compiled, codec, form, answers, result };
}
