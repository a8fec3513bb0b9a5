import type { Compiled } from '../engine/compile.ts';
import type { Answers } from '../schema/answers.ts';
import { isNotApplicable } from '../schema/not-applicable.ts';

/*
 * The one definition of "answered", used by the engine (`normalise`), the
 * questionnaire (what a cleared input leaves, what the live score sees) and
 * the server (what a patch stores).
 */

/** Free text counts once it has a visible character and fits its item. */
export const textGiven = (v: unknown, maxLength: number): boolean =>
  typeof v === 'string' && v.trim() !== '' && v.length <= maxLength;

/** Evidence counts once it names a file or a reference; a note alone does not. */
export function evidenceGiven(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as { files?: unknown; ref?: unknown };
  return (
    (Array.isArray(e.files) && e.files.length > 0) ||
    (typeof e.ref === 'string' && e.ref.trim() !== '')
  );
}

/**
 * What an input leaves behind when the respondent clears it: nothing worth
 * storing. (An evidence answer with only a note is kept — it is work in
 * progress — though it does not yet count as answered.)
 */
export function isBlank(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return true;
  if (typeof v === 'number') return Number.isNaN(v);
  if (typeof v === 'object' && !Array.isArray(v)) {
    if (isNotApplicable(v)) return false;
    const e = v as { files?: unknown[]; ref?: unknown; note?: unknown };
    if ('files' in e || 'ref' in e || 'note' in e) {
      const str = (x: unknown) => typeof x === 'string' && x.trim() !== '';
      return (e.files ?? []).length === 0 && !str(e.ref) && !str(e.note);
    }
  }
  return false;
}

const NA = Object.freeze({ notApplicable: true as const });
const GIVEN_TEXT = '·';
const GIVEN_EVIDENCE = Object.freeze({ files: Object.freeze([]), ref: '·' });

/**
 * The answers as the engine reads them for scoring and visibility. Free text
 * and evidence only ever count as "answered or not", and a not-applicable
 * reason not at all, so they become fixed tokens: a keystroke in such a
 * field then leaves this object — and the score — exactly as it was.
 */
export function scoringView(c: Compiled, answers: Answers): Answers {
  const out: Answers = {};
  for (const [id, v] of Object.entries(answers)) {
    const i = c.itemIndex.get(id);
    const item = i === undefined ? undefined : c.items[i]?.item;
    if (isNotApplicable(v)) out[id] = NA;
    else if (item?.kind === 'text') {
      if (textGiven(v, item.maxLength)) out[id] = GIVEN_TEXT;
    } else if (item?.kind === 'evidence') {
      if (evidenceGiven(v)) out[id] = GIVEN_EVIDENCE;
    } else out[id] = v;
  }
  return out;
}
