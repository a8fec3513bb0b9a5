import type { Answers } from '../schema/answers.ts';
import { type AnswerPatch, sameValue } from './patch.ts';

/** One item both sides changed to different values; `undefined` = no answer. */
export interface AnswerConflict {
  id: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

export interface Merged {
  /** Theirs, plus every change only I made; a conflicting item keeps theirs until chosen. */
  answers: Answers;
  /** Items changed on both sides to different values, in item-id order. */
  conflicts: AnswerConflict[];
  /** What my copy must adopt from theirs (changed on their side only; null clears). */
  remote: AnswerPatch;
}

const has = (a: Answers, id: string) => Object.hasOwn(a, id) && a[id] !== undefined;
const answerOf = (a: Answers, id: string) => (has(a, id) ? a[id] : undefined);

/**
 * Three-way merge of answers, item by item, against the copy both sides
 * started from: a change on one side only is taken, the same change on both
 * is no conflict, different changes to one item are. Linear in the answers.
 *
 * @example
 * mergeAnswers({ a: 1, b: 1 }, { a: 2, b: 1 }, { a: 1, b: 3 })
 * // { answers: { a: 2, b: 3 }, conflicts: [], remote: { b: 3 } }
 */
export function mergeAnswers(base: Answers, mine: Answers, theirs: Answers): Merged {
  const answers: Answers = {};
  for (const [id, v] of Object.entries(theirs)) if (v !== undefined) answers[id] = v;
  const conflicts: AnswerConflict[] = [];
  const remote: AnswerPatch = {};
  const ids = new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)]);
  for (const id of ids) {
    const b = answerOf(base, id);
    const m = answerOf(mine, id);
    const t = answerOf(theirs, id);
    const mineChanged = !sameValue(b, m);
    const theirsChanged = !sameValue(b, t);
    if (mineChanged && !theirsChanged) {
      if (m === undefined) delete answers[id];
      else answers[id] = m;
    } else if (theirsChanged && !mineChanged) {
      remote[id] = t === undefined ? null : t;
    } else if (mineChanged && theirsChanged && !sameValue(m, t)) {
      conflicts.push({ id, base: b, mine: m, theirs: t });
    }
  }
  conflicts.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { answers: { ...answers }, conflicts, remote };
}

/**
 * Unsaved changes kept in the browser's storage until the server has them:
 * the revision they were made on, each changed item's value at that revision
 * (`base`, null = unanswered) and its new value (`changes`, null clears).
 */
export interface PendingDraft {
  revision: number;
  base: AnswerPatch;
  changes: AnswerPatch;
}

/** The pending draft of `latest` over `base` at `revision`, or null when nothing is unsaved. */
export function pendingDraft(
  revision: number,
  base: Answers,
  changes: AnswerPatch,
): PendingDraft | null {
  const ids = Object.keys(changes);
  if (ids.length === 0) return null;
  const b: AnswerPatch = {};
  for (const id of ids) b[id] = answerOf(base, id) ?? null;
  return { revision, base: b, changes };
}

/**
 * A stored draft put back on the server's copy: on the same revision simply
 * applied; on a newer one merged per item (the server's change to an item
 * the draft also changed differently is a conflict).
 *
 * @example
 * restoreDraft({ answers: { a: 1 }, revision: 4 }, { revision: 3, base: { b: null }, changes: { b: 2 } })
 * // { answers: { a: 1, b: 2 }, conflicts: [], remote: {} }
 */
export function restoreDraft(
  server: { answers: Answers; revision: number },
  draft: PendingDraft,
): Merged {
  const ids = Object.keys(draft.changes);
  const base: Answers = {};
  const mine: Answers = {};
  const theirs: Answers = {};
  for (const id of ids) {
    const b = draft.revision === server.revision ? answerOf(server.answers, id) : draft.base[id];
    if (b !== null && b !== undefined) base[id] = b;
    const m = draft.changes[id];
    if (m !== null && m !== undefined) mine[id] = m;
    const t = answerOf(server.answers, id);
    if (t !== undefined) theirs[id] = t;
  }
  const part = mergeAnswers(base, mine, theirs);
  const answers: Answers = { ...server.answers };
  for (const id of ids) {
    if (part.conflicts.some((c) => c.id === id)) continue;
    const v = part.answers[id];
    if (v === undefined) delete answers[id];
    else answers[id] = v;
  }
  return { answers, conflicts: part.conflicts, remote: {} };
}
