import {
  compareResults,
  type Definition,
  dateIn,
  itemPlaces,
  type ScoreResult,
  score,
  type Text,
} from '@zhiping/forms';
import type { Actor } from '../auth/session.ts';
import type { Changes, History, HistoryEntry, HistoryLine, TrendPoint } from '../contract/index.ts';
import { findOrganisation } from '../db/repositories/accounts.ts';
import {
  assessmentsOfLine,
  definitionsAssessed,
  type HistoryRow,
  type RoundRow,
  roundsOfAssessments,
  submissionsFromAudit,
} from '../db/repositories/history.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';

/*
 * An organisation's history per definition: every assessment and every
 * round (submission) with its score, tier and date; one point per round for
 * the trend chart; and what changed since last time — from the previous
 * round to the latest, or from the latest round to the draft in progress.
 * A decided round shows its reviewed (frozen) figures.
 */

/** Whose history: a respondent's own organisation; an admin names one. */
function orgOf(actor: Actor, organisation: string | undefined): string {
  if (actor.role === 'respondent') return actor.orgId;
  if (actor.role === 'admin' && organisation) return organisation;
  if (actor.role === 'admin') throw new DomainError('not_found', { what: 'assessment' });
  throw new DomainError('not_permitted', { roles: ['respondent', 'admin'] });
}

/** The definitions the organisation has assessed, with how many assessments each. */
export async function historyLines(
  deps: Deps,
  actor: Actor,
  organisation?: string,
): Promise<HistoryLine[]> {
  const orgId = orgOf(actor, organisation);
  const out: HistoryLine[] = [];
  for (const l of await definitionsAssessed(deps.db.kysely, orgId)) {
    const d = await deps.definitions.get(l.definition);
    out.push({ definition: l.definition, title: d.definition.title, assessments: l.count });
  }
  return out;
}

interface Point {
  row: HistoryRow;
  round: number | null;
  result: ScoreResult;
}

/** One submission as history shows it; `result` is null where only the audit log kept its figures. */
interface RoundView {
  number: number;
  submittedAt: string;
  score: number;
  tier: Text | null;
  decision: HistoryRow['decision'];
  decidedAt: string | null;
  reviewed: boolean;
  result: ScoreResult | null;
}

type Submission = Awaited<ReturnType<typeof submissionsFromAudit>>[number];

const fromRound = (r: RoundRow): RoundView => {
  const result = r.reviewedResult ?? r.result;
  return {
    number: r.number,
    submittedAt: r.submittedAt,
    score: result.total.score,
    tier: result.verdict.label,
    decision: r.decision,
    decidedAt: r.decidedAt,
    reviewed: r.reviewedResult !== null,
    result,
  };
};

/**
 * The rounds of one assessment: from the rounds table; where it has none
 * (submissions the table did not record), from the audit log's submissions —
 * the last with the assessment's frozen result, earlier ones with their score
 * and tier only (a resubmission means the round before was returned).
 */
function roundsFor(
  row: HistoryRow,
  rounds: RoundRow[],
  subs: Submission[],
  tierLabel: (tier: string | null) => Text | null,
): RoundView[] {
  const own = rounds.filter((r) => r.assessmentId === row.id);
  if (own.length > 0) return own.map(fromRound);
  const logged = subs.filter((s) => s.assessmentId === row.id);
  return logged.map((s, i) => {
    const last = i === logged.length - 1;
    const result = last && row.status !== 'draft' ? row.result : null;
    return {
      number: i + 1,
      submittedAt: s.at,
      score: result?.total.score ?? s.score,
      tier: result ? result.verdict.label : tierLabel(s.tier),
      decision: last ? row.decision : 'return',
      decidedAt: last ? row.decidedAt : null,
      reviewed: false,
      result,
    };
  });
}

const topSections = (r: ScoreResult) =>
  Object.fromEntries(r.sections.filter((s) => s.parent === null).map((s) => [s.id, s.ratio]));

export async function historyOf(
  deps: Deps,
  actor: Actor,
  definitionId: string,
  organisation?: string,
): Promise<History> {
  const orgId = orgOf(actor, organisation);
  const org = await findOrganisation(deps.db.kysely, orgId);
  if (!org) throw new DomainError('not_found', { what: 'assessment' });
  const newest = await deps.definitions.get(definitionId);
  const rows = await assessmentsOfLine(deps.db.kysely, orgId, newest.row.id);
  const ids = rows.map((r) => r.id);
  const rounds = await roundsOfAssessments(deps.db.kysely, ids);
  const subs = await submissionsFromAudit(deps.db.kysely, ids);
  const tiers = new Map(newest.definition.tiers.map((t) => [t.id, t.label] as const));
  const tierLabel = (tier: string | null) => (tier ? (tiers.get(tier) ?? null) : null);
  const tz = deps.config.TIME_ZONE;
  const entries: HistoryEntry[] = [];
  const points: (TrendPoint & { at: Point | null })[] = [];
  let draft: Point | undefined;
  for (const row of rows) {
    const own = roundsFor(row, rounds, subs, tierLabel);
    const latest = own[own.length - 1]?.result;
    let current: ScoreResult;
    if (row.status === 'draft' || !latest) {
      const def = await deps.definitions.get(`${newest.row.id}@${row.definitionVersion}`);
      current = score(def.compiled, row.answers, { asOf: row.asOf });
      if (row.status === 'draft') draft = { row, round: null, result: current };
    } else current = latest;
    entries.push({
      id: row.id,
      title: row.title,
      status: row.status,
      asOf: row.asOf,
      version: row.definitionVersion,
      score: current.total.score,
      tier: current.verdict.label,
      rounds: own.map(({ result: _, ...r }) => r),
    });
    for (const r of own)
      points.push({
        assessment: row.id,
        title: row.title,
        round: r.number,
        date: dateIn(new Date(r.submittedAt), tz),
        score: r.score,
        tier: r.tier,
        sections: r.result ? topSections(r.result) : {},
        at: r.result ? { row, round: r.number, result: r.result } : null,
      });
  }
  // The trend runs in the order things happened; assessments were listed by date.
  points.sort((a, b) => a.date.localeCompare(b.date) || a.round - b.round);
  // Only rounds whose whole result is known can be compared item by item.
  const known = points.flatMap((p) => (p.at ? [p.at] : []));
  const last = known[known.length - 1];
  const beforeLast = known[known.length - 2];
  // A draft started after the last submission is "this time"; else the last round is.
  const pair: [Point, Point] | null =
    draft && last && draft.row.createdAt > (last.row.submittedAt ?? '')
      ? [last, draft]
      : last && beforeLast
        ? [beforeLast, last]
        : null;
  return {
    organisation: { id: org.id, name: org.name },
    definition: { id: newest.row.id, title: newest.definition.title },
    sections: newest.definition.sections.map((s) => ({ id: s.id, title: s.title })),
    entries,
    points: points.map(({ at: _, ...p }) => p),
    changes: pair ? changesBetween(pair[0], pair[1], newest.definition) : null,
  };
}

function changesBetween(a: Point, b: Point, def: Definition): Changes {
  const c = compareResults(a.result, b.result, { draft: b.round === null });
  const places = itemPlaces(def);
  const label = (id: string) => {
    const p = places.get(id)?.item;
    return p ? (p.label ?? p.prompt) : id;
  };
  const gateTitle = new Map(
    [...a.result.gates, ...b.result.gates].map((g) => [g.id, g.title] as const),
  );
  const ref = (p: Point) => ({ assessment: p.row.id, title: p.row.title, round: p.round });
  return {
    from: ref(a),
    to: ref(b),
    score: c.score,
    tier: { before: a.result.verdict.label, after: b.result.verdict.label },
    improved: c.improved.map((i) => ({ ...i, label: label(i.item) })),
    fellBack: c.fellBack.map((i) => ({ ...i, label: label(i.item) })),
    gatesPassed: c.gatesPassed.map((g) => ({ ...g, title: gateTitle.get(g.gate) ?? g.gate })),
    gatesFailed: c.gatesFailed.map((g) => ({ ...g, title: gateTitle.get(g.gate) ?? g.gate })),
    unanswered: c.unanswered,
  };
}
