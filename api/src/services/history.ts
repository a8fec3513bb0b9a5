import {
  compareResults,
  type Definition,
  dateIn,
  itemPlaces,
  type ScoreResult,
  score,
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

const figures = (r: RoundRow) => ({
  result: r.reviewedResult ?? r.result,
  reviewed: !!r.reviewedResult,
});

/** Rounds of a submitted assessment; one made from the row itself where none was recorded. */
function roundsFor(row: HistoryRow, rounds: RoundRow[]): RoundRow[] {
  const own = rounds.filter((r) => r.assessmentId === row.id);
  if (own.length > 0 || !row.result || !row.submittedAt) return own;
  return [
    {
      assessmentId: row.id,
      number: 1,
      asOf: row.asOf,
      result: row.result,
      submittedAt: row.submittedAt,
      decision: row.decision,
      decidedAt: row.decidedAt,
      reviewedResult: null,
    },
  ];
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
  const rounds = await roundsOfAssessments(
    deps.db.kysely,
    rows.map((r) => r.id),
  );
  const tz = deps.config.TIME_ZONE;
  const entries: HistoryEntry[] = [];
  const points: (TrendPoint & { at: Point })[] = [];
  let draft: Point | undefined;
  for (const row of rows) {
    const own = roundsFor(row, rounds);
    let current: ScoreResult;
    if (row.status === 'draft' || own.length === 0) {
      const def = await deps.definitions.get(`${newest.row.id}@${row.definitionVersion}`);
      current = score(def.compiled, row.answers, { asOf: row.asOf });
      if (row.status === 'draft') draft = { row, round: null, result: current };
    } else current = figures(own[own.length - 1] as RoundRow).result;
    entries.push({
      id: row.id,
      title: row.title,
      status: row.status,
      asOf: row.asOf,
      version: row.definitionVersion,
      score: current.total.score,
      tier: current.verdict.label,
      rounds: own.map((r) => {
        const f = figures(r);
        return {
          number: r.number,
          submittedAt: r.submittedAt,
          score: f.result.total.score,
          tier: f.result.verdict.label,
          decision: r.decision,
          decidedAt: r.decidedAt,
          reviewed: f.reviewed,
        };
      }),
    });
    for (const r of own) {
      const { result } = figures(r);
      points.push({
        assessment: row.id,
        title: row.title,
        round: r.number,
        date: dateIn(new Date(r.submittedAt), tz),
        score: result.total.score,
        tier: result.verdict.label,
        sections: topSections(result),
        at: { row, round: r.number, result },
      });
    }
  }
  // The trend runs in the order things happened; assessments were listed by date.
  points.sort((a, b) => a.date.localeCompare(b.date) || a.round - b.round);
  const last = points[points.length - 1]?.at;
  const beforeLast = points[points.length - 2]?.at;
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
  const c = compareResults(a.result, b.result);
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
  };
}
