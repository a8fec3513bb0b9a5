import {
  type CohortIneligibility,
  type CohortOutcome,
  type CohortTier,
  checkTitles,
  type Definition,
  type HeldTitle,
  rankCohort,
} from '@zhiping/forms';
import { declaredTitles } from '../db/repositories/organisation-titles.ts';
import {
  type Application,
  applicationsOf,
  findProgramme,
  type Programme,
} from '../db/repositories/programmes.ts';
import { type DecidedOutcome, decidedOutcomes } from '../db/repositories/rounds.ts';
import type { Deps } from '../deps.ts';
import { defaultAsOf } from './dates.ts';
import { todayFor, type WindowState, windowOf } from './programmes.ts';

/*
 * A call's cohort ranked once per request. Titles a closed call awarded are
 * an organisation's previous titles for later calls, so ranking a call may
 * need the rankings of earlier ones; a request that ranks several calls (a
 * chain's cultivation, the office's dashboard, a call whose tiers ask for
 * titles) shares them through one `Rankings` instead of ranking a call again
 * for each use. Nothing is stored: a decision reached after the window still
 * moves the ranking, as it should.
 */

/** A title with where it came from: a closed call's award, or an office's declaration. */
export interface TitleRecord extends HeldTitle {
  programme: { id: string; title: string; office: string } | null;
  declared: { id: string; source: string; by: string; office: string } | null;
}

export interface RankedCall {
  p: Programme;
  definition: Definition;
  window: WindowState;
  all: Application[];
  live: Application[];
  decided: Map<string, DecidedOutcome>;
  /** Null while the window is open. */
  cohort: CohortOutcome | null;
}

/**
 * The call's tiers as cohort tiers: the definition's pass lines, the call's
 * quotas. A lowest tier at 0 points is the floor every result reaches
 * ("not eligible", "not ready"), not something a call awards: it is left out,
 * so the pass line is the lowest tier that means something.
 */
export const cohortTiers = (p: Programme, definition: Definition): CohortTier[] =>
  definition.tiers
    .filter((t, i) => !(i === 0 && t.minScore === 0))
    .map((t) => {
      const quota = p.quotas[t.id];
      return { id: t.id, passLine: t.minScore, ...(quota === undefined ? {} : { quota }) };
    });

/**
 * Tiers above the one the reviewed verdict reached are out of reach whatever
 * the total: their gates or conditions failed.
 */
const beyondVerdict = (definition: Definition, reached: string | null): string[] => {
  const index = reached === null ? -1 : definition.tiers.findIndex((t) => t.id === reached);
  return definition.tiers.slice(index + 1).map((t) => t.id);
};

/**
 * The day a call ended: the day the office ended it early, else its closing
 * date. A title it awarded dates from that day.
 */
export const endedOn = (deps: Deps, p: Programme): string => {
  if (!p.closedAt) return p.closesOn;
  const early = defaultAsOf(new Date(p.closedAt), deps.config.TIME_ZONE);
  // ISO dates compare as strings; Math.min would coerce them to NaN.
  if (early < p.closesOn) return early;
  return p.closesOn;
};

export class Rankings {
  private readonly calls = new Map<string, Promise<RankedCall>>();
  private readonly today: string;

  constructor(private readonly deps: Deps) {
    this.today = todayFor(deps);
  }

  /** The call ranked (once per instance); the caller has already checked who may see it. */
  call(p: Programme): Promise<RankedCall> {
    let got = this.calls.get(p.id);
    if (!got) {
      got = this.rank(p);
      this.calls.set(p.id, got);
    }
    return got;
  }

  private async rank(p: Programme): Promise<RankedCall> {
    const db = this.deps.db.kysely;
    const { definition } = await this.deps.definitions.get(
      `${p.definitionId}@${p.definitionVersion}`,
    );
    const all = await applicationsOf(db, p.id);
    const live = all.filter((a) => a.withdrawnAt === null);
    const decided = await decidedOutcomes(
      db,
      live.map((a) => a.assessmentId),
    );
    const window = windowOf(p, this.today);
    let cohort: CohortOutcome | null = null;
    if (window === 'closed') {
      const bars = await this.titleBars(p, live);
      cohort = rankCohort(
        live.map((a) => {
          const d = decided.get(a.assessmentId);
          return {
            id: a.assessmentId,
            total: d ? d.score : null,
            ineligibleFor: [
              ...(bars.get(a.orgId) ?? []),
              ...(d ? beyondVerdict(definition, d.tier) : []),
            ],
          };
        }),
        { tiers: cohortTiers(p, definition), excellentShare: p.excellentShare ?? 0 },
      );
    }
    return { p, definition, window, all, live, decided, cohort };
  }

  /** Per organisation, the tiers whose title rule it fails on the call's closing day. */
  async titleBars(
    p: Programme,
    applicants: readonly { orgId: string }[],
  ): Promise<Map<string, CohortIneligibility[]>> {
    const out = new Map<string, CohortIneligibility[]>();
    if (Object.keys(p.titleRules).length === 0 || applicants.length === 0) return out;
    const held = await this.titlesOf(
      applicants.map((a) => a.orgId),
      p,
    );
    for (const { orgId } of applicants) {
      const bars = checkTitles(held.get(orgId) ?? [], p.titleRules, p.closesOn)
        .filter((c) => !c.met)
        .map(
          (c): CohortIneligibility => ({
            tier: c.tier,
            code: 'tier.title-required',
            title: c.rule.title,
            years: c.rule.years,
          }),
        );
      out.set(orgId, bars);
    }
    return out;
  }

  /**
   * The titles these organisations hold: live declarations, and the tiers
   * awarded by calls that ended strictly before `before` ended (so a call
   * never depends on itself or on a call that depends on it). Without
   * `before`, every call closed today counts.
   */
  async titlesOf(
    orgIds: readonly string[],
    before?: Programme,
  ): Promise<Map<string, TitleRecord[]>> {
    const db = this.deps.db.kysely;
    const ids = [...new Set(orgIds)];
    const out = new Map<string, TitleRecord[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return out;
    for (const d of await declaredTitles(db, ids)) {
      if (d.revoked) continue;
      out.get(d.orgId)?.push({
        title: d.title,
        since: d.since,
        source: 'declared',
        programme: null,
        declared: { id: d.id, source: d.source, by: d.declaredBy.name, office: d.declaredOrg.name },
      });
    }
    const applied = await db
      .selectFrom('programme_applications')
      .select(['programme_id', 'org_id', 'assessment_id'])
      .where('org_id', 'in', ids)
      .where('withdrawn_at', 'is', null)
      .execute();
    const limit = before ? endedOn(this.deps, before) : null;
    for (const programmeId of [...new Set(applied.map((a) => a.programme_id))]) {
      if (programmeId === before?.id) continue;
      const call = await findProgramme(db, programmeId);
      if (!call || windowOf(call, this.today) !== 'closed') continue;
      const ended = endedOn(this.deps, call);
      if (limit !== null && ended >= limit) continue;
      const ranked = await this.call(call);
      for (const a of applied.filter((x) => x.programme_id === programmeId)) {
        const tier = ranked.cohort?.placements.find((x) => x.id === a.assessment_id)?.tier;
        if (!tier) continue;
        out.get(a.org_id)?.push({
          title: tier,
          since: ended,
          source: 'call',
          programme: { id: call.id, title: call.title, office: call.ownerName },
          declared: null,
        });
      }
    }
    for (const list of out.values()) list.sort((a, b) => a.since.localeCompare(b.since));
    return out;
  }
}
