import { type Definition, refOf, type Text } from '@zhiping/forms';
import type { AssessmentListQuery, AssessmentPage, AssessmentSummary } from '../contract/index.ts';
import { assessmentPage } from '../db/repositories/assessment-pages.ts';
import { answersOf, type ListRow } from '../db/repositories/assessment-reads.ts';
import type { Scope } from '../db/repositories/assessments.ts';
import type { Deps } from '../deps.ts';
import { commonFilter } from './list-filters.ts';
import { trustedJson } from './read-model.ts';
import { ensureModel } from './read-model-repair.ts';
import { decidedOf } from './review-outcome.ts';

/*
 * Lists read the stored figures (read model) and never score: a page of
 * 1,000 assessments is one query and a map. Rows written before the read
 * model are brought up to date once, on the first list that meets them.
 */

/** One page of the assessments in `scope` that match the filters, in the order asked for. */
export async function listSummaries(
  deps: Deps,
  scope: Scope,
  query: AssessmentListQuery,
): Promise<AssessmentPage> {
  const { page, pageSize } = query;
  const { rows, total } = await assessmentPage(
    deps.db.kysely,
    deps.db.dialect,
    {
      scope,
      ...(await commonFilter(deps, query, 'updated_at')),
      statuses: query.status ? [query.status] : undefined,
    },
    query,
    { page, pageSize },
  );
  return { items: await summariesOf(deps, rows), total, page, pageSize };
}

/**
 * Rows of a list as summaries, from the stored read model: a row whose
 * model is missing or stale is brought up to date once; decided rows carry
 * the frozen outcome beside the self figures (one query for the page).
 */
export async function summariesOf(deps: Deps, rows: ListRow[]): Promise<AssessmentSummary[]> {
  const stale = rows.filter((r) => r.model_revision !== r.revision || r.list_score === null);
  const repaired = new Map<string, ListRow>();
  for (const old of await answersOf(
    deps.db.kysely,
    stale.map((r) => r.id),
  )) {
    const listed = stale.find((r) => r.id === old.id);
    if (!listed) continue;
    const self = await ensureModel(deps, {
      ...old,
      status: listed.status,
      list_score: listed.list_score,
    });
    const r = self.result;
    const keep = listed.status === 'decided' && listed.list_score !== null;
    repaired.set(old.id, {
      ...listed,
      list_score: keep ? listed.list_score : r.total.score,
      list_verdict: keep
        ? listed.list_verdict
        : r.verdict.label === null
          ? null
          : JSON.stringify(r.verdict.label),
      list_answered: r.progress.answered,
      list_applicable: r.progress.applicable,
    });
  }
  // The few versions a page pins, each looked up once (cached after the first: no query).
  const defs = new Map<string, Definition>();
  for (const r of rows) {
    const ref = `${r.definition_id}@${r.definition_version}`;
    if (!defs.has(ref)) defs.set(ref, (await deps.definitions.get(ref)).definition);
  }
  const items = rows.map((row) => {
    const definition = defs.get(`${row.definition_id}@${row.definition_version}`);
    if (!definition) throw new Error(`definition of ${row.id} not loaded`);
    return summaryOfRow(repaired.get(row.id) ?? row, definition);
  });
  // The approved outcome beside the self figures (issue 13): one query for the page.
  const decided = await decidedOf(deps.db.kysely, deps.definitions, rows);
  for (const item of items) item.reviewed = decided.get(item.id) ?? null;
  return items;
}

function summaryOfRow(row: ListRow, definition: Definition): AssessmentSummary {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    revision: row.revision,
    definition: {
      id: definition.id,
      version: definition.version,
      ref: refOf(definition),
      title: definition.title,
    },
    organisation: { id: row.org_id, name: row.orgName },
    asOf: row.as_of,
    score: row.list_score,
    verdict: row.list_verdict === null ? null : trustedJson<Text>(row.list_verdict),
    progress:
      row.list_answered === null || row.list_applicable === null
        ? null
        : { answered: row.list_answered, applicable: row.list_applicable },
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
  };
}
