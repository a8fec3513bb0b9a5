import type { AssessmentStatus } from '@zhiping/forms';
import type { Kysely } from 'kysely';
import type { Dialect } from '../open.ts';
import { type Placeholder, prepared } from '../prepared.ts';
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

/*
 * Prepared once per shape (db/prepared.ts): the columns a save sets vary
 * (title, date and position only sometimes) and so do the editable states,
 * which are spelled into the SQL; the values are placeholders.
 */
type Set = DraftWrite['set'];
type SaveArgs = Record<string, unknown>;
const saves = new Map<string, ReturnType<typeof saveQuery>>();

const setArgs = (set: Set) =>
  Object.fromEntries(Object.entries(set).map(([k, v]) => [`set.${k}`, v ?? null]));

function saveQuery(columns: readonly (keyof Set)[], states: readonly AssessmentStatus[]) {
  return {
    pg: prepared((db, p: Placeholder<SaveArgs>) =>
      db
        .with('u', (qc) =>
          qc
            .updateTable('assessments')
            .set(Object.fromEntries(columns.map((k) => [k, p(`set.${k}`)])) as Partial<Set>)
            .where('id', '=', p('id') as string)
            .where('org_id', '=', p('orgId') as string)
            .where('revision', '=', p('revision') as number)
            .where('status', 'in', [...states])
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
                  s.val(p('actor') as string).as('actor_id'),
                  s.val('saved').as('action'),
                  s.val(p('detail') as string).as('detail'),
                  s.val(p('at') as string).as('at'),
                ]),
            ),
        )
        .selectFrom('u')
        .select('u.id'),
    ),
    update: prepared((db, p: Placeholder<SaveArgs>) =>
      db
        .updateTable('assessments')
        .set(Object.fromEntries(columns.map((k) => [k, p(`set.${k}`)])) as Partial<Set>)
        .where('id', '=', p('id') as string)
        .where('org_id', '=', p('orgId') as string)
        .where('revision', '=', p('revision') as number)
        .where('status', 'in', [...states]),
    ),
    audit: prepared((db, p: Placeholder<SaveArgs>) =>
      db.insertInto('audit_log').values({
        assessment_id: p('id') as string,
        actor_id: p('actor') as string,
        action: 'saved',
        detail: p('detail') as string,
        at: p('at') as string,
      }),
    ),
  };
}

function saveQueriesFor(w: DraftWrite) {
  const columns = (Object.keys(w.set) as (keyof Set)[]).sort();
  const key = `${columns.join(',')}|${w.states.join(',')}`;
  let q = saves.get(key);
  if (!q) {
    q = saveQuery(columns, w.states);
    saves.set(key, q);
  }
  return q;
}

/** True when the save landed; false when the revision, state or organisation did not match. */
export async function writeDraftIf(
  db: Kysely<Database>,
  dialect: Dialect,
  w: DraftWrite,
): Promise<boolean> {
  const q = saveQueriesFor(w);
  const args: SaveArgs = {
    ...setArgs(w.set),
    id: w.id,
    orgId: w.orgId,
    revision: w.revision,
    actor: w.audit.actor,
    detail: w.audit.detail,
    at: w.audit.at,
  };
  if (dialect === 'postgres') return (await q.pg(db, dialect, args)).rows.length > 0;
  return db.transaction().execute(async (trx) => {
    const r = await q.update(trx, dialect, args);
    if (Number(r.numAffectedRows ?? 0) !== 1) return false;
    await q.audit(trx, dialect, args);
    return true;
  });
}

const baseQuery = prepared((db, p: Placeholder<{ id: string; orgId: string }>) =>
  db
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
    .where('id', '=', p('id'))
    .where('org_id', '=', p('orgId')),
);

/** What a save needs of an assessment it has not seen at this revision (a cache miss). */
export async function draftBase(db: Kysely<Database>, dialect: Dialect, id: string, orgId: string) {
  return (await baseQuery(db, dialect, { id, orgId })).rows[0];
}
