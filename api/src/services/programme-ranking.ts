import type { AssessmentStatus, ScoreResult } from '@zhiping/forms';
import { type CohortGrade, type CohortReason, StoredScoreResult, type Text } from '@zhiping/forms';
import type { Actor } from '../auth/session.ts';
import { appendAudit } from '../db/repositories/audit.ts';
import { parseColumn } from '../db/repositories/json.ts';
import { type Application, findProgramme, type Programme } from '../db/repositories/programmes.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { type RankedCall, Rankings } from './programme-cohort.ts';
import { isOffice, todayFor, type WindowState } from './programmes.ts';

/*
 * What the office sees of a call: its applicants with their decided scores,
 * then — once the window has closed — their ranks, cohort grades and the
 * tiers the quotas allow (forms' `rankCohort`), and the counts that roll up
 * into the office's own indicators. Scores are the frozen reviewed results:
 * nothing here scores an answer.
 */

export interface ApplicantRow {
  application: string;
  assessment: string;
  organisation: { id: string; name: string };
  title: string;
  status: AssessmentStatus;
  appliedAt: string;
  /** The decided (approved, frozen) reviewed outcome; null until then. */
  reviewed: { score: number; tier: string | null; round: number; decidedAt: string } | null;
  selfScore: number | null;
  rank: number | null;
  grade: CohortGrade | null;
  /** The tier the call awards after quotas; null before the window closes. */
  awarded: string | null;
  reasons: CohortReason[];
}

export interface ApplicantsView {
  window: WindowState;
  tiers: {
    id: string;
    label: Text;
    passLine: number;
    quota: number | null;
    /** The previous title the tier asks for, if any. */
    titleRule: { title: string; years: number } | null;
  }[];
  rows: ApplicantRow[];
  withdrawn: number;
  /** Present once the window has closed. */
  ranking: {
    ranked: number;
    excellentPlaces: number;
    excellent: number;
    awarded: Record<string, number>;
    quotaTies: string[];
  } | null;
}

/** The call as the office sees it; the same 404 as a missing id for anyone else. */
async function officeProgramme(deps: Deps, actor: Actor, id: string) {
  const p = await findProgramme(deps.db.kysely, id);
  if (!p || !isOffice(actor, p)) throw new DomainError('not_found', { what: 'programme', id });
  return p;
}

export async function applicantsOf(
  deps: Deps,
  actor: Actor,
  id: string,
  rankings: Rankings = new Rankings(deps),
): Promise<ApplicantsView> {
  const p = await officeProgramme(deps, actor, id);
  const { live, ...view } = await applicantsView(deps, await rankings.call(p));
  await logViews(deps, actor, p, live);
  return view;
}

/** The applicants of a ranked call, without logging a view (the caller decides). */
export async function applicantsView(
  deps: Deps,
  ranked: RankedCall,
): Promise<ApplicantsView & { live: Application[] }> {
  const { p, definition, window, all, live, decided, cohort } = ranked;
  const ids = live.map((a) => a.assessmentId);
  const rows =
    ids.length === 0
      ? []
      : await deps.db.kysely
          .selectFrom('assessments')
          .select(['id', 'title', 'status', 'list_score'])
          .where('id', 'in', ids)
          .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const placed = new Map(cohort?.placements.map((x) => [x.id, x]));
  const out = live.map((a): ApplicantRow => {
    const row = byId.get(a.assessmentId);
    const d = decided.get(a.assessmentId);
    const place = placed.get(a.assessmentId);
    return {
      application: a.id,
      assessment: a.assessmentId,
      organisation: { id: a.orgId, name: a.orgName },
      title: row?.title ?? '',
      status: row?.status ?? 'draft',
      appliedAt: a.appliedAt,
      reviewed: d ? { score: d.score, tier: d.tier, round: d.round, decidedAt: d.decidedAt } : null,
      selfScore: row?.list_score ?? null,
      rank: place?.rank ?? null,
      grade: place ? place.grade : null,
      awarded: place?.tier ?? null,
      reasons: place?.reasons ?? [],
    };
  });
  // Ranked first by rank, then the rest by when they applied.
  out.sort(
    (x, y) =>
      (x.rank ?? Number.POSITIVE_INFINITY) - (y.rank ?? Number.POSITIVE_INFINITY) ||
      x.appliedAt.localeCompare(y.appliedAt),
  );
  return {
    window,
    tiers: definition.tiers.map((t) => ({
      id: t.id,
      label: t.label,
      passLine: t.minScore,
      quota: p.quotas[t.id] ?? null,
      titleRule: p.titleRules[t.id] ?? null,
    })),
    rows: out,
    withdrawn: all.length - live.length,
    ranking: cohort
      ? {
          ranked: cohort.ranked,
          excellentPlaces: cohort.excellentPlaces,
          excellent: cohort.excellent,
          awarded: cohort.awarded,
          quotaTies: cohort.quotaTies,
        }
      : null,
    live,
  };
}

/**
 * What the office looked at is logged on each applicant's audit trail, once
 * per viewer and day, so an enterprise can see who read its application.
 */
async function logViews(deps: Deps, actor: Actor, p: Programme, live: Application[]) {
  if (live.length === 0) return;
  const db = deps.db.kysely;
  const now = deps.now();
  const today = todayFor(deps);
  const seen = await db
    .selectFrom('audit_log')
    .select('assessment_id')
    .where(
      'assessment_id',
      'in',
      live.map((a) => a.assessmentId),
    )
    .where('actor_id', '=', actor.id)
    .where('action', '=', 'office_viewed')
    .where('at', '>=', `${today}T00:00:00.000Z`)
    .execute();
  const already = new Set(seen.map((s) => s.assessment_id));
  for (const a of live) {
    if (already.has(a.assessmentId)) continue;
    await appendAudit(db, {
      assessment: a.assessmentId,
      actor: actor.id,
      action: 'office_viewed',
      detail: { programme: p.id, title: p.title },
      at: now,
    });
  }
}

export interface Rollup {
  programme: { id: string; title: string; definition: string };
  window: WindowState;
  applied: number;
  withdrawn: number;
  submitted: number;
  decided: number;
  /** Decided applicants whose reviewed verdict reached each tier (tiers are cumulative). */
  reached: Record<string, number>;
  /** Tiers the call awarded after quotas (closed calls only). */
  awarded: Record<string, number> | null;
  excellent: number | null;
  /** Per section, the decided applicants' shares of the section's maximum (0–100), for a heat map. */
  sections: {
    id: string;
    title: Text;
    values: { assessment: string; organisation: string; percent: number | null }[];
  }[];
}

/** The call's outcome as counts the office's own indicators can use. */
export async function rollupOf(
  deps: Deps,
  actor: Actor,
  id: string,
  rankings: Rankings = new Rankings(deps),
): Promise<Rollup> {
  const p = await officeProgramme(deps, actor, id);
  const ranked = await rankings.call(p);
  const { definition } = ranked;
  const view = await applicantsView(deps, ranked);
  await logViews(deps, actor, p, view.live);
  const decidedRows = view.rows.filter((r) => r.reviewed !== null);
  const reached: Record<string, number> = {};
  definition.tiers.forEach((t, i) => {
    reached[t.id] = decidedRows.filter((r) => {
      const at = definition.tiers.findIndex((x) => x.id === r.reviewed?.tier);
      return at >= i;
    }).length;
  });
  const results = await reviewedResults(
    deps,
    decidedRows.flatMap((r) =>
      r.reviewed ? [{ assessment: r.assessment, round: r.reviewed.round }] : [],
    ),
  );
  const sections: Rollup['sections'] = definition.sections.map((s) => ({
    id: s.id,
    title: s.title,
    values: decidedRows.map((r) => {
      const got = results.get(r.assessment)?.sections.find((x) => x.id === s.id);
      return {
        assessment: r.assessment,
        organisation: r.organisation.name,
        percent: got?.ratio == null ? null : Math.round(got.ratio * 1000) / 10,
      };
    }),
  }));
  return {
    programme: { id: p.id, title: p.title, definition: `${p.definitionId}@${p.definitionVersion}` },
    window: view.window,
    applied: view.rows.length,
    withdrawn: view.withdrawn,
    submitted: view.rows.filter((r) => r.status !== 'draft').length,
    decided: decidedRows.length,
    reached,
    awarded: view.ranking?.awarded ?? null,
    excellent: view.ranking?.excellent ?? null,
    sections,
  };
}

/**
 * The reviewed results frozen with each applicant's decided round, in one
 * query (the heat map reads every decided applicant's sections).
 */
async function reviewedResults(
  deps: Deps,
  wanted: readonly { assessment: string; round: number }[],
): Promise<Map<string, ScoreResult>> {
  const out = new Map<string, ScoreResult>();
  if (wanted.length === 0) return out;
  const roundOf = new Map(wanted.map((w) => [w.assessment, w.round]));
  const rows = await deps.db.kysely
    .selectFrom('rounds')
    .select(['assessment_id', 'number', 'reviewed_result'])
    .where(
      'assessment_id',
      'in',
      wanted.map((w) => w.assessment),
    )
    .where('reviewed_result', 'is not', null)
    .execute();
  for (const r of rows) {
    if (Number(r.number) !== roundOf.get(r.assessment_id) || !r.reviewed_result) continue;
    out.set(
      r.assessment_id,
      parseColumn(
        StoredScoreResult,
        r.reviewed_result,
        `rounds of ${r.assessment_id}.reviewed_result`,
      ),
    );
  }
  return out;
}
