import {
  type Answers,
  carryOver,
  type Definition,
  forwardMapping,
  itemPlaces,
  type Mapping,
  refOf,
  type StartGuide,
} from '@zhiping/forms';
import { loadBuiltins, loadStartGuide } from '@zhiping/forms/node';
import type { Actor } from '../auth/session.ts';
import type {
  CarriedOver,
  CarryOverReport,
  CarryOverTarget,
  PendingAnswers,
} from '../contract/index.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import { findCarryOver, insertCarryOver, setPending } from '../db/repositories/carry-overs.ts';
import { titleOf } from '../db/repositories/history.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { assessmentFor } from './access.ts';
import { autosave, createAssessment } from './assessments.ts';

/*
 * "Start the 2023 assessment from my 2013 one", "use my 贯标 answers for the
 * enterprise programme", "start again from last year's": a new draft from
 * an earlier assessment, along a built-in mapping or item by item. What the
 * mapping marks "to be confirmed" (and, within one questionnaire, dates and
 * period figures) is kept beside the draft, not in its answers, until the
 * respondent confirms it — so gates that read it stay unknown till then.
 */

const idOf = (ref: string) => ref.split('@')[0] ?? ref;

/** The built-in mappings (checked when the library loads; read once per process). */
const mappings = (): readonly Mapping[] => loadBuiltins().mappings;

let guide: StartGuide | undefined;
/** The guided start's rules, read once per process (a built-in file, like the definitions). */
export const startGuide = (): StartGuide => {
  guide ??= loadStartGuide();
  return guide;
};

/** The earlier assessment, which only its own organisation's respondents may start from. */
async function sourceOf(deps: Deps, actor: Actor, id: string) {
  const { row, relation } = await assessmentFor(deps.db.kysely, actor, id);
  if (actor.role !== 'respondent' || !relation.owner)
    throw new DomainError('not_found', { what: 'assessment' });
  const def = await deps.definitions.get(`${row.definition_id}@${row.definition_version}`);
  return { row, definition: def.definition };
}

/** The questionnaires the assessment can start, for the caller's kind of organisation. */
export async function carryOverTargets(
  deps: Deps,
  actor: Actor,
  id: string,
): Promise<CarryOverTarget[]> {
  const { row } = await sourceOf(deps, actor, id);
  const out: CarryOverTarget[] = [];
  const add = async (definition: string, mapping: string | null) => {
    const target = await deps.definitions.get(definition).catch(() => null);
    if (!target) return;
    const audience: readonly string[] = target.definition.audience;
    if (!audience.includes(actor.orgKind)) return;
    out.push({
      definition: target.row.id,
      title: target.definition.title,
      kind: mapping ? 'mapping' : 'previous',
      mapping,
    });
  };
  for (const m of mappings()) if (idOf(m.from) === row.definition_id) await add(idOf(m.to), m.id);
  await add(row.definition_id, null);
  return out;
}

/** The carry-over from an assessment into the newest version of `target`, computed, not stored. */
async function plan(deps: Deps, actor: Actor, id: string, target: string) {
  const source = await sourceOf(deps, actor, id);
  const to = await deps.definitions.get(idOf(target));
  const mapping: Mapping | undefined =
    to.row.id === source.row.definition_id
      ? undefined
      : mappings().find(
          (m) => idOf(m.from) === source.row.definition_id && idOf(m.to) === to.row.id,
        );
  if (to.row.id !== source.row.definition_id && !mapping)
    throw new DomainError('not_found', { what: 'definition', id: target });
  const carried = carryOver(
    mapping ?? forwardMapping(source.definition, to.definition),
    source.definition,
    to.definition,
    source.row.answers,
  );
  const report = describe(source, to.definition, mapping?.id ?? null, carried.report);
  return { source, to, mapping, carried, report };
}

function describe(
  source: { row: { id: string; title: string }; definition: Definition },
  to: Definition,
  mapping: string | null,
  r: ReturnType<typeof carryOver>['report'],
): CarryOverReport {
  const places = itemPlaces(to);
  const label = (item: string) => {
    const p = places.get(item);
    return { item, section: p?.section ?? '', label: p ? (p.item.label ?? p.item.prompt) : item };
  };
  return {
    source: {
      id: source.row.id,
      title: source.row.title,
      definition: refOf(source.definition),
      definitionTitle: source.definition.title,
    },
    target: { definition: refOf(to), title: to.title },
    kind: mapping ? 'mapping' : 'previous',
    mapping,
    carried: r.carried.map(label),
    pending: r.pending.map(label),
    skipped: r.skipped.map((s) => ({ ...label(s.to), from: s.from, reason: s.reason })),
    fresh: r.fresh.map(label),
  };
}

/** What starting `target` from the assessment would carry; nothing is written. */
export async function previewCarryOver(
  deps: Deps,
  actor: Actor,
  id: string,
  target: string,
): Promise<CarryOverReport> {
  return (await plan(deps, actor, id, target)).report;
}

/** Starts the new draft with the carried answers; the to-be-confirmed ones wait beside it. */
export async function startFrom(
  deps: Deps,
  actor: Actor,
  id: string,
  body: { definition: string; title?: string | undefined },
): Promise<CarriedOver> {
  const p = await plan(deps, actor, id, body.definition);
  const row = await createAssessment(deps, actor, {
    definition: refOf(p.to.definition),
    title: body.title,
    answers: p.carried.answers,
  });
  // Two steps, not one transaction: the draft is created by the assessments
  // service in its own. Should this second write fail, the draft stands with
  // the carried answers and nothing pending — the respondent answers afresh.
  const now = deps.now();
  await deps.db.kysely.transaction().execute(async (trx) => {
    await insertCarryOver(trx, {
      assessmentId: row.id,
      sourceId: p.source.row.id,
      mappingId: p.mapping?.id ?? null,
      pending: p.carried.pending,
      report: p.carried.report,
      createdAt: now.toISOString(),
      createdBy: actor.id,
    });
    await appendAudit(trx, {
      assessment: row.id,
      actor: actor.id,
      action: 'carried_over',
      detail: {
        source: p.source.row.id,
        from: refOf(p.source.definition),
        mapping: p.mapping?.id ?? null,
        carried: p.carried.report.carried.length,
        pending: p.carried.report.pending,
      },
      at: now,
    });
  });
  return { assessment: row.id, report: p.report };
}

/** Pending answers minus those the respondent has answered meanwhile (theirs win). */
const stillPending = (pending: Answers, answers: Answers): Answers =>
  Object.fromEntries(Object.entries(pending).filter(([k]) => !Object.hasOwn(answers, k)));

/** What the draft still has to confirm; empty for a draft not started from another. */
export async function pendingOf(deps: Deps, actor: Actor, id: string): Promise<PendingAnswers> {
  const { row } = await assessmentFor(deps.db.kysely, actor, id);
  const c = await findCarryOver(deps.db.kysely, id);
  if (!c) return { source: null, mapping: null, items: {} };
  const src = await titleOf(deps.db.kysely, c.sourceId, row.org_id);
  return {
    source: src ?? null,
    mapping: c.mappingId,
    items: row.status === 'draft' ? stillPending(c.pending, row.answers) : {},
  };
}

/**
 * Confirms carried answers: they become answers through the ordinary save
 * (same revision check, validation and audit), then leave the pending map.
 */
export async function confirm(
  deps: Deps,
  actor: Actor,
  id: string,
  body: { revision: number; items: string[] },
) {
  const { row } = await assessmentFor(deps.db.kysely, actor, id);
  const c = await findCarryOver(deps.db.kysely, id);
  const pending = c ? stillPending(c.pending, row.answers) : {};
  const unknown = body.items.find((i) => !Object.hasOwn(pending, i));
  if (unknown !== undefined) throw new DomainError('not_found', { what: 'item', id: unknown });
  const patch = Object.fromEntries(body.items.map((i) => [i, pending[i]]));
  const saved = await autosave(deps, actor, id, { revision: body.revision, answers: patch });
  const rest = Object.fromEntries(Object.entries(pending).filter(([k]) => !body.items.includes(k)));
  const now = deps.now();
  await deps.db.kysely.transaction().execute(async (trx) => {
    await setPending(trx, id, rest);
    await appendAudit(trx, {
      assessment: id,
      actor: actor.id,
      action: 'pending_confirmed',
      detail: { items: body.items, revision: saved.revision, left: Object.keys(rest).length },
      at: now,
    });
  });
  return saved;
}
