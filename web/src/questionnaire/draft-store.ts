import {
  type AnswerConflict,
  type AnswerPatch,
  type Answers,
  applyPatch,
  type PendingDraft,
  restoreDraft,
} from '@zhiping/forms';

/*
 * Unsaved answers kept in localStorage until the server acknowledges them
 * (the autosave machine reports each change). A reload, a crash or a long
 * time offline then loses nothing: the page restores them over the server's
 * copy and sends them. Written synchronously, so an answer typed just before
 * the page closes is kept.
 *
 * One entry per assessment and browser tab (`zhiping.draft.<assessment>.<tab>`,
 * the tab's id in sessionStorage, which a reload keeps): another tab open on
 * the same draft neither overwrites nor takes over changes it did not make —
 * which would raise false conflicts. Entries of tabs that went away (not
 * written for 10 s, e.g. a tab closed while offline) are adopted by the next
 * tab that opens the assessment.
 */

const KEY = 'zhiping.draft.';
const TAB = 'zhiping.tab';
const ORPHANED_AFTER_MS = 10_000;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null; // storage disabled (private mode, policy)
  }
}

let tab: string | null = null;
function tabId(): string {
  if (tab) return tab;
  try {
    tab = window.sessionStorage.getItem(TAB);
    if (!tab) {
      tab = Math.random().toString(36).slice(2, 10);
      window.sessionStorage.setItem(TAB, tab);
    }
  } catch {
    tab = Math.random().toString(36).slice(2, 10);
  }
  return tab;
}

const keyOf = (assessmentId: string) => `${KEY}${assessmentId}.${tabId()}`;

function parse(raw: string | null): (PendingDraft & { at: number }) | null {
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as Partial<PendingDraft> & { at?: number };
    if (typeof d.revision !== 'number' || !d.changes || typeof d.changes !== 'object') return null;
    return { revision: d.revision, base: d.base ?? {}, changes: d.changes, at: d.at ?? 0 };
  } catch {
    return null;
  }
}

/** This tab's pending draft of an assessment. */
export function readDraft(assessmentId: string): PendingDraft | null {
  return parse(storage()?.getItem(keyOf(assessmentId)) ?? null);
}

export function writeDraft(assessmentId: string, draft: PendingDraft | null): void {
  const s = storage();
  if (!s) return;
  try {
    if (draft) s.setItem(keyOf(assessmentId), JSON.stringify({ ...draft, at: Date.now() }));
    else s.removeItem(keyOf(assessmentId));
  } catch {
    // Quota exceeded: the server copy and the live autosave still hold the answers.
  }
}

/** Drafts of this assessment left by tabs that went away, oldest first; removed as they are taken. */
function takeOrphans(assessmentId: string): PendingDraft[] {
  const s = storage();
  if (!s) return [];
  const own = keyOf(assessmentId);
  const found: { key: string; draft: PendingDraft & { at: number } }[] = [];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (!key || key === own) continue;
    if (key !== `${KEY}${assessmentId}` && !key.startsWith(`${KEY}${assessmentId}.`)) continue;
    const draft = parse(s.getItem(key));
    if (draft && Date.now() - draft.at >= ORPHANED_AFTER_MS) found.push({ key, draft });
  }
  found.sort((a, b) => a.draft.at - b.draft.at);
  for (const f of found) s.removeItem(f.key);
  return found.map((f) => f.draft);
}

/**
 * The answers to open the questionnaire with: the server's copy with this
 * tab's unacknowledged changes (and those of tabs that went away) put back —
 * merged per item when the server has moved on; an item changed on both
 * sides shows this side's answer and is returned as a conflict to settle.
 */
export function startingAnswers(server: { id: string; answers: Answers; revision: number }): {
  answers: Answers;
  conflicts: AnswerConflict[];
} {
  const drafts = [...takeOrphans(server.id), readDraft(server.id)].filter(
    (d): d is PendingDraft => d !== null,
  );
  let answers = server.answers;
  const conflicts = new Map<string, AnswerConflict>();
  for (const d of drafts) {
    const r = restoreDraft({ answers, revision: server.revision }, d);
    const mine: AnswerPatch = {};
    for (const c of r.conflicts) {
      mine[c.id] = c.mine === undefined ? null : c.mine;
      conflicts.set(c.id, { ...c, theirs: server.answers[c.id] });
    }
    answers = applyPatch(r.answers, mine);
  }
  return { answers, conflicts: [...conflicts.values()] };
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
