import { type AnswerPatch, Answers, applyPatch, statesFor, validateAnswers } from '@zhiping/forms';
import type { Actor } from '../auth/session.ts';
import type { Saved } from '../contract/index.ts';
import { draftBase, writeDraftIf } from '../db/repositories/assessment-saves.ts';
import { parseColumn } from '../db/repositories/json.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { assessmentFor } from './access.ts';
import { type DraftEntry, draftCacheFor } from './draft-cache.ts';
import { unknownFileRefs } from './files.ts';
import { ensureAllowed, relationOf } from './lifecycle.ts';
import { lostRace } from './lost-race.ts';
import { changedStatuses, computeSelf, readModelColumns, trustedJson } from './read-model.ts';

export interface AutosaveBody {
  revision: number;
  answers: AnswerPatch;
  title?: string | undefined;
  asOf?: string | undefined;
  position?: string | null | undefined;
}

/**
 * Autosave: applies the answer patch (null clears one) to the revision the
 * client saw. The write is conditional on that revision and on a state that
 * may be edited, so of two saves made from the same revision exactly one
 * lands and the other gets 409.
 *
 * Lean: only the changed answers are checked (the stored ones were checked
 * when they were saved, and a draft's check is per answer); the result is
 * scored once, here, and stored as the read model; with the draft in the
 * cache (it was just read or saved) the save is one conditional write.
 */
export async function autosave(
  deps: Deps,
  actor: Actor,
  id: string,
  body: AutosaveBody,
): Promise<Saved> {
  const cache = draftCacheFor(deps.db);
  const hit = actor.role === 'respondent' ? cache.at(id, body.revision) : undefined;
  const base = hit ?? (await loadBase(deps, actor, id, body.revision));
  // A cached draft of another organisation is as absent as a missing id: the
  // same 404, so ids cannot be probed (the cache is keyed by id, not by reader).
  if (base.orgId !== actor.orgId) throw new DomainError('not_found', { what: 'assessment' });
  ensureAllowed('edit', base.status, relationOf(actor, base.orgId, false));
  const { compiled } = await deps.definitions.get(base.definitionRef);
  const given: AnswerPatch = {};
  for (const [k, v] of Object.entries(body.answers)) if (v !== null) given[k] = v;
  const asOf = body.asOf ?? base.asOf;
  const issues = validateAnswers(compiled, given, { mode: 'draft', asOf });
  if (issues.length > 0) throw new DomainError('invalid_answers', { issues, stage: 'save' });
  const strays = await unknownFileRefs(deps, id, body.answers);
  if (strays.length > 0) throw new DomainError('unknown_files', { refs: strays });
  const answers = applyPatch(base.answers, body.answers);
  const self = computeSelf(compiled, answers, asOf);
  const now = deps.now().toISOString();
  const revision = body.revision + 1;
  const saved = await writeDraftIf(deps.db.kysely, deps.db.dialect, {
    id,
    orgId: base.orgId,
    revision: body.revision,
    states: statesFor('edit'),
    set: {
      answers: JSON.stringify(answers),
      revision,
      updated_at: now,
      ...readModelColumns(self, revision),
      ...(body.title !== undefined ? { title: body.title } : {}),
      ...(body.asOf !== undefined ? { as_of: body.asOf } : {}),
      ...(body.position !== undefined ? { position: body.position } : {}),
    },
    audit: {
      actor: actor.id,
      at: now,
      detail: JSON.stringify({
        revision,
        items: Object.keys(body.answers),
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.asOf !== undefined ? { asOf: body.asOf } : {}),
      }),
    },
  });
  if (!saved) {
    cache.drop(id);
    throw await lostRace(deps, id, 'edit');
  }
  cache.put(id, { ...base, revision, asOf, answers, self });
  const r = self.result;
  return {
    revision,
    updatedAt: now,
    status: base.status,
    score: r.total.score,
    verdict: r.verdict.label,
    progress: { answered: r.progress.answered, applicable: r.progress.applicable },
    statuses: changedStatuses(base.self?.result.items ?? null, r),
  };
}

/** A draft not in the cache at this revision: read it (one query), with the checks a read makes. */
async function loadBase(
  deps: Deps,
  actor: Actor,
  id: string,
  revision: number,
): Promise<DraftEntry> {
  if (actor.role !== 'respondent') {
    // Reviewers and admins cannot edit: the usual read gives their 404 or 403.
    const { row, relation } = await assessmentFor(deps.db.kysely, actor, id);
    ensureAllowed('edit', row.status, relation);
  }
  const row = await draftBase(deps.db.kysely, deps.db.dialect, id, actor.orgId);
  if (!row) throw new DomainError('not_found', { what: 'assessment' });
  ensureAllowed('edit', row.status, relationOf(actor, row.org_id, false));
  if (row.revision !== revision)
    throw new DomainError('stale_revision', { currentRevision: row.revision });
  // Written by this code at this revision: parsed without checking again (see read-model.ts).
  const trusted = row.model_revision === row.revision;
  return {
    orgId: row.org_id,
    status: row.status,
    revision: row.revision,
    definitionRef: `${row.definition_id}@${row.definition_version}`,
    asOf: row.as_of,
    // A row from before the read model is checked as it is read (see read-model-repair.ts).
    answers: trusted
      ? trustedJson<Answers>(row.answers)
      : parseColumn(Answers, row.answers, `assessments.answers of ${id}`),
    // Not seen in this process: the delta then lists every item's status.
    self: null,
  };
}
