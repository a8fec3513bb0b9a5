import { compile } from '@zhiping/forms';
import type { Actor } from '../auth/session.ts';
import type { Deps } from '../http/context.ts';
import { problems } from '../http/problem.ts';
import { assessmentFor } from './access.ts';
import { audit } from './audit.ts';
import { summaryOf } from './present.ts';

const REVIEWABLE = new Set(['submitted', 'in_review']);

/** Admin: assessments waiting for or under review, across organisations (summaries only). */
export async function assessmentsToAssign(deps: Deps) {
  const rows = await deps.db.kysely
    .selectFrom('assessments as a')
    .innerJoin('organisations as o', 'o.id', 'a.org_id')
    .selectAll('a')
    .select('o.name as orgName')
    .where('a.status', 'in', ['submitted', 'in_review', 'returned', 'decided'])
    .orderBy('a.submitted_at', 'desc')
    .execute();
  return Promise.all(rows.map(({ orgName, ...r }) => summaryOf(deps.definitions, r, orgName)));
}

export async function assign(deps: Deps, actor: Actor, id: string, reviewerId: string) {
  const db = deps.db.kysely;
  const row = await db
    .selectFrom('assessments')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  // Drafts are private to their organisation: an admin cannot tell one exists.
  if (!row || row.status === 'draft') throw problems.notFound('该评估');
  if (!REVIEWABLE.has(row.status))
    throw problems.conflict('not-reviewable', '当前状态下不能分配评审', `当前状态：${row.status}`, {
      assessmentStatus: row.status,
    });
  const reviewer = await db
    .selectFrom('users')
    .select(['id', 'role', 'name'])
    .where('id', '=', reviewerId)
    .executeTakeFirst();
  if (reviewer?.role !== 'reviewer')
    throw problems.unprocessable('只能分配给评审员。', [
      { path: 'reviewerId', message: '该用户不存在或不是评审员' },
    ]);
  const now = deps.now();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('assignments')
      .values({
        assessment_id: id,
        reviewer_id: reviewerId,
        assigned_by: actor.id,
        assigned_at: now.toISOString(),
      })
      .onConflict((oc) => oc.columns(['assessment_id', 'reviewer_id']).doNothing())
      .execute();
    await trx
      .updateTable('assessments')
      .set({ status: 'in_review', updated_at: now.toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'submitted')
      .execute();
    await audit(trx, {
      assessment: id,
      actor: actor.id,
      action: 'assigned',
      detail: { reviewer: reviewerId, name: reviewer.name },
      at: now,
    });
  });
}

export async function queue(deps: Deps, actor: Actor) {
  const rows = await deps.db.kysely
    .selectFrom('assessments as a')
    .innerJoin('assignments as s', 's.assessment_id', 'a.id')
    .innerJoin('organisations as o', 'o.id', 'a.org_id')
    .selectAll('a')
    .select('o.name as orgName')
    .where('s.reviewer_id', '=', actor.id)
    .where('a.status', '!=', 'draft')
    .orderBy('a.submitted_at', 'desc')
    .execute();
  return Promise.all(rows.map(({ orgName, ...r }) => summaryOf(deps.definitions, r, orgName)));
}

async function reviewable(deps: Deps, actor: Actor, id: string) {
  if (actor.role !== 'reviewer') throw problems.forbidden('只有被分配的评审员可以评审。');
  const row = await assessmentFor(deps.db.kysely, actor, id);
  if (row.status !== 'in_review')
    throw problems.conflict(
      'not-in-review',
      '当前不在评审中',
      '只有评审中的评估可以评审或作出决定。',
      {
        assessmentStatus: row.status,
      },
    );
  return row;
}

export interface ItemJudgement {
  verdict: 'agree' | 'override';
  status?: 'met' | 'partial' | 'unmet' | 'not_applicable' | undefined;
  points?: number | undefined;
  reason?: string | undefined;
  comment?: string | undefined;
}

export async function reviewItem(
  deps: Deps,
  actor: Actor,
  id: string,
  itemId: string,
  j: ItemJudgement,
) {
  const row = await reviewable(deps, actor, id);
  const { definition } = await deps.definitions.get(
    `${row.definition_id}@${row.definition_version}`,
  );
  const item = compile(definition).items.find((ci) => ci.item.id === itemId);
  if (!item) throw problems.notFound(`题目 ${itemId} `);
  const max = item.scorer.max;
  if (j.points !== undefined && j.points > max)
    throw problems.unprocessable('得分超出本题满分。', [
      { path: 'points', message: `本题满分 ${max}` },
    ]);
  const now = deps.now();
  const values = {
    reviewer_id: actor.id,
    verdict: j.verdict,
    status: j.verdict === 'override' ? (j.status ?? null) : null,
    points: j.verdict === 'override' && j.status === 'partial' ? (j.points ?? null) : null,
    reason: j.verdict === 'override' ? (j.reason ?? null) : null,
    comment: j.comment || null,
    updated_at: now.toISOString(),
  };
  await deps.db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto('item_reviews')
      .values({ assessment_id: id, item_id: itemId, ...values })
      .onConflict((oc) => oc.columns(['assessment_id', 'item_id']).doUpdateSet(values))
      .execute();
    await audit(trx, {
      assessment: id,
      actor: actor.id,
      action: 'reviewed',
      detail: { item: itemId, ...j },
      at: now,
    });
  });
  return values;
}

export async function decide(
  deps: Deps,
  actor: Actor,
  id: string,
  d: { outcome: 'approve' | 'return'; comment: string },
) {
  await reviewable(deps, actor, id);
  const now = deps.now();
  await deps.db.kysely.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('assessments')
      .set({
        status: d.outcome === 'approve' ? 'decided' : 'returned',
        decision: d.outcome,
        decision_comment: d.comment,
        decided_by: actor.id,
        decided_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .where('status', '=', 'in_review')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1)
      throw problems.conflict('not-in-review', '当前不在评审中', '该评估已由他人作出决定。');
    await audit(trx, { assessment: id, actor: actor.id, action: 'decided', detail: d, at: now });
  });
}
