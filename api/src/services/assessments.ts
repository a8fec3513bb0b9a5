import { randomUUID } from 'node:crypto';
import { contentHash, refOf, score, validateAnswers, zh } from '@zhiping/forms';
import type { Actor } from '../auth/session.ts';
import type { AssessmentRow } from '../db/schema.ts';
import type { Deps } from '../http/context.ts';
import { problems } from '../http/problem.ts';
import { assessmentFor } from './access.ts';
import { audit } from './audit.ts';
import { unknownFileRefs } from './files.ts';
import { answersOf, summaryOf } from './present.ts';

const today = (d: Date) => d.toISOString().slice(0, 10);

function invalidAnswers(ps: ReturnType<typeof validateAnswers>, detail: string) {
  return problems.unprocessable(
    detail,
    ps.map((p) => ({ path: p.path.join('.'), message: p.message, code: p.code })),
  );
}

/** Starts a draft pinned to the definition's exact version and content hash. */
export async function createAssessment(
  deps: Deps,
  actor: Actor,
  input: {
    definition: string;
    title?: string | undefined;
    asOf?: string | undefined;
    answers?: Record<string, unknown> | undefined;
  },
): Promise<AssessmentRow> {
  const { row: def, definition } = await deps.definitions.get(input.definition);
  const audience = definition.audience as string[];
  if (!audience.includes(actor.orgKind))
    throw problems.unprocessable(`《${zh(definition.title)}》不适用于本机构类型。`, [
      { path: 'definition', message: `适用对象：${audience.join('、')}` },
    ]);
  const answers = input.answers ?? {};
  const ps = validateAnswers(definition, answers, 'draft');
  if (ps.length > 0) throw invalidAnswers(ps, '初始答案有误，请按列出的问题修改。');
  const strays = await unknownFileRefs(deps, '', answers);
  if (strays.length > 0) throw unknownFiles(strays);
  const now = deps.now();
  const row: AssessmentRow = {
    id: randomUUID(),
    org_id: actor.orgId,
    definition_id: def.id,
    definition_version: def.version,
    definition_hash: def.hash,
    title: input.title ?? `${zh(definition.title)}（${today(now)}）`,
    status: 'draft',
    revision: 1,
    answers: JSON.stringify(answers),
    as_of: input.asOf ?? today(now),
    position: null,
    result: null,
    submission_hash: null,
    submitted_at: null,
    decision: null,
    decision_comment: null,
    decided_by: null,
    decided_at: null,
    created_by: actor.id,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await deps.db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('assessments').values(row).execute();
    await audit(trx, {
      assessment: row.id,
      actor: actor.id,
      action: 'created',
      detail: { definition: refOf(def), hash: def.hash },
      at: now,
    });
  });
  return row;
}

export async function listAssessments(deps: Deps, actor: Actor) {
  const rows = await deps.db.kysely
    .selectFrom('assessments')
    .selectAll()
    .where('org_id', '=', actor.orgId)
    .orderBy('updated_at', 'desc')
    .execute();
  return Promise.all(rows.map((r) => summaryOf(deps.definitions, r, actor.orgName)));
}

const unknownFiles = (refs: { item: string; file: string }[]) =>
  problems.unprocessable(
    '答案引用了未上传到本评估的文件，请先上传。',
    refs.map((r) => ({
      path: r.item,
      message: `文件 ${r.file} 未上传到本评估`,
      code: 'unknown_file',
    })),
  );

const stale = (current: number) =>
  problems.conflict(
    'stale-revision',
    '内容已在别处更新',
    '这份评估在您上次载入后已被修改（可能在另一个窗口或由同事修改）。请重新载入最新内容，再把您的修改补上。',
    { currentRevision: current },
  );

const notEditable = (status: string) =>
  problems.conflict(
    'not-editable',
    '当前状态下不能修改',
    status === 'returned'
      ? '评估已被退回，请先“重新打开”再修改。'
      : '评估已提交，答案已冻结，不能再修改。',
    { assessmentStatus: status },
  );

/**
 * Autosave: merges changed answers (null clears one) into the revision the
 * client saw. The write is conditional on that revision, so of two saves
 * made from the same revision exactly one lands and the other gets 409.
 */
export async function autosave(
  deps: Deps,
  actor: Actor,
  id: string,
  body: {
    revision: number;
    answers: Record<string, unknown>;
    title?: string | undefined;
    asOf?: string | undefined;
    position?: string | null | undefined;
  },
) {
  const row = await assessmentFor(deps.db.kysely, actor, id);
  if (actor.role !== 'respondent') throw problems.forbidden('只有填报机构的用户可以修改答案。');
  if (row.status !== 'draft') throw notEditable(row.status);
  if (row.revision !== body.revision) throw stale(row.revision);
  const { definition } = await deps.definitions.get(
    `${row.definition_id}@${row.definition_version}`,
  );
  const answers = answersOf(row);
  for (const [k, v] of Object.entries(body.answers)) {
    if (v === null) delete answers[k];
    else answers[k] = v;
  }
  const ps = validateAnswers(definition, answers, 'draft');
  if (ps.length > 0) throw invalidAnswers(ps, '有答案不符合题目要求，未保存。');
  const strays = await unknownFileRefs(deps, id, body.answers);
  if (strays.length > 0) throw unknownFiles(strays);
  const now = deps.now();
  const updated = await deps.db.kysely.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('assessments')
      .set({
        answers: JSON.stringify(answers),
        revision: row.revision + 1,
        updated_at: now.toISOString(),
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.asOf !== undefined ? { as_of: body.asOf } : {}),
        ...(body.position !== undefined ? { position: body.position } : {}),
      })
      .where('id', '=', id)
      .where('revision', '=', body.revision)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    await audit(trx, {
      assessment: id,
      actor: actor.id,
      action: 'saved',
      detail: {
        revision: row.revision + 1,
        items: Object.keys(body.answers),
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.asOf !== undefined ? { asOf: body.asOf } : {}),
      },
      at: now,
    });
    return true;
  });
  if (!updated) {
    const current = await assessmentFor(deps.db.kysely, actor, id);
    throw current.status === 'draft' ? stale(current.revision) : notEditable(current.status);
  }
  return { revision: row.revision + 1, updatedAt: now.toISOString(), status: 'draft' as const };
}

/** Freezes the answers, scores them on the server and seals them with a SHA-256. */
export async function submit(deps: Deps, actor: Actor, id: string, revision: number) {
  const row = await assessmentFor(deps.db.kysely, actor, id);
  if (actor.role !== 'respondent') throw problems.forbidden('只有填报机构的用户可以提交。');
  if (row.status !== 'draft') throw notEditable(row.status);
  if (row.revision !== revision) throw stale(row.revision);
  const { row: def, definition } = await deps.definitions.get(
    `${row.definition_id}@${row.definition_version}`,
  );
  const answers = answersOf(row);
  const ps = validateAnswers(definition, answers, 'submit');
  if (ps.length > 0)
    throw invalidAnswers(ps, `还有 ${ps.length} 个问题需要处理后才能提交：必答题未答或答案有误。`);
  const result = score(definition, answers, { asOf: row.as_of });
  const now = deps.now();
  const seal = contentHash({
    assessment: row.id,
    definition: refOf(def),
    definitionHash: def.hash,
    asOf: row.as_of,
    answers,
  });
  const assigned = await deps.db.kysely
    .selectFrom('assignments')
    .select('reviewer_id')
    .where('assessment_id', '=', id)
    .execute();
  const status = assigned.length > 0 ? 'in_review' : 'submitted';
  const ok = await deps.db.kysely.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('assessments')
      .set({
        status,
        revision: revision + 1,
        result: JSON.stringify(result),
        submission_hash: seal,
        submitted_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .where('revision', '=', revision)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    await audit(trx, {
      assessment: id,
      actor: actor.id,
      action: 'submitted',
      detail: {
        revision: revision + 1,
        seal,
        score: result.total.score,
        verdict: result.verdict.tier,
      },
      at: now,
    });
    return true;
  });
  if (!ok) throw stale((await assessmentFor(deps.db.kysely, actor, id)).revision);
}

/** A returned assessment goes back to draft, keeping its answers and the review so far. */
export async function reopen(deps: Deps, actor: Actor, id: string, revision: number) {
  const row = await assessmentFor(deps.db.kysely, actor, id);
  if (actor.role !== 'respondent') throw problems.forbidden('只有填报机构的用户可以重新打开。');
  if (row.status !== 'returned')
    throw problems.conflict('not-returned', '只能重新打开被退回的评估', `当前状态：${row.status}`, {
      assessmentStatus: row.status,
    });
  if (row.revision !== revision) throw stale(row.revision);
  const now = deps.now();
  await deps.db.kysely.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('assessments')
      .set({
        status: 'draft',
        revision: revision + 1,
        result: null,
        submission_hash: null,
        submitted_at: null,
        decision: null,
        decision_comment: null,
        decided_by: null,
        decided_at: null,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .where('revision', '=', revision)
      .where('status', '=', 'returned')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw stale(revision + 1);
    await audit(trx, {
      assessment: id,
      actor: actor.id,
      action: 'reopened',
      detail: { revision: revision + 1, previousSeal: row.submission_hash },
      at: now,
    });
  });
}
