import { randomUUID } from 'node:crypto';
import type { OrgKind } from '@zhiping/forms';
import type { Actor } from '../auth/session.ts';
import { findAssessment } from '../db/repositories/assessments.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import {
  allProgrammes,
  applicationsFor,
  closeProgramme,
  findProgramme,
  insertApplication,
  insertProgramme,
  liveApplication,
  type Programme,
  withdrawApplication,
} from '../db/repositories/programmes.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { createAssessment } from './assessments.ts';
import { startFrom } from './carry-over.ts';
import { defaultAsOf } from './dates.ts';
import { Rankings } from './programme-cohort.ts';
import { programmeSubmitted } from './programme-submitted.ts';
import {
  awardedTiers,
  callBarred,
  type TitleCheckView,
  titleChecksFor,
} from './programme-titles.ts';

/*
 * Programmes (calls): an office runs one for the organisations in its
 * region; an enterprise applies with an assessment under the call's
 * definition. Consent is the application itself: an office learns that an
 * enterprise exists in its programme only when the enterprise applies.
 * Ranking and roll-up live in programme-ranking.ts.
 */

export type WindowState = 'upcoming' | 'open' | 'closed';

/** Where a date falls against the call's window (both ends inclusive), or closed once ended early. */
export const windowOf = (
  p: Pick<Programme, 'opensOn' | 'closesOn'> & { closedAt?: string | null },
  today: string,
): WindowState =>
  p.closedAt ? 'closed' : today < p.opensOn ? 'upcoming' : today > p.closesOn ? 'closed' : 'open';

/** Region names are written from the province down (江苏省青澜市), so containment is a prefix. */
export const regionCovers = (programmeRegion: string, orgRegion: string | null) =>
  programmeRegion === '' || (orgRegion ?? '').startsWith(programmeRegion);

export const todayFor = (deps: Deps) => defaultAsOf(deps.now(), deps.config.TIME_ZONE);

/** The office that owns the call (its respondents) or an admin: who sees the applicants. */
export const isOffice = (actor: Actor, p: Programme) =>
  actor.role === 'admin' || (actor.role === 'respondent' && actor.orgId === p.ownerOrgId);

/** Why the actor's organisation may not apply; empty when it may. */
export function eligibilityOf(actor: Actor, p: Programme): ('region' | 'kind')[] {
  const reasons: ('region' | 'kind')[] = [];
  if (!regionCovers(p.region, actor.orgRegion)) reasons.push('region');
  if (!p.eligibleKinds.includes(actor.orgKind)) reasons.push('kind');
  return reasons;
}

export interface ProgrammeInput {
  title: string;
  definition: string;
  opensOn: string;
  closesOn: string;
  region?: string | undefined;
  eligibleKinds: OrgKind[];
  quotas: Record<string, number>;
  excellentShare?: number | null | undefined;
  reviewers: string[];
  recurrence?: 'yearly' | null | undefined;
  previousId?: string | null | undefined;
  titleRules?: Record<string, { title: string; years: number }> | undefined;
}

/** Opens a call (a city office's respondent, or an admin for the platform). */
export async function createProgramme(
  deps: Deps,
  actor: Actor,
  input: ProgrammeInput,
): Promise<Programme> {
  const office =
    actor.role === 'admin' || (actor.role === 'respondent' && actor.orgKind === 'city');
  if (!office) throw new DomainError('not_permitted', { roles: ['admin'] });
  const db = deps.db.kysely;
  const region = input.region ?? actor.orgRegion ?? '';
  if (actor.role !== 'admin' && !regionCovers(actor.orgRegion ?? '', region))
    throw new DomainError('invalid_programme', {
      field: 'region',
      reason: `申报范围应在本机构所辖地区（${actor.orgRegion ?? '未设置'}）之内。`,
    });
  if (input.opensOn > input.closesOn)
    throw new DomainError('invalid_programme', {
      field: 'closesOn',
      reason: '截止日期不能早于开始日期。',
    });
  const { row, definition } = await deps.definitions.get(input.definition);
  const audience: readonly string[] = definition.audience;
  if (!input.eligibleKinds.some((k) => audience.includes(k)))
    throw new DomainError('invalid_programme', {
      field: 'eligibleKinds',
      reason: '所选评估表不面向任何可申报的机构类型。',
    });
  const tierIds = new Set(definition.tiers.map((t) => t.id));
  for (const tier of Object.keys(input.quotas))
    if (!tierIds.has(tier))
      throw new DomainError('invalid_programme', {
        field: `quotas.${tier}`,
        reason: `评估表没有等级“${tier}”：名额只能按评估表的等级设置。`,
      });
  const titleRules = input.titleRules ?? {};
  for (const tier of Object.keys(titleRules))
    if (!tierIds.has(tier))
      throw new DomainError('invalid_programme', {
        field: `titleRules.${tier}`,
        reason: `评估表没有等级“${tier}”：称号要求只能按评估表的等级设置。`,
      });
  const reviewers = [...new Set(input.reviewers)];
  if (reviewers.length > 0) {
    const found = await db
      .selectFrom('users')
      .select(['id', 'role', 'org_id'])
      .where('id', 'in', reviewers)
      .execute();
    const bad = reviewers.find((id) => found.find((u) => u.id === id)?.role !== 'reviewer');
    if (bad)
      throw new DomainError('invalid_programme', {
        field: 'reviewers',
        reason: '评审员名单中有不是评审员的账号。',
      });
  }
  if (input.previousId) {
    const prev = await findProgramme(db, input.previousId);
    if (!prev || prev.ownerOrgId !== (actor.role === 'admin' ? prev.ownerOrgId : actor.orgId))
      throw new DomainError('not_found', { what: 'programme', id: input.previousId });
  }
  const programme = {
    id: randomUUID(),
    ownerOrgId: actor.orgId,
    title: input.title,
    definitionId: row.id,
    definitionVersion: row.version,
    region,
    eligibleKinds: [...new Set(input.eligibleKinds)],
    opensOn: input.opensOn,
    closesOn: input.closesOn,
    quotas: input.quotas,
    excellentShare: input.excellentShare ?? null,
    recurrence: input.recurrence ?? null,
    previousId: input.previousId ?? null,
    reviewers,
    createdAt: deps.now().toISOString(),
    createdBy: actor.id,
    titleRules,
  };
  await insertProgramme(db, programme);
  const created = await findProgramme(db, programme.id);
  if (!created) throw new Error('programme vanished after insert');
  return created;
}

export interface ProgrammeView {
  programme: Programme;
  window: WindowState;
  /** How the actor relates to the call. */
  as: 'office' | 'applicant';
  /** The actor's organisation's application (applicants), live or withdrawn. */
  application: {
    id: string;
    assessmentId: string;
    appliedAt: string;
    withdrawnAt: string | null;
  } | null;
  /** Why the actor's organisation may not apply (applicants). */
  ineligible: ('region' | 'kind' | 'title')[];
  /** The applicant's organisation against each tier's title rule; empty for the office. */
  titleChecks: TitleCheckView[];
}

/**
 * The calls the actor may see: an office its own, an organisation those
 * whose region and kinds cover it (open, upcoming or closed), an admin all.
 */
export async function listProgrammes(deps: Deps, actor: Actor): Promise<ProgrammeView[]> {
  const db = deps.db.kysely;
  const today = todayFor(deps);
  const out: ProgrammeView[] = [];
  // Calls asking for titles may rank earlier calls: once for the whole list.
  const rankings = new Rankings(deps);
  for (const p of await allProgrammes(db)) {
    if (isOffice(actor, p)) {
      out.push({
        programme: p,
        window: windowOf(p, today),
        as: 'office',
        application: null,
        ineligible: [],
        titleChecks: [],
      });
      continue;
    }
    if (actor.role !== 'respondent' || eligibilityOf(actor, p).length > 0) continue;
    out.push(await applicantView(deps, actor, p, today, rankings));
  }
  return out;
}

async function applicantView(
  deps: Deps,
  actor: Actor,
  p: Programme,
  today: string,
  rankings: Rankings = new Rankings(deps),
): Promise<ProgrammeView> {
  const titleChecks = await titleChecksFor(deps, actor.orgId, p, rankings);
  const barred = callBarred(p, (await awardedTiers(deps, p)).ids, titleChecks);
  const mine = await deps.db.kysely
    .selectFrom('programme_applications')
    .select(['id', 'assessment_id', 'applied_at', 'withdrawn_at'])
    .where('programme_id', '=', p.id)
    .where('org_id', '=', actor.orgId)
    .orderBy('applied_at', 'desc')
    .executeTakeFirst();
  return {
    programme: p,
    window: windowOf(p, today),
    as: 'applicant',
    application: mine
      ? {
          id: mine.id,
          assessmentId: mine.assessment_id,
          appliedAt: mine.applied_at,
          withdrawnAt: mine.withdrawn_at,
        }
      : null,
    ineligible: [...eligibilityOf(actor, p), ...(barred ? (['title'] as const) : [])],
    titleChecks,
  };
}

/** One call as the actor may see it; the same 404 as a missing id otherwise. */
export async function programmeFor(deps: Deps, actor: Actor, id: string): Promise<ProgrammeView> {
  const p = await findProgramme(deps.db.kysely, id);
  if (!p) throw new DomainError('not_found', { what: 'programme', id });
  const today = todayFor(deps);
  if (isOffice(actor, p))
    return {
      programme: p,
      window: windowOf(p, today),
      as: 'office',
      application: null,
      ineligible: [],
      titleChecks: [],
    };
  if (actor.role !== 'respondent' || eligibilityOf(actor, p).length > 0)
    throw new DomainError('not_found', { what: 'programme', id });
  return applicantView(deps, actor, p, today);
}

/**
 * Applies to a call: with an assessment the organisation already has under
 * the call's definition version (its answers and rounds come along), or a
 * new draft. Submission then goes to the call's reviewers.
 */
export async function apply(
  deps: Deps,
  actor: Actor,
  programmeId: string,
  input: { assessment?: string | undefined; title?: string | undefined },
): Promise<{ application: string; assessment: string }> {
  const db = deps.db.kysely;
  const p = await findProgramme(db, programmeId);
  if (!p || actor.role !== 'respondent')
    throw new DomainError('not_found', { what: 'programme', id: programmeId });
  const reasons = eligibilityOf(actor, p);
  if (reasons.length > 0) throw new DomainError('not_eligible', { reasons, region: p.region });
  const checks = await titleChecksFor(deps, actor.orgId, p);
  const tiers = await awardedTiers(deps, p);
  if (callBarred(p, tiers.ids, checks))
    throw new DomainError('not_eligible', {
      reasons: ['title'],
      region: p.region,
      titles: checks
        .filter((c) => !c.met)
        .map((c) => ({ ...c, tierLabel: tiers.label(c.tier), titleLabel: tiers.label(c.title) })),
      closesOn: p.closesOn,
    });
  const today = todayFor(deps);
  if (windowOf(p, today) !== 'open')
    throw new DomainError('programme_window', {
      opensOn: p.opensOn,
      closesOn: p.closesOn,
      today,
      step: 'apply',
    });
  const live = await liveApplication(db, p.id, actor.orgId);
  if (live) throw new DomainError('already_applied', { assessment: live.assessmentId });
  const expected = `${p.definitionId}@${p.definitionVersion}`;
  let assessmentId: string;
  let status: string;
  if (input.assessment) {
    const row = await findAssessment(db, input.assessment, { orgId: actor.orgId });
    if (!row) throw new DomainError('not_found', { what: 'assessment', id: input.assessment });
    const actual = `${row.definition_id}@${row.definition_version}`;
    if (actual !== expected) throw new DomainError('definition_mismatch', { expected, actual });
    const elsewhere = await applicationsFor(db, row.id);
    if (elsewhere.length > 0) throw new DomainError('already_applied', { assessment: row.id });
    assessmentId = row.id;
    status = row.status;
  } else {
    assessmentId = await newDraftFor(
      deps,
      actor,
      p,
      input.title ?? `${p.title} · ${actor.orgName}`,
    );
    status = 'draft';
  }
  const id = randomUUID();
  const now = deps.now();
  await db.transaction().execute(async (trx) => {
    await insertApplication(trx, {
      id,
      programmeId: p.id,
      assessmentId,
      orgId: actor.orgId,
      by: actor.id,
      at: now.toISOString(),
    });
    await appendAudit(trx, {
      assessment: assessmentId,
      actor: actor.id,
      action: 'applied',
      detail: { programme: p.id, title: p.title, office: p.ownerName },
      at: now,
    });
  });
  if (status !== 'draft') await programmeSubmitted(deps, assessmentId);
  return { application: id, assessment: assessmentId };
}

/**
 * A new draft for the call, carrying the answers of the organisation's
 * latest assessment under the same definition when it has one (a yearly
 * review starts from last year's answers; dates and period figures wait for
 * confirmation, as any carry-over). Without one, or when nothing can be
 * carried, an empty draft.
 */
async function newDraftFor(deps: Deps, actor: Actor, p: Programme, title: string): Promise<string> {
  const ref = `${p.definitionId}@${p.definitionVersion}`;
  const latest = await deps.db.kysely
    .selectFrom('assessments')
    .select('id')
    .where('org_id', '=', actor.orgId)
    .where('definition_id', '=', p.definitionId)
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  if (latest) {
    try {
      return (await startFrom(deps, actor, latest.id, { definition: ref, title })).assessment;
    } catch (err) {
      // No way to carry (say, a version the mappings do not cover): start empty.
      if (!(err instanceof DomainError)) throw err;
    }
  }
  return (await createAssessment(deps, actor, { definition: ref, title })).id;
}

/** Withdraws the organisation's live application, up to and including the closing day. */
export async function withdraw(deps: Deps, actor: Actor, programmeId: string): Promise<void> {
  const db = deps.db.kysely;
  const p = await findProgramme(db, programmeId);
  if (!p || actor.role !== 'respondent')
    throw new DomainError('not_found', { what: 'programme', id: programmeId });
  const live = await liveApplication(db, p.id, actor.orgId);
  if (!live) throw new DomainError('not_found', { what: 'application' });
  const today = todayFor(deps);
  if (windowOf(p, today) === 'closed')
    throw new DomainError('programme_window', {
      opensOn: p.opensOn,
      closesOn: p.closesOn,
      today,
      step: 'withdraw',
    });
  const now = deps.now();
  await db.transaction().execute(async (trx) => {
    if (!(await withdrawApplication(trx, live.id, now.toISOString()))) return;
    await appendAudit(trx, {
      assessment: live.assessmentId,
      actor: actor.id,
      action: 'withdrawn',
      detail: { programme: p.id, title: p.title },
      at: now,
    });
  });
}

/** Reviewers an office may name for its calls (enabled reviewer accounts, any organisation). */
export async function reviewerChoices(deps: Deps, actor: Actor) {
  const office =
    actor.role === 'admin' || (actor.role === 'respondent' && actor.orgKind === 'city');
  if (!office) throw new DomainError('not_permitted', { roles: ['admin'] });
  return deps.db.kysely
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.org_id')
    .select(['u.id as id', 'u.name as name', 'o.name as organisation'])
    .where('u.role', '=', 'reviewer')
    .where('u.disabled_at', 'is', null)
    .orderBy('o.name')
    .orderBy('u.name')
    .execute();
}

/**
 * The office ends its call now, before the closing date: no more
 * applications or withdrawals, and the ranking can be made. Once only.
 */
export async function closeNow(deps: Deps, actor: Actor, id: string): Promise<ProgrammeView> {
  const db = deps.db.kysely;
  const p = await findProgramme(db, id);
  if (!p || !isOffice(actor, p)) throw new DomainError('not_found', { what: 'programme', id });
  await closeProgramme(db, p.id, deps.now().toISOString());
  return programmeFor(deps, actor, id);
}
