import { compareNumbers } from '../engine/numbers.ts';
import type { GateOutcome, ItemStatus } from '../schema/enums.ts';
import type { ItemResult, ScoreResult } from '../schema/result.ts';

/*
 * "What changed since last time": two results of one organisation, the
 * earlier and the later, compared item by item and gate by gate. Pure; the
 * results may come from different versions (or editions sharing item ids) —
 * only what both know is compared.
 */

export interface ItemChange {
  item: string;
  section: string;
  before: { status: ItemStatus; points: number };
  after: { status: ItemStatus; points: number };
  /** Points of the 0–100 total gained (positive) or lost (negative). */
  delta: number;
}

export interface GateChange {
  gate: string;
  before: GateOutcome;
  after: GateOutcome;
}

export interface SectionChange {
  section: string;
  /** Share of the section earned, 0–1; null where nothing in it applied. */
  before: number | null;
  after: number | null;
}

export interface ResultChanges {
  score: { before: number; after: number; delta: number };
  tier: { before: string | null; after: string | null };
  /** Items that now earn more of the total, largest gain first. */
  improved: ItemChange[];
  /** Items that now earn less, largest loss first. */
  fellBack: ItemChange[];
  /** Gates passed now that were not passed before. */
  gatesPassed: GateChange[];
  /** Gates failed now that were not failed before. */
  gatesFailed: GateChange[];
  sections: SectionChange[];
  /** With `draft`: items answered before and not yet answered in the draft. */
  unanswered: number;
}

/** What an item contributes to the 0–100 total. */
const share = (i: ItemResult) => (i.visible && i.max > 0 ? (i.points / i.max) * i.weight : 0);
/** How much of its own points an item earns: what the respondent changed, whatever the weights. */
const earned = (i: ItemResult) => (i.max > 0 ? i.points / i.max : 0);

export interface CompareOptions {
  /**
   * The later result is a draft in progress: its unanswered items are still
   * to be answered, not fallen back (they are counted in `unanswered`).
   */
  draft?: boolean;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Compares an earlier result with a later one.
 *
 * @example compareResults(last, draft, { draft: true }).improved.map((c) => c.item) // ['c9.4.held', …]
 */
export function compareResults(
  before: ScoreResult,
  after: ScoreResult,
  options: CompareOptions = {},
): ResultChanges {
  const old = new Map(before.items.map((i) => [i.id, i]));
  const improved: ItemChange[] = [];
  const fellBack: ItemChange[] = [];
  let unanswered = 0;
  for (const now of after.items) {
    const was = old.get(now.id);
    // An item hidden on either side was not asked there: nothing to compare.
    if (!was?.visible || !now.visible) continue;
    if (options.draft && now.status === 'unanswered') {
      if (was.status !== 'unanswered') unanswered++;
      continue;
    }
    // Improved or fell back by what the item itself earns: a weight that moved
    // because other items were shown or hidden is not a change of the answer.
    const sign = compareNumbers(earned(now), earned(was));
    if (sign === 0) continue;
    const a = share(was);
    const b = share(now);
    const change: ItemChange = {
      item: now.id,
      section: now.section,
      before: { status: was.status, points: was.points },
      after: { status: now.status, points: now.points },
      delta: round(b - a),
    };
    (sign > 0 ? improved : fellBack).push(change);
  }
  improved.sort((x, y) => y.delta - x.delta || x.item.localeCompare(y.item));
  fellBack.sort((x, y) => x.delta - y.delta || x.item.localeCompare(y.item));

  const oldGates = new Map(before.gates.map((g) => [g.id, g.outcome]));
  const gatesPassed: GateChange[] = [];
  const gatesFailed: GateChange[] = [];
  for (const g of after.gates) {
    const was = oldGates.get(g.id);
    if (was === undefined || was === g.outcome) continue;
    const change = { gate: g.id, before: was, after: g.outcome };
    if (g.outcome === 'passed') gatesPassed.push(change);
    else if (g.outcome === 'failed') gatesFailed.push(change);
  }

  const oldSections = new Map(before.sections.map((s) => [s.id, s]));
  const sections = after.sections
    .filter((s) => s.parent === null)
    .map((s) => ({
      section: s.id,
      before: oldSections.get(s.id)?.ratio ?? null,
      after: s.ratio,
    }));

  return {
    score: {
      before: before.total.score,
      after: after.total.score,
      delta: round(after.total.score - before.total.score),
    },
    tier: { before: before.verdict.tier, after: after.verdict.tier },
    improved,
    fellBack,
    gatesPassed,
    gatesFailed,
    sections,
    unanswered,
  };
}
