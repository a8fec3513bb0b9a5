import type { Answers, Compiled, ItemResult, ScoreResult } from '@zhiping/forms';
import { score } from '@zhiping/forms';
import type { ReadModelColumns } from '../db/repositories/assessment-reads.ts';

/*
 * The read model: the self result of an assessment's current answers,
 * computed once when they (or the assessment date) change. Its figures
 * (score, tier, progress) are stored with the revision, so lists never
 * score; the full result of a draft stays beside the draft in memory
 * (draft-cache.ts) and is serialised once, for the first GET that needs
 * it — writing 22 KB of JSON on every autosave cost a save more than
 * scoring did. A frozen (submitted) result is stored in full.
 * It is trusted only for the revision it was computed for
 * (`model_revision`): a row written without it is recomputed on read.
 */

/** The self result, and its JSON made once, when first asked for. */
export interface SelfModel {
  result: ScoreResult;
  json(): string;
}

export function selfModel(result: ScoreResult, json?: string): SelfModel {
  let text = json;
  return {
    result,
    json: () => {
      text ??= JSON.stringify(result);
      return text;
    },
  };
}

export function computeSelf(compiled: Compiled, answers: Answers, asOf: string): SelfModel {
  return selfModel(score(compiled, answers, { asOf }));
}

/**
 * The columns for a self result at `revision`: the figures lists show, and
 * the full result only when it is to be stored (`full`: a frozen result).
 */
export function readModelColumns(
  self: SelfModel,
  revision: number,
  full = false,
): ReadModelColumns {
  const r = self.result;
  return {
    self_result: full ? self.json() : null,
    model_revision: revision,
    list_score: r.total.score,
    list_verdict: r.verdict.label === null ? null : JSON.stringify(r.verdict.label),
    list_answered: r.progress.answered,
    list_applicable: r.progress.applicable,
  };
}

export interface StatusChange {
  id: string;
  status: ScoreResult['items'][number]['status'];
  visible: boolean;
}

/** Item statuses (or visibility) that differ between two results: part of a save's delta. */
export function changedStatuses(
  before: readonly ItemResult[] | null,
  after: ScoreResult,
): StatusChange[] {
  // Two results of one compiled definition list the same items in the same
  // order: compared by position, and by id only where that does not hold.
  let byId: Map<string, ItemResult> | undefined;
  const was = (i: ItemResult, k: number): ItemResult | undefined => {
    const same = before?.[k];
    if (same?.id === i.id) return same;
    byId ??= new Map(before?.map((b) => [b.id, b]));
    return byId.get(i.id);
  };
  const out: StatusChange[] = [];
  for (const [k, i] of after.items.entries()) {
    const o = was(i, k);
    if (!o || o.status !== i.status || o.visible !== i.visible)
      out.push({ id: i.id, status: i.status, visible: i.visible });
  }
  return out;
}

/**
 * JSON this code wrote, vouched for by the row's revision (the read model is
 * current): parsed without running the schemas again, as Kysely's
 * ParseJSONResultsPlugin would. Rows that may be older go through
 * read-model-repair.ts instead.
 */
export function trustedJson<T>(text: string): T {
  return JSON.parse(text);
}
