import { Answers, StoredScoreResult } from '@zhiping/forms';
import { storeReadModel } from '../db/repositories/assessment-reads.ts';
import { parseColumn } from '../db/repositories/json.ts';
import type { AssessmentRow } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { computeSelf, readModelColumns, type SelfModel, selfModel } from './read-model.ts';

/*
 * Rows written before the read model existed (or by a writer that changed
 * them without it) are the boundary where stored JSON may be old: here it
 * is parsed with the engine's schemas — a result frozen by the first engine
 * is upgraded, not re-scored — and the model is stored once, so the next
 * read of the row is a trusted one.
 */

type Stale = Pick<
  AssessmentRow,
  | 'id'
  | 'revision'
  | 'answers'
  | 'as_of'
  | 'result'
  | 'status'
  | 'definition_id'
  | 'definition_version'
  | 'list_score'
>;

export async function ensureModel(deps: Deps, row: Stale): Promise<SelfModel> {
  const self =
    row.result !== null
      ? frozen(row.result, row.id)
      : computeSelf(
          (await deps.definitions.get(`${row.definition_id}@${row.definition_version}`)).compiled,
          parseColumn(Answers, row.answers, `assessments.answers of ${row.id}`),
          row.as_of,
        );
  try {
    await storeReadModel(
      deps.db.kysely,
      row.id,
      row.revision,
      // A frozen result is stored in full; a draft's figures only (read-model.ts).
      readModelColumns(self, row.revision, row.result !== null),
      // A decision wrote the figures lists show (the decided score): keep them.
      row.status === 'decided' && row.list_score !== null,
    );
  } catch (err) {
    // Only a cache of derived data: the read still answers, the next one retries.
    deps.log.error(`read model of ${row.id} not stored`, err);
  }
  return self;
}

function frozen(text: string, id: string): SelfModel {
  const result = parseColumn(StoredScoreResult, text, `assessments.result of ${id}`);
  return selfModel(result);
}
