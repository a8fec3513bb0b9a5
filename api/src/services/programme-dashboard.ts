import type { Text } from '@zhiping/forms';
import type { Actor } from '../auth/session.ts';
import { allProgrammes, type Programme } from '../db/repositories/programmes.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../domain/errors.ts';
import { cohortTiers, Rankings } from './programme-cohort.ts';
import { type CultivationLine, cultivationAlong } from './programme-cultivation.ts';
import { isOffice, type WindowState } from './programmes.ts';

/*
 * The office's dashboard across all its calls (issue 18): per call the
 * counts over its applications, and the enterprises in cultivation along
 * each yearly chain with missed reviews flagged. Every call is ranked once
 * for the whole page (one `Rankings`), however many chains it belongs to.
 * Counts only: no applicant's answers are read, so no view is logged.
 */

export interface DashboardCall {
  programme: Pick<
    Programme,
    'id' | 'title' | 'opensOn' | 'closesOn' | 'closedAt' | 'recurrence' | 'previousId'
  > & { definition: string };
  window: WindowState;
  tiers: { id: string; label: Text }[];
  applied: number;
  withdrawn: number;
  submitted: number;
  decided: number;
  /** Decided applicants at or above the lowest pass line the call awards. */
  passed: number;
  /** Per tier, after quotas and title rules; null while the window is open. */
  awarded: Record<string, number> | null;
  excellent: number | null;
}

export interface OfficeDashboard {
  calls: DashboardCall[];
  totals: {
    calls: number;
    open: number;
    upcoming: number;
    closed: number;
    applied: number;
    decided: number;
    passed: number;
    awarded: Record<string, number>;
    flagged: number;
  };
  cultivation: (CultivationLine & { chain: { id: string; title: string } })[];
}

export async function officeDashboard(deps: Deps, actor: Actor): Promise<OfficeDashboard> {
  const office =
    actor.role === 'admin' || (actor.role === 'respondent' && actor.orgKind === 'city');
  if (!office) throw new DomainError('not_permitted', { roles: ['admin'] });
  const mine = (await allProgrammes(deps.db.kysely)).filter((p) => isOffice(actor, p));
  const rankings = new Rankings(deps);
  const calls: DashboardCall[] = [];
  for (const p of mine) {
    const r = await rankings.call(p);
    const awardable = cohortTiers(p, r.definition);
    const lowest = awardable.length ? Math.min(...awardable.map((t) => t.passLine)) : 0;
    const decided = r.live.filter((a) => r.decided.has(a.assessmentId));
    const statuses = await submittedCount(
      deps,
      r.live.map((a) => a.assessmentId),
    );
    calls.push({
      programme: {
        id: p.id,
        title: p.title,
        opensOn: p.opensOn,
        closesOn: p.closesOn,
        closedAt: p.closedAt,
        recurrence: p.recurrence,
        previousId: p.previousId,
        definition: `${p.definitionId}@${p.definitionVersion}`,
      },
      window: r.window,
      tiers: awardable.map((t) => ({
        id: t.id,
        label: r.definition.tiers.find((x) => x.id === t.id)?.label ?? { zh: t.id },
      })),
      applied: r.live.length,
      withdrawn: r.all.length - r.live.length,
      submitted: statuses,
      decided: decided.length,
      passed: r.cohort
        ? r.cohort.placements.filter((x) => x.grade === 'pass' || x.grade === 'excellent').length
        : decided.filter((a) => (r.decided.get(a.assessmentId)?.score ?? -1) >= lowest).length,
      awarded: r.cohort ? r.cohort.awarded : null,
      excellent: r.cohort ? r.cohort.excellent : null,
    });
  }
  // A chain is read from its newest call back; calls that another one follows are inside a chain.
  const followed = new Set(mine.map((p) => p.previousId).filter((x): x is string => x !== null));
  const byId = new Map(mine.map((p) => [p.id, p]));
  const cultivation: OfficeDashboard['cultivation'] = [];
  for (const last of mine.filter((p) => !followed.has(p.id))) {
    const chain: Programme[] = [last];
    for (let at = last; at.previousId && chain.length < 50; ) {
      const prev = byId.get(at.previousId);
      if (!prev) break;
      chain.unshift(prev);
      at = prev;
    }
    for (const line of await cultivationAlong(deps, chain, rankings))
      cultivation.push({ ...line, chain: { id: last.id, title: last.title } });
  }
  cultivation.sort(
    (a, b) =>
      Number(b.flagged) - Number(a.flagged) ||
      b.missed.length - a.missed.length ||
      a.organisation.name.localeCompare(b.organisation.name, 'zh'),
  );
  const awarded: Record<string, number> = {};
  for (const c of calls)
    for (const [tier, n] of Object.entries(c.awarded ?? {}))
      awarded[tier] = (awarded[tier] ?? 0) + n;
  const count = (w: WindowState) => calls.filter((c) => c.window === w).length;
  return {
    calls,
    totals: {
      calls: calls.length,
      open: count('open'),
      upcoming: count('upcoming'),
      closed: count('closed'),
      applied: calls.reduce((n, c) => n + c.applied, 0),
      decided: calls.reduce((n, c) => n + c.decided, 0),
      passed: calls.reduce((n, c) => n + c.passed, 0),
      awarded,
      flagged: cultivation.filter((l) => l.flagged).length,
    },
    cultivation,
  };
}

/** How many of these assessments have left the draft state (one query). */
async function submittedCount(deps: Deps, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await deps.db.kysely
    .selectFrom('assessments')
    .select('id')
    .where('id', 'in', [...ids])
    .where('status', '!=', 'draft')
    .execute();
  return rows.length;
}
