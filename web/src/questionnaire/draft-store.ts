import {
  type AnswerConflict,
  type AnswerPatch,
  type Answers,
  applyPatch,
  type PendingDraft,
  restoreDraft,
} from '@zhiping/forms';

/*
 * Unsaved answers kept in localStorage, one entry per assessment, until the
 * server acknowledges them (the autosave machine reports each change). A
 * reload, a crash or a long time offline then loses nothing: the page
 * restores the entry over the server's copy and sends it. Written
 * synchronously, so an answer typed just before the page closes is kept.
 */

const KEY = 'zhiping.draft.';

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null; // storage disabled (private mode, policy)
  }
}

export function readDraft(assessmentId: string): PendingDraft | null {
  const raw = storage()?.getItem(KEY + assessmentId);
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as Partial<PendingDraft>;
    if (typeof d.revision !== 'number' || !d.changes || typeof d.changes !== 'object') return null;
    return { revision: d.revision, base: d.base ?? {}, changes: d.changes };
  } catch {
    return null;
  }
}

export function writeDraft(assessmentId: string, draft: PendingDraft | null): void {
  const s = storage();
  if (!s) return;
  try {
    if (draft) s.setItem(KEY + assessmentId, JSON.stringify(draft));
    else s.removeItem(KEY + assessmentId);
  } catch {
    // Quota exceeded: the server copy and the live autosave still hold the answers.
  }
}

/**
 * The answers to open the questionnaire with: the server's copy with this
 * browser's unacknowledged changes put back (merged per item when the server
 * has moved on; an item changed on both sides shows this side's answer and
 * is returned as a conflict to settle).
 */
export function startingAnswers(server: { id: string; answers: Answers; revision: number }): {
  answers: Answers;
  conflicts: AnswerConflict[];
} {
  const draft = readDraft(server.id);
  if (!draft) return { answers: server.answers, conflicts: [] };
  const r = restoreDraft(server, draft);
  const mine: AnswerPatch = {};
  for (const c of r.conflicts) mine[c.id] = c.mine === undefined ? null : c.mine;
  return { answers: applyPatch(r.answers, mine), conflicts: r.conflicts };
}

const STEP = 'zhiping.step.';

/** The step this browser last showed (moves are never written to the server on their own). */
export function readStep(assessmentId: string): string | null {
  return storage()?.getItem(STEP + assessmentId) ?? null;
}

export function writeStep(assessmentId: string, step: string): void {
  try {
    storage()?.setItem(STEP + assessmentId, step);
  } catch {
    // Quota exceeded: the server's position (saved with answers) still resumes.
  }
}
