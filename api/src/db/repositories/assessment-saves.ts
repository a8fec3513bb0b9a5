import type { AssessmentStatus } from '@zhiping/forms';
import type { Kysely } from 'kysely';
import type { Dialect } from '../open.ts';
import type { Database } from '../schema.ts';
import type { ReadModelColumns } from './assessment-reads.ts';

/*
 * An autosave as one conditional write: the answers, the read model and the
 * audit entry land together or not at all, only while the assessment is
 * still at the revision the client saw, in an editable state and in the
 * caller's organisation. On PostgreSQL that is a single statement (the
 * UPDATE … RETURNING feeds the audit INSERT in a data-modifying CTE): one
 * round trip per save. SQLite runs in-process, where a transaction of two
 * statements costs no round trip.
 */

export interface DraftWrite {
  id: string;
  orgId: string;
  /** The revision the client saw; the write lands only while it is current. */
  revision: number;
  states: readonly AssessmentStatus[];
  set: ReadModelColumns & {
    answers: string;
    revision: number;
    updated_at: string;
    title?: string;
    as_of?: string;
    position?: string | null;
  };
  audit: { actor: string; detail: string; at: string };
}

/** True when the save landed; false when the revision, state or organisation did not match. */
export async function writeDraftIf(
  db: Kysely<Database>,
  dialect: Dialect,
  w: DraftWrite,
): Promise<boolean> {
  if (dialect === 'postgres') {
    const row = await db
      .with('u', (qc) =>
        qc
          .updateTable('assessments')
          .set(w.set)
          .where('id', '=', w.id)
          .where('org_id', '=', w.orgId)
          .where('revision', '=', w.revision)
          .where('status', 'in', [...w.states])
          .returning('id'),
      )
      .with('l', (qc) =>
        qc
          .insertInto('audit_log')
          .columns(['assessment_id', 'actor_id', 'action', 'detail', 'at'])
          .expression((eb) =>
            eb
              .selectFrom('u')
              .select((s) => [
                'u.id',
                s.val(w.audit.actor).as('actor_id'),
                s.val('saved').as('action'),
                s.val(w.audit.detail).as('detail'),
                s.val(w.audit.at).as('at'),
              ]),
          ),
      )
      .selectFrom('u')
      .select('u.id')
      .executeTakeFirst();
    return row !== undefined;
  }
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('assessments')
      .set(w.set)
      .where('id', '=', w.id)
      .where('org_id', '=', w.orgId)
      .where('revision', '=', w.revision)
      .where('status', 'in', [...w.states])
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    await trx
      .insertInto('audit_log')
      .values({
        assessment_id: w.id,
        actor_id: w.audit.actor,
        action: 'saved',
        detail: w.audit.detail,
        at: w.audit.at,
      })
      .execute();
    return true;
  });
}

/** What a save needs of an assessment it has not seen at this revision (a cache miss). */
export async function draftBase(db: Kysely<Database>, id: string, orgId: string) {
  return db
    .selectFrom('assessments')
    .select([
      'id',
      'org_id',
      'status',
      'revision',
      'answers',
      'as_of',
      'definition_id',
      'definition_version',
      'self_result',
      'model_revision',
    ])
    .where('id', '=', id)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}
