import { compile, type Definition, score } from '@zhiping/forms';
import { startTransition, useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { answersResolver, type ResolverContext } from './answers-resolver.ts';
import { type FormValues, fieldCodec } from './field-codec.ts';
import { useScoringAnswers } from './scoring-answers.ts';

/**
 * The form (react-hook-form, validated by the engine's schema) and what the
 * engine makes of it, live: the answers and their score result.
 *
 * The click or keystroke itself paints first — only the answered input
 * re-renders, through its own controller. Scoring, showing and hiding
 * questions, progress and autosave follow in a transition React may
 * interrupt, and are skipped altogether while the engine sees no change
 * (typing in a text field). This keeps answering responsive on slow
 * machines: see test/bench/browser.bench.ts.
 */
export function useLiveAnswers(
  definition: Definition,
  initial: Record<string, unknown>,
  asOf: string,
  mode: ResolverContext['mode'],
) {
  const compiled = compile(definition);
  const codec = fieldCodec(definition);
  const resolver = useMemo(() => answersResolver(definition, codec), [definition, codec]);
  const [defaultValues] = useState(() => codec.toValues(initial));
  const form = useForm<FormValues, ResolverContext>({
    defaultValues,
    resolver,
    context: { mode },
    mode: 'onChange',
  });
  const [values, setValues] = useState<FormValues>(() => ({ ...form.getValues() }));
  useEffect(() => {
    const sub = form.watch(() => startTransition(() => setValues({ ...form.getValues() })));
    return () => sub.unsubscribe();
  }, [form]);
  const answers = useMemo(() => codec.toAnswers(values), [codec, values]);
  const scoring = useScoringAnswers(compiled, answers);
  const result = useMemo(() => score(compiled, scoring, { asOf }), [compiled, scoring, asOf]);
  return { compiled, codec, form, answers, result };
}
