import type { Answers, Compiled, ItemResult, ScoreResult } from '@zhiping/forms';
import { score } from '@zhiping/forms';
import type { ReadModelColumns } from '../db/repositories/assessment-reads.ts';

/*
 * The read model: the self result of an assessment's current answers,
 * computed once when they (or the assessment date) change and stored with
 * the revision, so that GET and lists read it instead of scoring again.
 * It is trusted only for the revision it was computed for
 * (`model_revision`): a row written without it is recomputed on read.
 */

/** The self result, and its JSON exactly as stored (sent on GET without parsing it again). */
export interface SelfModel {
  result: ScoreResult;
  json: string;
}

export function computeSelf(compiled: Compiled, answers: Answers, asOf: string): SelfModel {
  const result = score(compiled, answers, { asOf });
  return { result, json: JSON.stringify(result) };
}

/**
 * The columns for a self result at `revision`. Lists show the self figures
 * until a decision seals reviewed ones (the review service then writes
 * `list_score` / `list_verdict` itself).
 */
export function readModelColumns(self: SelfModel, revision: number): ReadModelColumns {
  const r = self.result;
  return {
    self_result: self.json,
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
  const old = new Map(before?.map((i) => [i.id, i]));
  const out: StatusChange[] = [];
  for (const i of after.items) {
    const o = old.get(i.id);
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
