import { type Answers, type Compiled, isNotApplicable } from '@zhiping/forms';
import { useMemo, useRef } from 'react';

const NA = Object.freeze({ notApplicable: true as const });
const GIVEN_TEXT = '·';
const GIVEN_EVIDENCE = Object.freeze({ files: Object.freeze([]), ref: '·' });

/**
 * The answers as the engine reads them for scoring and visibility. Free text
 * and evidence only ever count as "answered or not", and a not-applicable
 * reason not at all, so they are reduced to fixed tokens: a keystroke in
 * such a field then leaves this object — and with it the score and every
 * memoised view — exactly as it was.
 */
export function reduceForScoring(c: Compiled, answers: Answers): Answers {
  const out: Answers = {};
  for (const [id, v] of Object.entries(answers)) {
    const i = c.itemIndex.get(id);
    const item = i === undefined ? undefined : c.items[i]?.item;
    if (isNotApplicable(v)) out[id] = NA;
    else if (
      item?.kind === 'text' &&
      typeof v === 'string' &&
      v.trim() !== '' &&
      v.length <= item.maxLength
    )
      out[id] = GIVEN_TEXT;
    else if (item?.kind === 'evidence' && typeof v === 'object' && v !== null) {
      const e = v as { files?: unknown[]; ref?: unknown };
      const given =
        (e.files?.length ?? 0) > 0 || (typeof e.ref === 'string' && e.ref.trim() !== '');
      if (given) out[id] = GIVEN_EVIDENCE;
    } else out[id] = v;
  }
  return out;
}

/** Equal keys with identical values; arrays (multiple choice) compared element by element. */
export function sameAnswers(a: Answers, b: Answers): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    if (x.some((v, i) => v !== y[i])) return false;
  }
  return true;
}

/** `reduceForScoring`, keeping the previous object while nothing the engine sees has changed. */
export function useScoringAnswers(c: Compiled, answers: Answers): Answers {
  const last = useRef<Answers | null>(null);
  return useMemo(() => {
    const next = reduceForScoring(c, answers);
    if (last.current && sameAnswers(last.current, next)) return last.current;
    last.current = next;
    return next;
  }, [c, answers]);
}
