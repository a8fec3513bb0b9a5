import type { Answers } from '@zhiping/forms';

/** Structural equality for answer values (JSON data: scalars, arrays, plain objects). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Answers)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Answers)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Answers)[k], (b as Answers)[k]));
}

/**
 * What changed from `base` to `next`, as the autosave endpoint takes it:
 * new or changed answers by id, and `null` for an answer that was cleared.
 */
export function diffAnswers(base: Answers, next: Answers): Answers {
  const changed: Answers = {};
  for (const [id, v] of Object.entries(next)) {
    if (v !== undefined && !sameValue(v, base[id])) changed[id] = v;
  }
  for (const [id, v] of Object.entries(base)) {
    if (v !== undefined && next[id] === undefined) changed[id] = null;
  }
  return changed;
}

/** `base` with a diff applied: the inverse of `diffAnswers`. */
export function applyChanges(base: Answers, changes: Answers): Answers {
  const out: Answers = { ...base };
  for (const [id, v] of Object.entries(changes)) {
    if (v === null) delete out[id];
    else out[id] = v;
  }
  return out;
}
