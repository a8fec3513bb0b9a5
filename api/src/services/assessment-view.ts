import { createHash } from 'node:crypto';
import {
  type Answers,
  allowedActions,
  type Compiled,
  refOf,
  reviewVisibleTo,
} from '@zhiping/forms';
import type { Actor } from '../auth/session.ts';
import type { AssessmentDetail } from '../contract/index.ts';
import {
  type DetailHead,
  type DetailRow,
  findDetailRow,
} from '../db/repositories/assessment-reads.ts';
import { fromRow } from '../db/repositories/assessments.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { scopeOf, visibleRelation } from './access.ts';
import { headOf } from './detail-heads.ts';
import { draftCacheFor } from './draft-cache.ts';
import { detailOf } from './present.ts';
import { computeSelf, type SelfModel, trustedJson } from './read-model.ts';
import { ensureModel } from './read-model-repair.ts';

/*
 * GET of one assessment, read from the stored read model: the answers sent
 * as the text they are stored as, the result as its save computed and
 * serialised it (read-model.ts). That is the questionnaire's read: an
 * owner's draft. Every other view (reviews, decisions, reviewers' reads)
 * goes through the full presenter.
 *
 * A respondent's reread (the questionnaire refetches on focus, a second
 * tab, a reload) first reads only the columns its ETag is made of; when
 * the caller holds that tag (304) or this process holds the body sent for
 * it, nothing else is read. The full row — answers, result, organisation,
 * reviewers — is read only to build a body. A save made by another process
 * is never answered with an older body: every read asks the database for
 * the current revision, or on SQLite keeps it only while the database's
 * data_version says no other connection wrote (db/read-cache.ts).
 */

/** Bump when the detail's shape changes: caches must not answer 304 across it. */
const VIEW_VERSION = 'v1';

/**
 * The entity tag: the revision and definition hash (what the answers and
 * result depend on), plus the last change of anything else a detail shows
 * (review, assignment, decision all touch `updated_at`) and who is looking
 * (what they may see and do differs).
 */
export function etagOf(
  row: Pick<DetailHead, 'revision' | 'definition_hash' | 'updated_at' | 'status'>,
  actor: Actor,
): string {
  const key = `${VIEW_VERSION}|${row.updated_at}|${actor.id}|${actor.role}|${row.status}`;
  let rest = recentTags.get(key);
  if (rest === undefined) {
    rest = createHash('sha256').update(key).digest('base64url').slice(0, 12);
    if (recentTags.size >= 10_000) recentTags.clear();
    recentTags.set(key, rest);
  }
  return `"${row.revision}-${row.definition_hash.slice(0, 16)}-${rest}"`;
}

/** The hashed part of recent tags: a reread of an unchanged draft hashes nothing. */
const recentTags = new Map<string, string>();

/** A serialised detail with its tag, or only the tag when the caller holds it already. */
export type Versioned =
  | { etag: string; notModified: true }
  | { etag: string; json: string | Uint8Array<ArrayBuffer> };

/** A non-empty evidence file list in stored answers (the text has no whitespace). */
const citesFiles = (answersText: string) => answersText.includes('"files":[{');

export async function assessmentView(
  deps: Deps,
  actor: Actor,
  id: string,
  /** Whether the caller already holds this tag (If-None-Match): then nothing is built. */
  held: (etag: string) => boolean = () => false,
): Promise<Versioned> {
  if (actor.role === 'admin') throw new DomainError('not_found', { what: 'assessment' });
  if (actor.role === 'respondent') {
    const head = await headOf(deps, id, actor.orgId);
    if (!head) throw new DomainError('not_found', { what: 'assessment' });
    const etag = etagOf(head, actor);
    if (held(etag)) return { etag, notModified: true };
    const sent = draftCacheFor(deps.db).at(head.id, head.revision)?.view;
    if (sent?.etag === etag) return { etag, json: sent.body };
  }
  const row = await findDetailRow(deps.db.kysely, deps.db.dialect, id, scopeOf(actor));
  if (!row) throw new DomainError('not_found', { what: 'assessment' });
  // A reviewer never sees a draft (404), and only the lead decides: access.ts (issue 13).
  const relation = await visibleRelation(deps.db.kysely, actor, row);
  const etag = etagOf(row, actor);
  if (held(etag)) return { etag, notModified: true };
  // The stored figures and answers were written by this code at this revision.
  const trusted = row.model_revision === row.revision;
  // A draft that has reviewers was returned: the full path shows the returned round's comments.
  const ownDraft =
    row.status === 'draft' &&
    relation.owner &&
    actor.role === 'respondent' &&
    row.reviewers.length === 0;
  if (!ownDraft || reviewVisibleTo(row.status, relation) || citesFiles(row.answers) || !trusted) {
    // The full presenter: reviews, stored file names, or a row from before the read model.
    if (!trusted) await ensureModel(deps, row);
    const full = await detailOf(deps.db.kysely, deps.definitions, fromRow(row), relation);
    return { etag, json: JSON.stringify(full) };
  }
  const cache = draftCacheFor(deps.db);
  const sent = cache.at(row.id, row.revision)?.view;
  if (sent?.etag === etag) return { etag, json: sent.body };
  const def = await deps.definitions.get(`${row.definition_id}@${row.definition_version}`);
  const { definition } = def;
  const verdict: AssessmentDetail['verdict'] =
    row.list_verdict === null ? null : JSON.parse(row.list_verdict);
  const head: Omit<AssessmentDetail, 'result' | 'answers'> = {
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
    verdict,
    progress:
      row.list_answered === null || row.list_applicable === null
        ? null
        : { answered: row.list_answered, applicable: row.list_applicable },
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
    definitionHash: row.definition_hash,
    position: row.position,
    reviewedResult: null,
    submissionHash: row.submission_hash,
    // Never submitted (no reviewers): no round, no review yet.
    reviewers: [],
    round: 0,
    reviewed: null,
    reviews: [],
    decision: null,
    can: allowedActions(row.status, relation),
  };
  const self = selfOf(deps, row, def.compiled);
  // Answers as stored (trusted, see above); the result as serialised once for this revision.
  const text = JSON.stringify(head);
  const body = Buffer.from(
    `${text.slice(0, -1)},"answers":${row.answers},"result":${self.json()}}`,
  );
  const entry = cache.at(row.id, row.revision);
  if (entry) entry.view = { etag, body };
  return { etag, json: body };
}

/**
 * The draft's result at this revision: the one its last save (in this
 * process) computed, else scored now from the stored answers — once: the
 * draft is kept for the next read and for the save likely to follow.
 */
function selfOf(deps: Deps, row: DetailRow, compiled: Compiled): SelfModel {
  const cache = draftCacheFor(deps.db);
  const hit = cache.at(row.id, row.revision);
  if (hit?.self) return hit.self;
  const answers = hit?.answers ?? trustedJson<Answers>(row.answers);
  const self = computeSelf(compiled, answers, row.as_of);
  cache.put(row.id, {
    orgId: row.org_id,
    status: row.status,
    revision: row.revision,
    definitionRef: `${row.definition_id}@${row.definition_version}`,
    asOf: row.as_of,
    answers,
    self,
  });
  return self;
}
