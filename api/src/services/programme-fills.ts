import type { Actor } from '../auth/session.ts';
import type { Saved } from '../contract/index.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { assessmentFor } from './access.ts';
import { autosave } from './assessments.ts';
import { type Rollup, rollupOf } from './programme-ranking.ts';

/*
 * Roll-up into the office's own indicators: a count from one of its calls
 * (how many applied, were reviewed, reached or were awarded a tier) becomes
 * the answer to a number item of its own 强市 or regional-indicator
 * assessment, and the answer remembers where it came from. If the office
 * later answers otherwise, it says why; the source stays on record.
 */

export const MEASURES = ['applied', 'submitted', 'decided', 'awarded', 'excellent'] as const;
export type Measure = (typeof MEASURES)[number] | `awarded:${string}` | `reached:${string}`;

/** The value of a measure in a roll-up; null when the call cannot give it yet (not closed). */
export function measureOf(r: Rollup, measure: string): number | null {
  if (measure === 'applied') return r.applied;
  if (measure === 'submitted') return r.submitted;
  if (measure === 'decided') return r.decided;
  if (measure === 'excellent') return r.excellent;
  if (measure === 'awarded')
    return r.awarded ? Object.values(r.awarded).reduce((a, b) => a + b, 0) : null;
  const [kind, tier = ''] = measure.split(':');
  if (kind === 'awarded') return r.awarded ? (r.awarded[tier] ?? null) : null;
  if (kind === 'reached') return r.reached[tier] ?? null;
  return null;
}

export interface Fill {
  item: string;
  programme: { id: string; title: string };
  measure: string;
  value: number;
  filledAt: string;
  /** The answer now differs from the filled value. */
  overridden: boolean;
  overrideReason: string | null;
}

/**
 * Fills one number item of the office's own draft from a call's roll-up
 * (an autosave at the revision the client saw, so a stale page gets 409).
 */
export async function fillFromProgramme(
  deps: Deps,
  actor: Actor,
  programmeId: string,
  body: { assessment: string; item: string; measure: string; revision: number },
): Promise<{ saved: Saved; fill: Fill }> {
  const rollup = await rollupOf(deps, actor, programmeId);
  const value = measureOf(rollup, body.measure);
  if (value === null)
    throw new DomainError('invalid_programme', {
      field: 'measure',
      reason: '该汇总数尚不可用（按名额获评的数量在申报截止后才确定），或所选等级不存在。',
    });
  const { row } = await assessmentFor(deps.db.kysely, actor, body.assessment);
  if (row.org_id !== actor.orgId) throw new DomainError('not_found', { what: 'assessment' });
  const { compiled } = await deps.definitions.get(`${row.definition_id}@${row.definition_version}`);
  const index = compiled.itemIndex.get(body.item);
  const item = index === undefined ? undefined : compiled.items[index];
  if (!item) throw new DomainError('not_found', { what: 'item', id: body.item });
  if (item.item.kind !== 'number')
    throw new DomainError('invalid_programme', {
      field: 'item',
      reason: '只能把汇总数填入数字题。',
    });
  const saved = await autosave(deps, actor, row.id, {
    revision: body.revision,
    answers: { [body.item]: value },
  });
  const at = deps.now();
  const db = deps.db.kysely;
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('rollup_fills')
      .where('assessment_id', '=', row.id)
      .where('item_id', '=', body.item)
      .execute();
    await trx
      .insertInto('rollup_fills')
      .values({
        assessment_id: row.id,
        item_id: body.item,
        programme_id: programmeId,
        measure: body.measure,
        value,
        filled_by: actor.id,
        filled_at: at.toISOString(),
        override_reason: null,
        overridden_by: null,
        overridden_at: null,
      })
      .execute();
    await appendAudit(trx, {
      assessment: row.id,
      actor: actor.id,
      action: 'rollup_filled',
      detail: { item: body.item, programme: programmeId, measure: body.measure, value },
      at,
    });
  });
  const [fill] = (await fillsOf(deps, actor, row.id)).filter((f) => f.item === body.item);
  if (!fill) throw new Error('fill vanished after insert');
  return { saved, fill };
}

/** The filled answers of an assessment, each with its source and whether it was overridden. */
export async function fillsOf(deps: Deps, actor: Actor, assessmentId: string): Promise<Fill[]> {
  const { row } = await assessmentFor(deps.db.kysely, actor, assessmentId);
  const rows = await deps.db.kysely
    .selectFrom('rollup_fills as f')
    .innerJoin('programmes as p', 'p.id', 'f.programme_id')
    .select([
      'f.item_id',
      'f.programme_id',
      'p.title',
      'f.measure',
      'f.value',
      'f.filled_at',
      'f.override_reason',
    ])
    .where('f.assessment_id', '=', row.id)
    .orderBy('f.item_id')
    .execute();
  return rows.map((f) => ({
    item: f.item_id,
    programme: { id: f.programme_id, title: f.title },
    measure: f.measure,
    value: Number(f.value),
    filledAt: f.filled_at,
    overridden: row.answers[f.item_id] !== Number(f.value),
    overrideReason: f.override_reason,
  }));
}

/** Records why the office's answer differs from the filled value. */
export async function explainOverride(
  deps: Deps,
  actor: Actor,
  assessmentId: string,
  item: string,
  reason: string,
): Promise<Fill> {
  const { row, relation } = await assessmentFor(deps.db.kysely, actor, assessmentId);
  if (!relation.owner) throw new DomainError('not_found', { what: 'assessment' });
  const at = deps.now();
  const done = await deps.db.kysely.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('rollup_fills')
      .set({ override_reason: reason, overridden_by: actor.id, overridden_at: at.toISOString() })
      .where('assessment_id', '=', row.id)
      .where('item_id', '=', item)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    await appendAudit(trx, {
      assessment: row.id,
      actor: actor.id,
      action: 'rollup_overridden',
      detail: { item, reason },
      at,
    });
    return true;
  });
  if (!done) throw new DomainError('not_found', { what: 'item', id: item });
  const fill = (await fillsOf(deps, actor, row.id)).find((f) => f.item === item);
  if (!fill) throw new DomainError('not_found', { what: 'item', id: item });
  return fill;
}
